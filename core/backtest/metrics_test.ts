import assert from "node:assert/strict";
import { computeMetrics } from "./metrics.ts";
import { newTally, tallyTrade } from "./types.ts";

const near = (a: number | null, b: number, eps = 1e-6) =>
  assert.ok(a !== null && Math.abs(a - b) < eps, `${a} ≉ ${b}`);

/*
 * Equity 110, 99, 121 from 100 cash, 3 bars per "year" (so one year):
 * returns r = 0.1, −0.1, 2/9; mean = 2/27 = 0.0740741.
 * sample sd = √(((0.1−2/27)² + (−0.1−2/27)² + (2/9−2/27)²) / 2) = √(0.0529218 / 2) = 0.1626681
 * volatility = 0.1626681 × √3 = 0.2817494;  Sharpe = 0.0740741 / 0.1626681 × √3 = 0.4553695 × 1.7320508 = 0.788723
 * downside deviation = √(0.1² / 3) = 0.0577350;  Sortino = (2/27) / 0.057735 × √3 = 20/9
 * total return = CAGR = 121/100 − 1 = 0.21 (one year)
 * drawdown: peak 110, trough 99 → 0.1 deep, 1 bar under water; Calmar = 0.21 / 0.1 = 2.1
 */
Deno.test("computeMetrics() matches hand-calculated return, risk and drawdown figures", () => {
  const m = computeMetrics(new Float64Array([110, 99, 121]), 100, newTally(), {
    periodsPerYear: 3,
  });
  near(m.total_return, 0.21);
  near(m.cagr, 0.21);
  near(m.volatility, 0.2817494);
  near(m.sharpe, 0.788723);
  near(m.sortino, 20 / 9);
  near(m.max_drawdown, 0.1);
  assert.equal(m.max_drawdown_duration, 1);
  near(m.calmar, 2.1);
  assert.equal(m.final_equity, 121);
});

/*
 * Trades +30, −10, +5, 0: 4 trades, 2 winners (35), 1 loser (10).
 * win rate 2/4 = 0.5; profit factor 35/10 = 3.5; expectancy (35 − 10)/4 = 6.25;
 * average win 35/2 = 17.5; average loss −10.
 */
Deno.test("computeMetrics() matches hand-calculated trade statistics", () => {
  const t = newTally();
  for (const pnl of [30, -10, 5, 0]) tallyTrade(t, pnl);
  t.exposureBars = 2;
  const m = computeMetrics(new Float64Array([100, 100, 100, 100]), 100, t);
  assert.equal(m.trade_count, 4);
  assert.equal(m.win_rate, 0.5);
  assert.equal(m.profit_factor, 3.5);
  assert.equal(m.expectancy, 6.25);
  assert.equal(m.avg_win, 17.5);
  assert.equal(m.avg_loss, -10);
  assert.equal(m.exposure_pct, 50);
  // a flat curve has no volatility: ratios are null, never NaN or Infinity
  assert.equal(m.sharpe, null);
  assert.equal(m.sortino, null);
  assert.equal(m.calmar, null);
  assert.equal(m.volatility, 0);
});

Deno.test("computeMetrics() - a long drawdown counts every bar under the previous peak", () => {
  // peak 120 at bar 0; 110, 100, 115 below it (3 bars); 125 recovers
  const m = computeMetrics(new Float64Array([120, 110, 100, 115, 125]), 100, newTally());
  near(m.max_drawdown, 1 - 100 / 120);
  assert.equal(m.max_drawdown_duration, 3);
  const none = computeMetrics(new Float64Array([]), 100, newTally());
  assert.equal(none.total_return, 0);
  assert.equal(none.profit_factor, null);
});
