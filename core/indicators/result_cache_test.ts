import assert from "node:assert/strict";
import { indicatorCache, outputBytes } from "./result_cache.ts";

const arr = (n: number) => ({ v: new Float64Array(n) });

Deno.test("indicatorCache() - bounded by the bytes of the cached arrays; getOrCompute computes once", () => {
  const cache = indicatorCache({ maxEntries: 10, maxBytes: 8 * 100 });
  cache.set("a", arr(60));
  cache.set("b", arr(60)); // 960 bytes > 800: evicts a
  assert.equal(cache.get("a"), undefined);
  assert.equal(cache.size, 480);
  let calls = 0;
  cache.getOrCompute("c", () => (calls++, arr(10)));
  cache.getOrCompute("c", () => (calls++, arr(10)));
  assert.equal(calls, 1);
  assert.equal(outputBytes({ x: new Float64Array(3), y: new Float64Array(2) }), 40);
});
