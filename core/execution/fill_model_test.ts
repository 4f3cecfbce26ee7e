import assert from "node:assert/strict";
import fc from "fast-check";
import { commission, fillPrice, type OrderType, type Side, touchPrice } from "./fill_model.ts";

Deno.test("touchPrice() fills limits and stops at the level, or at the open on a gap", () => {
  // bar: open 100, high 106, low 97
  assert.equal(touchPrice("buy", "market", NaN, 100, 106, 97), 100);
  assert.equal(touchPrice("buy", "limit", 98, 100, 106, 97), 98);
  assert.equal(touchPrice("buy", "limit", 101, 100, 106, 97), 100); // already below: the open
  assert.ok(Number.isNaN(touchPrice("buy", "limit", 96, 100, 106, 97)));
  assert.equal(touchPrice("sell", "limit", 105, 100, 106, 97), 105);
  assert.equal(touchPrice("sell", "limit", 99, 100, 106, 97), 100);
  assert.equal(touchPrice("buy", "stop", 104, 100, 106, 97), 104);
  assert.equal(touchPrice("buy", "stop", 95, 100, 106, 97), 100); // gap over the stop
  assert.equal(touchPrice("sell", "stop", 98, 100, 106, 97), 98);
  assert.equal(touchPrice("sell", "stop", 102, 100, 106, 97), 100); // gap under the stop
  assert.ok(Number.isNaN(touchPrice("sell", "stop", 96, 100, 106, 97)));
});

Deno.test("fillPrice() never fills outside the bar's low..high, slippage included", () => {
  const sides: Side[] = ["buy", "sell"];
  const types: OrderType[] = ["market", "limit", "stop"];
  fc.assert(fc.property(
    fc.double({ min: 1, max: 1000, noNaN: true }),
    fc.double({ min: 0, max: 0.2, noNaN: true }),
    fc.double({ min: 0, max: 0.2, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0.5, max: 1.5, noNaN: true }),
    fc.constantFrom(...sides),
    fc.constantFrom(...types),
    fc.double({ min: 0, max: 500, noNaN: true }),
    (low, up, down, openAt, levelAt, side, type, slipBps) => {
      const high = low * (1 + up + down);
      const open = low + (high - low) * openAt;
      const level = open * levelAt;
      const p = fillPrice({ side, type, level }, { open, high, low }, slipBps);
      return Number.isNaN(p) || (p >= low && p <= high);
    },
  ));
});

Deno.test("commission() is bps of the notional with a per-trade minimum, zero when nothing trades", () => {
  assert.equal(commission(20_000, { feeBps: 5, minFee: 1 }), 10); // 20000 × 0.0005
  assert.equal(commission(1_000, { feeBps: 5, minFee: 1 }), 1); // 0.5 < minimum
  assert.equal(commission(0, { feeBps: 5, minFee: 1 }), 0);
});
