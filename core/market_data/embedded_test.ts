import assert from "node:assert/strict";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { seedEmbedded } from "./embedded.ts";
import { OnlineStore } from "./online_store.ts";
import { MarketRepository } from "./repository.ts";
import { SeriesCache } from "./series_cache.ts";

const DATA = new URL("../data/market", import.meta.url).pathname;

async function setUp() {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  return { db, repo: new MarketRepository(db), online: new OnlineStore(db) };
}

/** A data folder laid out as an older release shipped it: SPX, and AAPL from Yahoo 2013–2018. */
async function olderRelease(): Promise<string> {
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(`${DATA}/extra/SPX.csv`, `${dir}/SPX.csv`);
  await Deno.copyFile(`${DATA}/extra/AAPL_2013_2018.csv`, `${dir}/AAPL.csv`);
  const entry = (symbol: string, note: string) => ({
    symbol,
    name: symbol,
    file: `${symbol}.csv`,
    rows: 0,
    source: "npm:test",
    version: "1",
    license: "test",
    note,
  });
  await Deno.writeTextFile(
    `${dir}/manifest.json`,
    JSON.stringify({
      symbols: [entry("SPX", "index"), entry("AAPL", "Yahoo Close is split-adjusted")],
    }),
  );
  return dir;
}

Deno.test("seedEmbedded - the default universe is SPY, QQQ, AAPL and GOOGL from LEAN (raw, factor-file splits) and nine Yahoo/Qt files", async () => {
  const { db, repo, online } = await setUp();
  try {
    const seeded = await seedEmbedded(repo, online, DATA);
    assert.deepEqual(seeded.map((s) => s.symbol), [
      "SPY",
      "QQQ",
      "AAPL",
      "GOOGL",
      "MSFT",
      "AMZN",
      "NVDA",
      "TSLA",
      "NFLX",
      "FB",
      "INTC",
      "AMD",
      "CSCO",
    ]);
    const listed = await repo.listSymbols();
    assert.equal(listed.length, 13);
    const aapl = listed.find((s) => s.symbol === "AAPL")!;
    assert.equal(aapl.bars, 5849, "AAPL 1998-01-02 .. 2021-03-31");
    assert.match(aapl.source ?? "", /QuantConnect\/Lean/);
    assert.equal(await repo.basisOf("AAPL"), "raw");
    const cache = new SeriesCache(repo, { online });
    const raw = await cache.get("AAPL", { adjust: "none" });
    const split = await cache.get("AAPL");
    const at = (s: typeof raw, d: string) => s.close[s.dates.indexOf(d)];
    assert.equal(at(raw, "2018-05-11"), 188.59, "as traded (the Yahoo file's close too)");
    assert.equal(at(split, "2018-05-11"), 188.59 / 4, "after the 2020 4:1 split");
    assert.equal(at(raw, "1999-12-31"), 102.75);
    assert.ok(
      Math.abs(at(split, "1999-12-31")! - 102.75 / 112) < 1e-9,
      "2000 (2:1), 2005 (2:1), 2014 (7:1) and 2020 (4:1): 112 shares for one",
    );
    assert.equal(at(split, "2021-03-31"), 122.15, "no split after the last bar");
  } finally {
    await db.close();
  }
});

Deno.test("seedEmbedded - upgrading an older release replaces its bundled AAPL, and SPX leaves the universe with its bars kept", async () => {
  const { db, repo, online } = await setUp();
  const old = await olderRelease();
  try {
    await seedEmbedded(repo, online, old);
    assert.equal((await repo.extent("AAPL")).bars, 1260, "the older release's Yahoo file");
    assert.equal(await repo.basisOf("AAPL"), "split_adjusted");
    await seedEmbedded(repo, online, DATA);
    assert.equal((await repo.extent("AAPL")).bars, 5849, "replaced by LEAN's, not merged");
    assert.equal(await repo.basisOf("AAPL"), "raw");
    const cache = new SeriesCache(repo, { online });
    const aapl = await cache.get("AAPL");
    assert.equal(aapl.close[aapl.dates.indexOf("2018-05-11")], 188.59 / 4);
    const listed = await repo.listSymbols();
    assert.equal(listed.length, 13);
    assert.ok(!listed.some((s) => s.symbol === "SPX"), "SPX is no longer a default symbol");
    assert.equal((await repo.extent("SPX")).bars, 5105, "its bars stay readable by name");
    const again = await seedEmbedded(repo, online, DATA);
    assert.ok(again.every((r) => r.written === 0), "a third start writes nothing");
  } finally {
    await db.close();
    await Deno.remove(old, { recursive: true });
  }
});

Deno.test("seedEmbedded - a symbol the user imported from CSV is never replaced or taken out of the universe", async () => {
  const { db, repo, online } = await setUp();
  try {
    const bars = [{ date: "2024-01-02", open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }];
    const meta = { market: "US", currency: "USD", source: "csv:mine.csv" };
    await repo.importBars({ symbol: "AAPL", name: "Mine", ...meta }, bars, { inUniverse: true });
    await repo.setSource("AAPL", "csv", "raw");
    await repo.importBars({ symbol: "ZZZ", name: "Mine too", ...meta }, bars, { inUniverse: true });
    await repo.setSource("ZZZ", "csv", "raw");
    const seeded = await seedEmbedded(repo, online, DATA);
    assert.equal(seeded.find((s) => s.symbol === "AAPL")!.written, 0);
    assert.equal((await repo.extent("AAPL")).bars, 1, "the user's one bar, not LEAN's 5,849");
    const listed = await repo.listSymbols();
    assert.ok(listed.some((s) => s.symbol === "ZZZ"), "still in the universe");
    assert.equal(listed.find((s) => s.symbol === "AAPL")!.name, "Mine");
  } finally {
    await db.close();
  }
});
