/**
 * Every page of the dashboard for the page-walking browser checks (phone layout, axe) and the
 * screenshots, and the data they need: a signed-in admin with a paper account, and 2330.TW
 * stored from the recorded TWSE response (it is not in the bundled data).
 *
 * @module
 */
import type { Page } from "playwright-core";
import { openSqlite } from "../../core/db/sqlite.ts";
import { MarketRepository } from "../../core/market_data/repository.ts";
import { parseStockDay, parseStockDayName } from "../../core/providers/twse.ts";
import { createAdmin } from "../../core/auth/admin_cli.ts";
import { fixture } from "../helpers/fixture_server.ts";
import type { Stack } from "./_stack.ts";

/** Pages walked, by name (the symbol pages of a US and a Taiwan stock). */
export const WALK_PAGES: Record<string, string> = {
  markets: "/",
  symbol: "/symbol/AAPL",
  "symbol-tw": "/symbol/2330.TW",
  screener: "/screener",
  alerts: "/alerts?symbol=AAPL",
  backtest: "/backtest?symbol=AAPL",
  paper: "/paper?symbol=AAPL",
  account: "/account",
  admin: "/admin",
  track: "/track-record",
  sources: "/sources",
  docs: "/docs",
};

/** The two screens every page must fit. */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Stores 2330.TW's recorded TWSE month (December 2020) as the online provider would. */
export async function storeTaiwanFixture(stack: Stack): Promise<void> {
  const doc = JSON.parse(fixture("twse/STOCK_DAY_2330_202012.json"));
  const db = await openSqlite(stack.dbUrl.slice("sqlite:///".length));
  try {
    await new MarketRepository(db).importBars({
      symbol: "2330.TW",
      name: "2330.TW",
      nameZh: parseStockDayName(doc) ?? null,
      market: "TW",
      currency: "TWD",
      source: "twse",
    }, parseStockDay("2330", doc));
  } finally {
    await db.close();
  }
}

/**
 * Signs `page` up as `email` (an admin, so /admin shows its tables), opens a paper account
 * holding 100 AAPL, and stores 2330.TW.
 */
export async function seedPages(page: Page, stack: Stack, email: string): Promise<void> {
  const base = stack.web.url;
  const post = (path: string, body: unknown) =>
    page.request.post(base + path, { data: body, headers: { "content-type": "application/json" } });
  await page.goto(base + "/");
  const reg = await post("/api/auth/register", { email, password: "walk pass 12345" });
  if (!reg.ok()) throw new Error(`register: ${reg.status()} ${await reg.text()}`);
  const db = await openSqlite(stack.dbUrl.slice("sqlite:///".length));
  try {
    await createAdmin(db, { email, now: Date.now() });
  } finally {
    await db.close();
  }
  const acc = await (await post("/api/paper/accounts", { start: "2018-01-02" })).json();
  await post(`/api/paper/accounts/${acc.id}/orders`, {
    client_order_id: "walk-1",
    symbol: "AAPL",
    side: "buy",
    qty: 100,
  });
  await post(`/api/paper/accounts/${acc.id}/advance`, { bars: 1 });
  await storeTaiwanFixture(stack);
}

/** Opens `path` in `lang` and `theme` and waits for the page to settle. */
export async function openPage(
  page: Page,
  base: string,
  path: string,
  { lang, theme }: { lang: string; theme: string },
): Promise<void> {
  await page.goto(`${base}/prefs/lang/${lang}?next=/sources`);
  await page.goto(`${base}/prefs/theme/${theme}?next=${encodeURIComponent(path)}`, {
    waitUntil: "networkidle",
  });
  await page.waitForTimeout(300);
}
