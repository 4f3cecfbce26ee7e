/**
 * The islands client entry: finds every `[data-island]` marker, loads that island's chunk on
 * demand and hydrates it with the props the server rendered it with. Loaded as an external
 * module script (the CSP allows no inline script).
 *
 * @module
 */
import { type ComponentType, h, hydrate } from "preact";
import { type Dictionary, registerDictionary } from "../i18n/mod.ts";

type Loader = () => Promise<{ default: ComponentType<Record<string, unknown>> }>;

const LOADERS: Record<string, Loader> = {
  Watchlist: () => import("../islands/Watchlist.tsx") as never,
  PriceChart: () => import("../islands/PriceChart.tsx") as never,
  AiPanel: () => import("../islands/AiPanel.tsx") as never,
  BacktestLab: () => import("../islands/BacktestLab.tsx") as never,
  SignIn: () => import("../islands/SignIn.tsx") as never,
  AccountPanel: () => import("../islands/AccountPanel.tsx") as never,
  AdminPanel: () => import("../islands/AdminPanel.tsx") as never,
  PaperDesk: () => import("../islands/PaperDesk.tsx") as never,
  Screener: () => import("../islands/Screener.tsx") as never,
  NotificationBell: () => import("../islands/NotificationBell.tsx") as never,
  Alerts: () => import("../islands/Alerts.tsx") as never,
  ConfirmEmail: () => import("../islands/ConfirmEmail.tsx") as never,
};

/** Names the client knows, for the registry test. */
export const CLIENT_ISLANDS = Object.keys(LOADERS);

async function boot(el: HTMLElement): Promise<void> {
  const name = el.dataset.island ?? "";
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown island ${name}`);
  const mod = await load();
  const props = JSON.parse(el.dataset.props ?? "{}") as Record<string, unknown>;
  hydrate(h(mod.default, props), el);
  el.dataset.hydrated = "true";
}

/** Loads the page language's messages only (each dictionary is its own chunk). */
async function loadLanguage(): Promise<void> {
  if (document.documentElement.lang === "zh-TW") {
    registerDictionary("zh-TW", (await import("../i18n/zh-TW.ts")).zhTW as Dictionary);
  } else {
    registerDictionary("en", (await import("../i18n/en.ts")).en as Dictionary);
  }
}

if (typeof document !== "undefined") {
  const islands = document.querySelectorAll<HTMLElement>("[data-island]");
  if (islands.length) {
    void loadLanguage().then(() => {
      for (const el of islands) void boot(el);
    });
  }
}
