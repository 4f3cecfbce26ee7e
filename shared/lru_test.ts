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
  assert.deepEqual(c.stats, { hits: 3, misses: 1 });
});

Deno.test("Lru - bounded by total size; oversize values are not stored", () => {
  const c = new Lru<string>({ maxSize: 10, sizeOf: (v) => v.length });
  c.set("a", "12345");
  c.set("b", "123456");
  assert.equal(c.get("a"), undefined);
  assert.equal(c.size, 6);
  c.set("big", "x".repeat(11));
  assert.equal(c.get("big"), undefined);
  assert.equal(c.length, 1);
});
