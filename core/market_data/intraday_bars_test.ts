import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { realMinuteBars } from "../../tests/helpers/intraday_minutes.ts";
import { loadBars } from "../timeframes/load_bars.ts";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { parseOhlcvCsv } from "./csv.ts";
import { IntradayBars } from "./intraday_bars.ts";
import { IntradayStore } from "./intraday_store.ts";

const DIR = new URL("../data/market/intraday", import.meta.url).pathname;
const SPY_META = {
  symbol: "SPY",
  name: "SPDR S&P 500 ETF Trust",
  market: "US",
  currency: "USD",
  source: "test",
  timeZone: "America/New_York",
};

async function setUp() {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  const store = new IntradayStore(db);
  return { db, store, bars: new IntradayBars(store, { embeddedDir: DIR }) };
}

Deno.test("IntradayBars - the bundled hourly SPY loads on first use, every bar in the regular session across 23 years of DST", async () => {
  const { db, store, bars } = await setUp();
  try {
    assert.deepEqual(await store.extents("SPY"), [], "nothing loaded at start");
    const spy = (await bars.load("SPY", "1h"))!;
    assert.equal(spy.dates.length, 40832);
    assert.equal(spy.dates[0], "1998-01-02T09:30:00-05:00", "the 09:00 bar covers 09:30–10:00");
    assert.equal(spy.dates.at(-1), "2021-03-31T15:00:00-04:00");
    assert.equal(spy.close.at(-1), 396.33);
    assert.equal(spy.partial, false);
    const times = new Set(spy.dates.map((d) => d.slice(11, 16)));
    assert.deepEqual([...times].sort(), [
      "09:30",
      "10:00",
      "11:00",
      "12:00",
      "13:00",
      "14:00",
      "15:00",
    ]);
    assert.deepEqual(new Set(spy.dates.map((d) => d.slice(19))), new Set(["-05:00", "-04:00"]));
    assert.equal(await bars.load("SPY", "1h"), spy, "cached while the data version holds");
    assert.equal(await bars.load("SPY", "5m"), null, "hourly bars cannot make 5-minute bars");
    assert.deepEqual(await bars.intervals("SPY"), ["1h"]);
    assert.equal(await bars.load("MSFT", "1h"), null, "no intraday data, no bars");
  } finally {
    await db.close();
  }
});

Deno.test("IntradayBars - imported minutes serve 1m…30m by session aggregation; a new import is noticed", async () => {
  const { db, store, bars } = await setUp();
  try {
    const minutes = await realMinuteBars("SPY");
    await store.write(SPY_META, "1m", minutes.slice(0, 1000));
    assert.deepEqual(await bars.intervals("SPY"), ["1m", "5m", "15m", "30m", "1h"]);
    const five = (await bars.load("SPY", "5m"))!;
    assert.equal(five.dates[0], "2013-10-04T09:30:00-04:00");
    const one = (await bars.load("SPY", "1m"))!;
    assert.ok(one.dates.every((d) => d.slice(11, 16) >= "09:30" && d.slice(11, 16) < "16:00"));
    const ext = (await bars.load("SPY", "1m", "split", { extended: true }))!;
    assert.equal(ext.dates[0], "2013-10-04T04:06:00-04:00", "pre-market with the flag");
    const hour = (await bars.load("SPY", "1h"))!;
    assert.equal(hour.dates.length, 40832, "the stored hourly bars win over aggregated minutes");
    await store.write(SPY_META, "1m", minutes.slice(1000, 2000));
    const again = (await bars.load("SPY", "5m"))!;
    assert.notEqual(again, five, "the import bumped the data version");
    assert.ok(again.dates.length > five.dates.length);
  } finally {
    await db.close();
  }
});

Deno.test("IntradayBars - hourly AAPL agrees with the bundled daily AAPL close on all 1,260 common days", async () => {
  const { db, bars } = await setUp();
  try {
    const hourly = (await bars.load("AAPL", "1h", "none"))!;
    const lastClose = new Map<string, number>();
    hourly.dates.forEach((d, i) => lastClose.set(d.slice(0, 10), hourly.close[i]!));
    const daily = parseOhlcvCsv(
      await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url)),
    ).bars;
    let worst = 0;
    for (const d of daily) {
      // the daily file is split-adjusted (Yahoo), the hourly raw: 7:1 on 2014-06-09
      const h = lastClose.get(d.date)! / (d.date < "2014-06-09" ? 7 : 1);
      worst = Math.max(worst, Math.abs(h - d.close) / d.close);
    }
    assert.equal(daily.length, 1260);
    assert.ok(worst < 0.0012, `every close within 0.12%, worst ${worst}`);
  } finally {
    await db.close();
  }
});

