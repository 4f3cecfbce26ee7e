import assert from "node:assert/strict";
import { drawdown } from "./backtest_charts.ts";

Deno.test("drawdown() - fraction below the running peak, zero at new highs", () => {
  assert.deepEqual(drawdown([100, 110, 99, 121, 110]), [0, 0, 99 / 110 - 1, 0, 110 / 121 - 1]);
  assert.deepEqual(drawdown([]), []);
});
