import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { UniverseCache } from "./universe.ts";

Deno.test("UniverseCache - serves one map until an import changes a data version, then re-reads only that symbol", async () => {
  const { deps } = await testCoreApp();
  const u = new UniverseCache(deps.series);
  const first = await u.all();
  assert.ok(first.size >= 13);
  assert.equal(await u.all(), first, "no change: the same map, no rebuild");
  deps.series.invalidate();
  assert.equal(await u.all(), first, "re-reading unchanged versions keeps the map");
  assert.equal(u.builds, 1);
  const before = first.get("AAPL")!;
  const spy = first.get("SPY")!;
  assert.ok(spy, "SPY is in the default universe");
  await deps.market.importBars(
    { symbol: "AAPL", name: "Apple", market: "US", currency: "USD", source: "test" },
    // a bar for the day after lean/AAPL.csv's last one (2021-03-31)
    [{ date: "2021-04-01", open: 123.66, high: 124.18, low: 122.49, close: 123, volume: 1e6 }],
  );
  deps.series.invalidate(); // what a local import does; other instances see it within 1 s
  const next = await u.all();
  assert.notEqual(next, first);
  assert.equal(u.builds, 2);
  assert.equal(next.get("AAPL")!.close.length, before.close.length + 1);
  assert.equal(next.get("AAPL")!.close.at(-1), 123);
  assert.equal(next.get("SPY"), spy, "unchanged symbols are not re-read");
  assert.deepEqual([...(await u.pick(["SPY", "NOPE", "AAPL"])).keys()], ["SPY", "AAPL"]);
  await deps.db.close();
});

Deno.test("UniverseCache.pick() - loads a symbol served by name (bundled, loaded on first use) before leaving it out", async () => {
  const { deps } = await testCoreApp();
  const u = new UniverseCache(deps.series);
  assert.equal((await u.all()).has("SPX"), false, "SPX is not stored at start");
  const picked = await u.pick(["SPX", "NOPE", "AAPL"]);
  assert.deepEqual([...picked.keys()], ["SPX", "AAPL"]);
  // extra/SPX.csv: 5,105 rows, 2000-01-03 .. 2020-04-17
  assert.equal(picked.get("SPX")!.close.length, 5105);
  assert.equal(picked.get("SPX")!.dates.at(-1), "2020-04-17");
  assert.equal(u.builds, 2, "rebuilt once after the load");
  await u.pick(["SPX", "NOPE", "AAPL"]);
  assert.equal(u.builds, 2, "nothing new to load: no rebuild");
  await deps.db.close();
});
