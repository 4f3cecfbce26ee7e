import assert from "node:assert/strict";
import { ByteLru } from "./byte_lru.ts";

Deno.test("ByteLru - evicts the least recently used entries to stay within its byte bound", () => {
  const c = new ByteLru<string>(10);
  c.set("a", "A", 4);
  c.set("b", "B", 4);
  assert.equal(c.get("a"), "A"); // a is now the most recent
  c.set("c", "C", 4); // 12 > 10: evicts b
  assert.equal(c.get("b"), undefined);
  assert.deepEqual([c.get("a"), c.get("c"), c.bytes, c.size], ["A", "C", 8, 2]);
  c.set("huge", "H", 11); // larger than the bound: not stored
  assert.equal(c.get("huge"), undefined);
  assert.equal(c.bytes, 8);
});

Deno.test("ByteLru - entries expire after their TTL", () => {
  let now = 0;
  const c = new ByteLru<number>(100, () => now);
  c.set("k", 1, 1, 1000);
  now = 999;
  assert.equal(c.get("k"), 1);
  now = 1000;
  assert.equal(c.get("k"), undefined);
  assert.equal(c.bytes, 0);
});
