import assert from "node:assert/strict";
import { IndicatorCache } from "./result_cache.ts";

const arr = (n: number) => ({ x: new Float64Array(n) });

Deno.test("IndicatorCache - returns the stored value and evicts the least recently used", () => {
  const cache = new IndicatorCache({ maxEntries: 2 });
  const a = arr(1), b = arr(1), c = arr(1);
  cache.set("a", a);
  cache.set("b", b);
  assert.equal(cache.get("a"), a); // a is now the most recent
  cache.set("c", c); // evicts b
  assert.equal(cache.get("b"), undefined);
  assert.equal(cache.get("a"), a);
  assert.equal(cache.get("c"), c);
  assert.deepEqual(cache.stats(), { entries: 2, bytes: 16, hits: 3, misses: 1 });
});

Deno.test("IndicatorCache - bounded by bytes; getOrCompute computes once", () => {
  const cache = new IndicatorCache({ maxEntries: 10, maxBytes: 8 * 100 });
  cache.set("big", arr(101)); // larger than the budget: not kept
  assert.equal(cache.get("big"), undefined);
  cache.set("a", arr(60));
  cache.set("b", arr(60)); // 960 bytes > 800: a goes
  assert.equal(cache.get("a"), undefined);
  let calls = 0;
  const compute = () => (calls++, arr(3));
  const first = cache.getOrCompute("k", compute);
  assert.equal(cache.getOrCompute("k", compute), first);
  assert.equal(calls, 1);
  assert.throws(() => new IndicatorCache({ maxEntries: 0 }), RangeError);
});
