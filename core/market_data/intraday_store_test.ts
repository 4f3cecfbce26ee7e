import assert from "node:assert/strict";
import { backendTest, openTestDb } from "../../tests/helpers/backends.ts";
import { appliedVersions, migrateDown, migrateUp } from "../db/migrations.ts";
import { MarketRepository } from "./repository.ts";
import { IntradayBars } from "./intraday_bars.ts";
import { IntradayStore } from "./intraday_store.ts";
import { OnlineStore } from "./online_store.ts";

// The first three real 1-minute SPY bars of the regular session of 2013-10-04 (LEAN sample data,
// ../shared/data/intraday/minute/SPY_1m.csv): 09:30, 09:31, 09:32 EDT = 13:30.. UTC.
const T0 = Date.UTC(2013, 9, 4, 13, 30);
const BARS = [
  { ts: T0, open: 167.74, high: 167.82, low: 167.67, close: 167.77, volume: 633958 },
  { ts: T0 + 60_000, open: 167.76, high: 167.83, low: 167.73, close: 167.75, volume: 641236 },
  { ts: T0 + 120_000, open: 167.75, high: 167.77, low: 167.68, close: 167.7, volume: 453393 },
];
const META = {
  symbol: "SPY",
  name: "SPDR S&P 500 ETF Trust",
  market: "US",
  currency: "USD",
  source: "test",
  timeZone: "America/New_York",
};

backendTest("IntradayStore - upserts idempotently, reads ranges, bumps the version", async (b) => {
  const db = await openTestDb(b);
  try {
    await migrateUp(db);
    const store = new IntradayStore(db);
    const repo = new MarketRepository(db);
    assert.equal(await store.write(META, "1m", BARS), 3);
    const v1 = (await repo.versions()).get("SPY");
    assert.equal(await store.write(META, "1m", BARS), 0, "the same bars again write nothing");
    assert.equal((await repo.versions()).get("SPY"), v1, "no change, no new data version");
    const changed = [{ ...BARS[2]!, close: 167.71 }];
    assert.equal(await store.write(META, "1m", changed), 1, "a corrected bar is replaced");
    assert.ok((await repo.versions()).get("SPY")! > v1!, "a change bumps the data version");
    assert.deepEqual(await store.range("SPY", "1m"), [BARS[0], BARS[1], changed[0]]);
    assert.deepEqual(
      await store.range("SPY", "1m", { from: T0 + 60_000, to: T0 + 120_000 }),
      [BARS[1]],
      "from inclusive, to exclusive",
    );
    assert.deepEqual(await store.range("SPY", "5m"), [], "intervals are kept apart");
    const cols = await store.columns("SPY", "1m");
    assert.deepEqual(Array.from(cols.ts), [T0, T0 + 60_000, T0 + 120_000]);
    assert.deepEqual(Array.from(cols.close), [167.77, 167.75, 167.71]);
    assert.deepEqual(await store.extents("SPY"), [
      { interval: "1m", bars: 3, first: T0, last: T0 + 120_000 },
    ]);
    assert.equal(await store.timeZone("SPY"), "America/New_York");
    assert.equal(await store.timeZone("NOPE"), null);
    const listed = await repo.listSymbols();
    assert.ok(
      !listed.some((s) => s.symbol === "SPY"),
      "an intraday-only symbol is not in the universe",
    );
  } finally {
    await db.close();
  }
});

backendTest(
  "migration 14 - adds time zones (TW is Asia/Taipei) and rolls back cleanly",
  async (b) => {
    const db = await openTestDb(b);
    try {
      await migrateUp(db, { target: 13 });
      await db.run(
        `INSERT INTO symbols (symbol, name, market, currency, source, added_at)
       VALUES ('2330.TW', 'TSMC', 'TW', 'TWD', 't', 'now'), ('AAPL', 'Apple', 'US', 'USD', 't', 'now')`,
      );
      await db.run(
        `INSERT INTO candles (symbol, date, open, high, low, close, volume)
       VALUES ('AAPL', '2018-05-11', 189.49, 190.06, 187.45, 188.59, 26212221)`,
      );
      await migrateUp(db, { target: 14 });
      const zones = await db.query<{ symbol: string; time_zone: string }>(
        "SELECT symbol, time_zone FROM symbols ORDER BY symbol",
      );
      assert.deepEqual(zones.map((z) => ({ ...z })), [
        { symbol: "2330.TW", time_zone: "Asia/Taipei" },
        { symbol: "AAPL", time_zone: "America/New_York" },
      ]);
      await new IntradayStore(db).write({ ...META, symbol: "AAPL" }, "1m", BARS);
      assert.deepEqual(await migrateDown(db, { steps: 1 }), [14]);
      assert.equal((await appliedVersions(db)).at(-1), 13);
      const daily = await db.query<{ close: number }>("SELECT close FROM candles");
      assert.deepEqual(
        daily.map((d) => ({ ...d })),
        [{ close: 188.59 }],
        "daily candles survive the round trip",
      );
      await assert.rejects(db.query("SELECT COUNT(*) FROM intraday_bars"));
      await assert.rejects(db.query("SELECT time_zone FROM symbols"));
      await migrateUp(db, { target: 14 });
      assert.equal((await appliedVersions(db)).at(-1), 14);
    } finally {
      await db.close();
    }
  },
);

backendTest(
  "IntradayBars - the bundled BAC hours and days load on first use and read back",
  async (b) => {
    const db = await openTestDb(b);
    try {
      await migrateUp(db);
      const market = new MarketRepository(db);
      const bars = new IntradayBars(new IntradayStore(db), {
        embeddedDir: new URL("../data/market/intraday", import.meta.url).pathname,
        market,
        online: new OnlineStore(db),
      });
      const hourly = (await bars.load("BAC", "1h", "none"))!;
      assert.equal(hourly.dates.length, 40818);
      assert.equal(hourly.dates[0], "1998-01-02T09:30:00-05:00");
      assert.equal((await market.extent("BAC")).bars, 5849);
      await bars.ensureEmbedded("BAC");
      assert.equal((await market.extent("BAC")).bars, 5849, "loaded once");
    } finally {
      await db.close();
    }
  },
);
