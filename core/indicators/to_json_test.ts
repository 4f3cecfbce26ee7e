import assert from "node:assert/strict";
import { toJsonArray } from "./to_json.ts";

Deno.test("toJsonArray() turns NaN and ±Infinity into null and keeps numbers", () => {
  const a = toJsonArray(Float64Array.of(NaN, 1.5, Infinity, -Infinity, 0, -2));
  assert.deepEqual(a, [null, 1.5, null, null, 0, -2]);
  assert.equal(JSON.stringify(a), "[null,1.5,null,null,0,-2]");
  assert.deepEqual(toJsonArray(Float64Array.of(1, 2, 3).subarray(1)), [2, 3]);
});
