/**
 * The storage layer on both backends: migrations up/down, transactions, the market repository
 * and the embedded seed behave the same on SQLite and on a real PostgreSQL.
 *
 * @module
 */
import assert from "node:assert/strict";
import { appliedVersions, migrateDown, migrateUp, MIGRATIONS } from "../../core/db/migrations.ts";
import { seedEmbedded } from "../../core/market_data/embedded.ts";
import { OnlineStore } from "../../core/market_data/online_store.ts";
import { MarketRepository } from "../../core/market_data/repository.ts";
import { backendTest, DATA_DIR, openTestDb } from "../helpers/backends.ts";

const META = { symbol: "TST", name: "Test", market: "US", currency: "USD", source: "test" };
const BARS = [
  { date: "2020-01-02", open: 10, high: 11, low: 9.5, close: 10.5, volume: 1000 },
  { date: "2020-01-03", open: 10.5, high: 12, low: 10, close: 11.75, volume: 2500000000 },
  { date: "2020-01-06", open: 11.75, high: 12.25, low: 11, close: 11.1, volume: 0 },
];

async function tableExists(db: Awaited<ReturnType<typeof openTestDb>>, table: string) {
  try {
    await db.query(`SELECT COUNT(*) AS n FROM ${table}`);
    return true;
  } catch {
    return false;
  }
}

backendTest("migrations - up, down to nothing and up again", async (backend) => {
  const db = await openTestDb(backend);
  try {
    const all = MIGRATIONS.map((m) => m.version);
    assert.deepEqual(await migrateUp(db), all);
    assert.deepEqual(await migrateUp(db), [], "a second run applies nothing");
    assert.ok(await tableExists(db, "candles"));
    assert.deepEqual(await migrateDown(db, { steps: all.length }), [...all].reverse());
    assert.deepEqual(await appliedVersions(db), []);
    assert.equal(await tableExists(db, "symbols"), false, "rollback dropped the tables");
    assert.deepEqual(await migrateUp(db), all);
  } finally {
    await db.close();
  }
});

backendTest(
  "Db.transaction() - commits on success, rolls back every statement on error",
  async (backend) => {
    const db = await openTestDb(backend);
    try {
      await migrateUp(db);
      const repo = new MarketRepository(db);
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.run(
            "INSERT INTO symbols (symbol, name, market, currency, source, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            ["A", "a", "US", "USD", "t", "now"],
          );
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.equal(await repo.countSymbols(), 0);
      await db.transaction((tx) =>
        tx.run(
          "INSERT INTO symbols (symbol, name, market, currency, source, added_at) VALUES (?, ?, ?, ?, ?, ?)",
          ["B", "b", "US", "USD", "t", "now"],
        )
      );
      assert.equal(await repo.countSymbols(), 1);
    } finally {
      await db.close();
    }
  },
);

backendTest(
  "MarketRepository - import, re-import, list and load with numbers, not strings",
  async (backend) => {
    const db = await openTestDb(backend);
    try {
      await migrateUp(db);
      const repo = new MarketRepository(db);
      assert.equal(await repo.importBars(META, BARS, { inUniverse: true, now: "t0" }), 3);
      assert.equal(await repo.importBars(META, BARS, { replace: false, now: "t1" }), 0);
      const changed = [{ ...BARS[2]!, close: 11.2 }];
      assert.equal(await repo.importBars(META, changed, { replace: true, now: "t2" }), 1);
      const [info] = await repo.listSymbols();
      assert.deepEqual(info, {
        ...META,
        name_zh: null, // no Chinese name in the import (TWSE documents give one: migration 0016)
        bars: 3,
        first: "2020-01-02",
        last: "2020-01-06",
      });
      assert.equal(typeof info!.bars, "number");
      const versions = await repo.versions();
      assert.strictEqual(versions.get("TST"), 3, "data_version is a number bumped per import");
      const s = await repo.loadSeries("TST");
      assert.ok(s);
      assert.deepEqual(s.dates, BARS.map((b) => b.date));
      assert.deepEqual([...s.close], [10.5, 11.75, 11.2]);
      assert.equal(s.volume[1], 2500000000);
      assert.equal(await repo.loadSeries("NOPE"), null);
      assert.deepEqual(await repo.extent("TST"), { bars: 3, last: "2020-01-06" });
      assert.deepEqual(await repo.listSymbols({ all: false }), [info]);
    } finally {
      await db.close();
    }
  },
);

backendTest(
  "MarketRepository - concurrent imports of one symbol end consistent",
  async (backend) => {
    const db = await openTestDb(backend);
    try {
      await migrateUp(db);
      const repo = new MarketRepository(db);
      await repo.importBars(META, BARS, { now: "t0" });
      await Promise.all(
        Array.from(
          { length: 8 },
          (_, i) => repo.importBars(META, [{ ...BARS[0]!, close: 10 + i / 100 }], { now: `t${i}` }),
        ),
      );
      assert.equal((await repo.versions()).get("TST"), 9, "each import bumped the version once");
      assert.equal((await repo.extent("TST")).bars, 3);
    } finally {
      await db.close();
    }
  },
);

backendTest(
  "seedEmbedded() - loads the 13 real symbols once, analyzes, and is idempotent",
  async (backend) => {
    const db = await openTestDb(backend);
    try {
      await migrateUp(db);
      const repo = new MarketRepository(db);
      const online = new OnlineStore(db);
      const first = await seedEmbedded(repo, online, DATA_DIR);
      assert.equal(first.length, 13);
      assert.ok(first.every((r) => r.written === r.bars && r.bars > 0));
      const second = await seedEmbedded(repo, online, DATA_DIR);
      assert.ok(second.every((r) => r.written === 0), "second seed writes nothing");
      const listed = await repo.listSymbols();
      assert.equal(listed.length, 13);
      const spy = listed.find((s) => s.symbol === "SPY")!;
      assert.equal(spy.bars, 5849, "SPY 1998-01-02 .. 2021-03-31 (LEAN)");
      assert.equal(spy.bars, first.find((r) => r.symbol === "SPY")!.bars);
      const aapl = await online.actions("AAPL");
      assert.deepEqual(
        aapl.splits.map((s) => [s.date, s.ratio]),
        [["2000-06-21", 2], ["2005-02-28", 2], ["2014-06-09", 7], ["2020-08-31", 4]],
        "AAPL's four splits come from its LEAN factor file",
      );
      const stats = backend === "postgres"
        ? await db.query<{ n: number }>(
          "SELECT COUNT(*) AS n FROM pg_stats WHERE tablename = 'candles'",
        )
        : await db.query<{ n: number }>(
          "SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'candles'",
        );
      assert.ok(stats[0]!.n > 0, "planner statistics exist after the seed");
    } finally {
      await db.close();
    }
  },
);
