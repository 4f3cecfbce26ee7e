import assert from "node:assert/strict";
import { matchOrder } from "./match.ts";
import { applyFill, newLedger } from "./ledger.ts";

const costs = { feeBps: 10, minFee: 1, slippageBps: 0 };
const bar = { open: 100, high: 104, low: 97 };

Deno.test("matchOrder() fills market, limit and stop orders through the shared fill model", () => {
  const l = newLedger(10_000);
  const m = (side: "buy" | "sell", type: "market" | "limit" | "stop", price: number | null) =>
    matchOrder({ symbol: "X", side, type, qty: 10, price }, bar, l, costs);
  assert.deepEqual(m("buy", "market", null), { kind: "fill", price: 100, fee: 1 });
  assert.deepEqual(m("buy", "limit", 98), { kind: "fill", price: 98, fee: 1 });
  assert.equal(m("buy", "limit", 95), null); // not reached: stays open
  assert.deepEqual(m("buy", "stop", 103), { kind: "fill", price: 103, fee: 1.03 });
  assert.deepEqual(m("sell", "stop", 105), { kind: "fill", price: 100, fee: 1 }); // gap: the open
});

Deno.test("matchOrder() rejects a buy the cash cannot pay, never a sale that reduces a long", () => {
  const l = newLedger(500);
  const r = matchOrder(
    { symbol: "X", side: "buy", type: "market", qty: 10, price: null },
    bar,
    l,
    costs,
  );
  assert.equal(r?.kind, "reject");
  applyFill(l, { symbol: "X", side: "buy", qty: 4, price: 100, fee: 0 });
  const s = matchOrder(
    { symbol: "X", side: "sell", type: "market", qty: 4, price: null },
    bar,
    l,
    costs,
  );
  assert.equal(s?.kind, "fill");
});

Deno.test("matchOrder() rejects a sell that may not short when the long position is smaller", () => {
  const l = newLedger(10_000);
  applyFill(l, { symbol: "X", side: "buy", qty: 4, price: 100, fee: 0 });
  const sell = (qty: number, allow_short?: boolean) =>
    matchOrder(
      {
        symbol: "X",
        side: "sell",
        type: "market",
        qty,
        price: null,
        ...(allow_short === undefined ? {} : { allow_short }),
      },
      bar,
      l,
      costs,
    );
  assert.equal(sell(4, false)?.kind, "fill");
  const r = sell(5, false);
  assert.equal(r?.kind, "reject");
  assert.match(r?.kind === "reject" ? r.reason : "", /long position of 4/);
  assert.equal(sell(5, true)?.kind, "fill"); // a short on purpose
  assert.equal(sell(5)?.kind, "fill"); // backtests: no flag, unchanged
});
