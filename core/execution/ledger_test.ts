import assert from "node:assert/strict";
import { applyFill, equityOf, newLedger, unrealisedOf } from "./ledger.ts";

Deno.test("applyFill() keeps the average cost and realises P&L on the closed part", () => {
  const l = newLedger(10_000);
  applyFill(l, { symbol: "A", side: "buy", qty: 10, price: 100, fee: 1 });
  applyFill(l, { symbol: "A", side: "buy", qty: 10, price: 110, fee: 1 });
  assert.deepEqual(l.positions.get("A"), { qty: 20, avgCost: 105 });
  // 10000 − 1000 − 1 − 1100 − 1 = 7898
  assert.equal(l.cash, 7898);
  const r = applyFill(l, { symbol: "A", side: "sell", qty: 5, price: 120, fee: 1 });
  assert.equal(r, 75); // 5 × (120 − 105)
  assert.deepEqual(l.positions.get("A"), { qty: 15, avgCost: 105 });
  const marks = new Map([["A", 100]]);
  assert.equal(unrealisedOf(l, marks), -75); // 15 × (100 − 105)
  assert.equal(equityOf(l, marks), l.cash + 1500);
  assert.equal(l.fees, 3);
});

Deno.test("applyFill() books shorts with negative quantity and flips through zero", () => {
  const l = newLedger(1_000);
  applyFill(l, { symbol: "S", side: "sell", qty: 4, price: 50, fee: 0 });
  assert.equal(l.cash, 1_200);
  assert.deepEqual(l.positions.get("S"), { qty: -4, avgCost: 50 });
  assert.equal(equityOf(l, new Map([["S", 40]])), 1_040); // 1200 − 4 × 40
  const r = applyFill(l, { symbol: "S", side: "buy", qty: 6, price: 40, fee: 0 });
  assert.equal(r, 40); // covered 4 at 40, shorted at 50
  assert.deepEqual(l.positions.get("S"), { qty: 2, avgCost: 40 });
  applyFill(l, { symbol: "S", side: "sell", qty: 2, price: 45, fee: 0 });
  assert.equal(l.positions.has("S"), false);
  assert.equal(l.realised, 50);
  assert.equal(l.cash, 1_050);
});

Deno.test("applyFill() refuses a non-positive quantity", () => {
  assert.throws(
    () => applyFill(newLedger(1), { symbol: "A", side: "buy", qty: 0, price: 1, fee: 0 }),
    RangeError,
  );
});
