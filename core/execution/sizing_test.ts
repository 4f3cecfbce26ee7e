import assert from "node:assert/strict";
import { sizeEntry } from "./sizing.ts";

const base = { equity: 10_000, cash: 10_000, price: 100, feeBps: 0, atr: NaN, fractional: false };

Deno.test("sizeEntry() sizes by percent of equity, fixed cash and ATR risk", () => {
  assert.equal(sizeEntry({ mode: "percent_equity", percent: 50 }, base), 50);
  assert.equal(sizeEntry({ mode: "percent_equity", percent: 100 }, { ...base, feeBps: 10 }), 99);
  assert.equal(sizeEntry({ mode: "fixed_cash", amount: 2_550 }, base), 25);
  // risk 1 % of 10,000 = 100; stop 2 ATR × 2.5 = 5 per share → 20 shares
  const atr = { mode: "atr_risk", riskPercent: 1, atrMultiple: 2, atrPeriod: 14 } as const;
  assert.equal(sizeEntry(atr, { ...base, atr: 2.5 }), 20);
  assert.equal(sizeEntry(atr, base), 0); // ATR not warmed up
  assert.equal(sizeEntry({ mode: "fixed_cash", amount: 50_000 }, base), 100); // capped by cash
  assert.equal(
    sizeEntry({ mode: "percent_equity", percent: 30 }, { ...base, fractional: true }),
    30,
  );
});
