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
  const spx = first.get("SPX")!;
  await deps.market.importBars(
    { symbol: "AAPL", name: "Apple", market: "US", currency: "USD", source: "test" },
    [{ date: "2018-05-14", open: 190, high: 191, low: 189, close: 190.5, volume: 1e6 }],
  );
  deps.series.invalidate(); // what a local import does; other instances see it within 1 s
  const next = await u.all();
  assert.notEqual(next, first);
  assert.equal(u.builds, 2);
  assert.equal(next.get("AAPL")!.close.length, before.close.length + 1);
  assert.equal(next.get("AAPL")!.close.at(-1), 190.5);
  assert.equal(next.get("SPX"), spx, "unchanged symbols are not re-read");
  assert.deepEqual([...(await u.pick(["SPX", "NOPE", "AAPL"])).keys()], ["SPX", "AAPL"]);
  await deps.db.close();
});
