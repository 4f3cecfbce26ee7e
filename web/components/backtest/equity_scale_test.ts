import assert from "node:assert/strict";
import { needsLogScale } from "./equity_scale.ts";

Deno.test("needsLogScale() - a log axis once either curve spans more than tenfold, never with a non-positive value", () => {
  const curve = (eq: number[], bh: number[]) =>
    eq.map((e, i) => ({ equity: e, benchmark: bh[i]! }));
  assert.equal(needsLogScale(curve([1e5, 1.2e5], [1e5, 9.9e5])), false, "9.9×: linear");
  assert.equal(needsLogScale(curve([1e5, 1.2e5], [1e5, 1.01e6])), true, "10.1×: log");
  assert.equal(needsLogScale(curve([1e5, 2e4], [1e5, 1.2e6])), true, "a fall counts too");
  assert.equal(needsLogScale(curve([1e5, 0], [1e5, 1.2e6])), false, "an account wiped out");
  assert.equal(needsLogScale([]), false);
});
