import assert from "node:assert/strict";
import { drawdown, moneyAxis } from "./backtest_charts.ts";

Deno.test("drawdown() - fraction below the running peak, zero at new highs", () => {
  assert.deepEqual(drawdown([100, 110, 99, 121, 110]), [0, 0, 99 / 110 - 1, 0, 110 / 121 - 1]);
  assert.deepEqual(drawdown([]), []);
});

Deno.test("moneyAxis() - currency and thousands separators, whole units (not 350000.00)", () => {
  assert.equal(moneyAxis("en", "USD")(350000.4), "$350,000");
  assert.equal(moneyAxis("zh-TW", "TWD")(1234567), "$1,234,567");
  assert.equal(moneyAxis("en", "TWD")(1234567), "NT$1,234,567");
});