Deno.test("core app - loadBars answers SPY and IBM at 1h from the bundled data; /symbols still lists the 13 daily symbols", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const spy = await loadBars(deps, "SPY", "1h");
    assert.equal(spy.interval, "1h");
    assert.equal(spy.dates.length, 40832);
    await assert.rejects(
      loadBars(deps, "AAPL", "5m"),
      /No intraday bars for AAPL at 5m: only 1h, 1d, 1w, 1mo are available for it/,
    );
    // IBM_1h.csv has 40,813 hourly rows; IBM is loaded on this first use, outside the universe
    const ibm = await loadBars(deps, "IBM", "1h");
    assert.equal(ibm.dates.length, 40813);
    const body = await (await app.request("/symbols")).json();
    assert.equal(body.total, 13, "symbols loaded on first use stay outside the default universe");
    assert.ok(!body.symbols.some((s: { symbol: string }) => s.symbol === "IBM"));
    assert.ok(
      body.symbols.some((s: { symbol: string }) => s.symbol === "SPY"),
      "SPY's daily bars are in the default universe (LEAN)",
    );
  } finally {
    await deps.db.close();
  }
});

Deno.test("IntradayBars - adjust=split applies AAPL's bundled splits: no jump across 2014-06-09 or 2020-08-31", async () => {
  const { db, bars } = await setUp();
  try {
    const raw = (await bars.load("AAPL", "1h", "none"))!;
    const split = (await bars.load("AAPL", "1h", "split"))!;
    const lastOf = (s: typeof raw, day: string) =>
      s.close[s.dates.findLastIndex((d) => d.startsWith(day))]!;
    const firstOf = (s: typeof raw, day: string) =>
      s.open[s.dates.findIndex((d) => d.startsWith(day))]!;
    assert.equal(lastOf(raw, "2014-06-06"), 645.57, "raw: as traded before the 7:1 split");
    assert.ok(Math.abs(lastOf(split, "2014-06-06") - 645.57 / 28) < 1e-9, "÷ 7 ÷ 4");
    for (const [before, after] of [["2014-06-06", "2014-06-09"], ["2020-08-28", "2020-08-31"]]) {
      const gap = Math.abs(firstOf(split, after!) / lastOf(split, before!) - 1);
      assert.ok(gap < 0.03, `${before} → ${after}: ${gap}`);
    }
    assert.equal(split.close.at(-1), raw.close.at(-1), "the last bars are after every split");
  } finally {
    await db.close();
  }
});

Deno.test("core app - SPY, IBM, BAC, QQQ and GOOGL get daily bars (LEAN, with splits); hourly and daily closes of SPY, AAPL, IBM and BAC agree on every day", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const before = await (await app.request("/symbols?all=true")).json();
    assert.ok(
      !before.symbols.some((s: { symbol: string }) => s.symbol === "IBM"),
      "nothing loaded at start",
    );
    // AAPL's daily bars are the default universe's (LEAN daily), its hours the bundled LEAN
    // hours: the two files agree on the close of every one of the 5,849 days
    for (const symbol of ["SPY", "AAPL", "IBM", "BAC"]) {
      const daily = await deps.series.get(symbol, { adjust: "none" });
      assert.equal(daily.dates.length, 5849, symbol);
      assert.equal(daily.dates[0], "1998-01-02");
      const hourly = (await deps.intraday.load(symbol, "1h", "none"))!;
      const lastClose = new Map<string, number>();
      hourly.dates.forEach((d, i) => lastClose.set(d.slice(0, 10), hourly.close[i]!));
      assert.equal(lastClose.size, daily.dates.length, `${symbol}: the same trading days`);
      daily.dates.forEach((d, i) =>
        assert.equal(lastClose.get(d), daily.close[i], `${symbol} ${d}`)
      );
    }
    const ibm = await deps.series.actions("IBM");
    assert.deepEqual(ibm.splits, [{ date: "1999-05-27", ratio: 2 }], "IBM's 1999 2:1 split");
    const raw = await deps.series.get("IBM", { adjust: "none" });
    const split = await deps.series.get("IBM", { adjust: "split" });
    assert.equal(split.close[0], raw.close[0]! / 2, "prices before the split halved");
    const weekly = await (await app.request("/api/symbols/SPY/candles?interval=1w&limit=2")).json();
    assert.equal(weekly.candles.length, 2, "weekly bars from the daily ones");
    for (const [symbol, first] of [["QQQ", "1999-03-10"], ["GOOGL", "2014-04-03"]] as const) {
      const daily = await deps.series.get(symbol, { adjust: "none" });
      assert.equal(daily.dates[0], first, `${symbol}: daily-only LEAN history (default universe)`);
      assert.equal(daily.dates.at(-1), "2021-03-31");
      assert.equal(await deps.intraday.load(symbol, "1h"), null, `${symbol} has no intraday bars`);
    }
    const listed = await (await app.request("/symbols")).json();
    assert.equal(listed.total, 13, "IBM and BAC stay outside the default universe");
    assert.equal((await app.request("/api/symbols/NOPE/quote")).status, 404);
  } finally {
    await deps.db.close();
  }
});
