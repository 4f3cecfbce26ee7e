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

Deno.test("approxBars() - hourly bars: seven a New York session, close to the bundled SPY hours", () => {
  // core/data/market/intraday/hour/SPY_1h.csv holds 1,758 hours from 2020-04-01 to 2021-03-31
  // (252 sessions of 7 bars, the half days of 2020-11-27 and 2020-12-24 shorter)
  const approx = approxBars("2020-03-31", "2021-03-31", "1h");
  assert.equal(approx, 1764);
  assert.ok(Math.abs(approx - 1758) / 1758 < 0.01, "within 1% of the real count");
  assert.equal(approxBars("2021-03-01", "2021-03-31", "5m"), 1615, "78 five-minute bars a session");
});
