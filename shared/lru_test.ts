import assert from "node:assert/strict";
import { Lru } from "./lru.ts";

Deno.test("Lru - evicts the least recently used entry beyond maxEntries", () => {
  const c = new Lru<number>({ maxEntries: 2 });
  c.set("a", 1);
  c.set("b", 2);
  assert.equal(c.get("a"), 1);
  c.set("c", 3);
  assert.equal(c.get("b"), undefined);
  assert.equal(c.get("a"), 1);
  assert.equal(c.get("c"), 3);
  assert.deepEqual([c.hits, c.misses], [3, 1]);
});

Deno.test("Lru - bounded by total size; oversize values are not stored; explicit sizes", () => {
  const c = new Lru<string>({ maxSize: 10, sizeOf: (v) => v.length });
  c.set("a", "12345");
  c.set("b", "123456");
  assert.equal(c.get("a"), undefined);
  assert.equal(c.size, 6);
  c.set("big", "x".repeat(11));
  assert.equal(c.get("big"), undefined);
  c.set("tiny", "xyz", { size: 4 });
  assert.deepEqual([c.length, c.size], [2, 10]);
});

Deno.test("Lru - entries expire after their TTL; getOrCompute computes once", () => {
  let now = 0;
  const c = new Lru<number>({ now: () => now });
  c.set("k", 1, { ttlMs: 1000 });
  now = 999;
  assert.equal(c.get("k"), 1);
  now = 1000;
  assert.equal(c.get("k"), undefined);
  assert.equal(c.size, 0);
  let calls = 0;
  assert.equal(c.getOrCompute("x", () => ++calls), 1);
  assert.equal(c.getOrCompute("x", () => ++calls), 1);
  assert.equal(calls, 1);
});
