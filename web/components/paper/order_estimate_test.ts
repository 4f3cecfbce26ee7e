import assert from "node:assert/strict";
import { estimateOrder, positionSide } from "./order_estimate.ts";

const acc = { cash: 10_000, feeBps: 5, minFee: 1, held: 100, pendingSells: 0 };

Deno.test("estimateOrder() - a sell of 500 while long 100 would open a short of 400", () => {
  const e = estimateOrder("sell", 500, 20, acc);
  assert.equal(e.sellable, 100);
  assert.equal(e.shortQty, 400);
  assert.equal(estimateOrder("sell", 100, 20, acc).shortQty, 0);
  // open sells take the position first
  assert.equal(estimateOrder("sell", 100, 20, { ...acc, pendingSells: 30 }).shortQty, 30);
  // already short: every share sold adds to the short
  assert.equal(estimateOrder("sell", 5, 20, { ...acc, held: -10 }).shortQty, 5);
});

Deno.test("estimateOrder() - commission as the fill model charges it, cost and budget", () => {
  const buy = estimateOrder("buy", 10, 100, acc);
  assert.equal(buy.value, 1000);
  assert.equal(buy.fee, 1); // 0.5 at 5 bps, raised to the minimum of 1
  assert.equal(buy.cashChange, 1001);
  assert.equal(buy.overBudget, false);
  assert.equal(estimateOrder("buy", 1000, 100, acc).overBudget, true);
  const sell = estimateOrder("sell", 10, 1000, acc);
  assert.equal(sell.fee, 5);
  assert.equal(sell.cashChange, -9995);
  assert.deepEqual(estimateOrder("buy", NaN, 100, acc).value, 0);
});

Deno.test("positionSide() - long, short and flat", () => {
  assert.deepEqual(positionSide(100), { side: "long", qty: 100 });
  assert.deepEqual(positionSide(-400), { side: "short", qty: 400 });
  assert.deepEqual(positionSide(0), { side: "flat", qty: 0 });
});
