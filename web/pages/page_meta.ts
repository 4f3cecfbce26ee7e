/**
 * The meta description of each page (what search engines and link previews show), in the UI
 * language, by route pattern; a page without its own entry gets the site's.
 *
 * @module
 */
import type { MessageKey, T } from "../i18n/mod.ts";

/** Description key of each page route pattern. */
export const PAGE_DESCRIPTIONS: Readonly<Record<string, MessageKey>> = {
  "/": "meta.markets",
  "/symbol/:symbol": "meta.symbol",
  "/screener": "meta.screener",
  "/alerts": "meta.alerts",
  "/alerts/confirm": "meta.alertsConfirm",
  "/backtest": "meta.backtest",
  "/paper": "meta.paper",
  "/account": "meta.account",
  "/admin": "meta.admin",
  "/sources": "meta.sources",
  "/track-record": "meta.track",
};

/**
 * The description of the page at route `pattern` with path `params` (`{symbol}` filled in).
 *
 * @example
 * ```ts
 * import "../i18n/dictionaries.ts";
 * import { translator } from "../i18n/mod.ts";
 * import { pageDescription } from "./page_meta.ts";
 *
 * pageDescription(translator("en"), "/symbol/:symbol", { symbol: "AAPL" });
 * ```
 */
export function pageDescription(t: T, pattern: string, params: Record<string, string>): string {
  return t(PAGE_DESCRIPTIONS[pattern] ?? "meta.default", { symbol: params.symbol ?? "" });
}
