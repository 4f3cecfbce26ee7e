import assert from "node:assert/strict";
import { RISK_FIELDS, riskBody } from "./risk_limits.tsx";
import { BacktestRequestSchema } from "@trading/shared/schemas";

Deno.test("riskBody() - typed limits become the request's numbers; empty ones are left out", () => {
  assert.deepEqual(riskBody({}), {});
  assert.deepEqual(riskBody({ max_order_value: " ", max_position_pct: "" }), {});
  assert.deepEqual(riskBody({ max_order_value: "25000", max_position_pct: "40.5" }), {
    max_order_value: 25_000,
    max_position_pct: 40.5,
  });
  // a bad value is sent as typed for the API's 422 to name it
  assert.deepEqual(riskBody({ max_position_pct: "-1" }), { max_position_pct: -1 });
});

Deno.test("risk limits - the form's fields are the backtest request's, with the API's meaning", () => {
  const base = { symbol: "AAPL", strategy: "sma_cross" };
  for (const [k] of RISK_FIELDS) {
    const parsed = BacktestRequestSchema.parse({ ...base, ...riskBody({ [k]: "50" }) });
    assert.equal(parsed[k], 50);
    assert.equal(BacktestRequestSchema.safeParse({ ...base, [k]: 0 }).success, false);
  }
});
