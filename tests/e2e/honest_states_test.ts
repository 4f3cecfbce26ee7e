/**
 * Browser tests of issue 19 finding 6 (honest states): stale data carries a badge with its as-of
 * date; the offline replay is labelled and the whole markets row (price, date, sparkline, signal)
 * is the replayed bar's; "52-week" only with 52 weeks of history; too little history says how
 * much is needed instead of blaming the server.
 */
import assert from "node:assert/strict";
import { openSqlite } from "../../core/db/sqlite.ts";
import { MarketRepository } from "../../core/market_data/repository.ts";
import { parseStockDay, parseStockDayName } from "../../core/providers/twse.ts";
import { fixture } from "../helpers/fixture_server.ts";
import { SHOTS } from "./_browser.ts";
import { browserSession, type Stack } from "./_stack.ts";

/** Stores 2330.TW's recorded TWSE month (December 2020): a symbol with little history. */
async function storeTaiwanMonth(stack: Stack): Promise<number> {
  const doc = JSON.parse(fixture("twse/STOCK_DAY_2330_202012.json"));
  const bars = parseStockDay("2330", doc);
  const db = await openSqlite(stack.dbUrl.slice("sqlite:///".length));
  try {
    await new MarketRepository(db).importBars({
      symbol: "2330.TW",
      name: "2330.TW",
      nameZh: parseStockDayName(doc) ?? null,
      market: "TW",
      currency: "TWD",
      source: "twse",
    }, bars);
  } finally {
    await db.close();
  }
  return bars.length;
}

Deno.test({
  name: "e2e honest states - stale badges, a consistent replay row, 52-week only with 52 weeks, " +
    "not enough history",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const coreEnv = { REPLAY_STEP_MS: "150" };
    await browserSession("e2e-honest-states", { coreEnv }, async ({ page, problems, stack }) => {
      const base = stack.web.url;
      const stored = await storeTaiwanMonth(stack);
      await page.setViewportSize({ width: 1440, height: 900 });

      // Markets: the bundled prices end in 2021 (AAPL: 2021-03-31), so each row says how old it is.
      await page.goto(base + "/", { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=Watchlist][data-hydrated=true]");
      const aapl = page.locator("tr[data-symbol=AAPL]");
      const stale = (await aapl.getByTestId("stale-badge").innerText()).replace(/\s+/g, " ");
      assert.equal(stale, "Stale as of Mar 31, 2021");

      // Live quotes offline: a replayed bar is labelled and is the whole row.
      await page.getByLabel("Live quotes").check();
      const replayed = aapl.and(page.locator("[data-replay=true]"));
      await replayed.waitFor({ timeout: 20_000 });
      const row = await aapl.evaluate((tr) => ({
        badge: tr.querySelector("[data-testid=replay-badge]")?.textContent ?? "",
        date: tr.querySelector("[data-testid=row-date]")?.textContent ?? "",
        price: tr.querySelector("td.num")?.textContent ?? "",
        signal: tr.querySelectorAll("td")[4]?.textContent ?? "",
        points: (tr.querySelector("polyline")?.getAttribute("points") ?? "").split(" ").length,
      }));
      assert.equal(row.badge, `Replay · ${row.date}`);
      assert.equal(row.signal.trim(), "–", "no signal of another bar");
      const day = new Date(`${row.date} UTC`).toISOString().slice(0, 10);
      const { candles } = await (await fetch(
        `${stack.core.url}/api/symbols/AAPL/candles?limit=60`,
      )).json() as { candles: { date: string; close: number }[] };
      const upTo = candles.filter((c) => c.date.slice(0, 10) <= day);
      assert.equal(row.price, upTo.at(-1)!.close.toFixed(2), "the price of the replayed bar");
      if (upTo.length > 1) assert.equal(row.points, upTo.length, "the sparkline ends at that bar");
      await page.screenshot({ path: `${SHOTS}honest-markets-replay.png` });
      await page.getByLabel("Live quotes").uncheck();

      // A symbol with 23 years: "52-week", and its stale badge with the as-of date.
      await page.goto(base + "/symbol/AAPL", { waitUntil: "networkidle" });
      assert.equal(await page.getByTestId("high-label").innerText(), "52-week high");
      assert.match(await page.getByTestId("stale-badge").innerText(), /as of Mar 31, 2021/);

      // A symbol with one month: the span it covers, and how much history the indicators need.
      await page.goto(base + "/symbol/2330.TW", { waitUntil: "networkidle" });
      assert.equal(await page.getByTestId("high-label").innerText(), "High since Dec 1, 2020");
      const note = await page.getByTestId("indicator-notice").first().innerText();
      assert.match(note, new RegExp(`Not enough history: needs \\d+ bars, ${stored} stored\\.`));
      // the chart's indicator switch says the same when the month cannot warm it up
      await page.waitForSelector("[data-island=PriceChart][data-hydrated=true]");
      await page.waitForSelector(".chart-box[data-status=ready]");
      // (the switch turns itself off again when the indicator cannot be drawn)
      await page.getByRole("checkbox", { name: "SMA 50" }).click();
      const chartNote = page.locator("[data-island=PriceChart] [data-testid=indicator-notice]");
      await chartNote.waitFor();
      assert.equal(
        await chartNote.innerText(),
        `Not enough history: needs 50 bars, ${stored} stored.`,
      );
      await page.screenshot({ path: `${SHOTS}honest-symbol-short.png`, fullPage: true });
      assert.doesNotMatch(await page.locator("main").innerText(), /not available from the server/);
      // the one expected refusal: the 422 of SMA 50 (and the console line the browser logs for it)
      const unexpected = problems.filter((p) =>
        !/HTTP 422: .*\/indicators\?names=sma%3A50|status of 422/.test(p)
      );
      assert.deepEqual(unexpected, [], "no console errors and no failed requests");
    });
  },
});
