import assert from "node:assert/strict";
import { approxBars, walkForwardFits } from "./walk_forward_fit.ts";

Deno.test("approxBars() - about 252 bars a year; nothing for a missing or reversed range", () => {
  assert.equal(approxBars("2019-01-01", "2024-01-01"), 1260);
  assert.equal(approxBars("", "2024-01-01"), 0);
  assert.equal(approxBars("2024-01-01", "2023-01-01"), 0);
  assert.equal(approxBars("2019-01-01", "2024-01-01", "1w"), 260, "weekly bars");
  assert.equal(approxBars("2019-01-01", "2024-01-01", "1mo"), 60, "monthly bars");
});

Deno.test("walkForwardFits() - needs one in-sample and one out-of-sample window, ≤ 50 windows", () => {
  assert.equal(walkForwardFits(1260, 504, 126), true);
  assert.equal(walkForwardFits(629, 504, 126), false);
  assert.equal(walkForwardFits(630, 504, 126), true);
  assert.equal(walkForwardFits(10_000, 504, 20), false);
  assert.equal(walkForwardFits(1260, 0, 126), false);
});
