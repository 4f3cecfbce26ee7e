import assert from "node:assert/strict";
import fc from "fast-check";
import { parseOhlcvCsv } from "../market_data/csv.ts";
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

/** The metrics pass written the plain way (a division per bar for every return and drawdown). */
function reference(equity: Float64Array, cash: number) {
  let prev = cash, sum = 0, sumSq = 0, downSq = 0, peak = cash, maxDd = 0, under = 0, maxUnder = 0;
  for (const e of equity) {
    const r = prev > 0 ? e / prev - 1 : 0;
    sum += r;
    sumSq += r * r;
    if (r < 0) downSq += r * r;
    prev = e;
    if (e >= peak) {
      peak = e;
      under = 0;
    } else {
      const dd = 1 - e / peak;
      if (dd > maxDd) maxDd = dd;
      if (++under > maxUnder) maxUnder = under;
    }
  }
  return { sum, sumSq, downSq, maxDd, maxUnder };
}

Deno.test("computeMetrics() equals the plain per-bar pass to the last bit, over block edges and odd values", () => {
  const value = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, 100, 99, 101, 250, Infinity, -Infinity, NaN),
  );
  fc.assert(
    fc.property(
      fc.array(value, { maxLength: 60 }),
      fc.oneof(fc.double(), fc.constantFrom(100, 0, -5)),
      (xs, cash) => {
        const eq = Float64Array.from(xs);
        const m = computeMetrics(eq, cash, newTally());
        const r = reference(eq, cash);
        const n = eq.length;
        const mean = n > 0 ? r.sum / n : NaN;
        const variance = n > 1 ? (r.sumSq - n * mean * mean) / (n - 1) : NaN;
        const sd = variance > 0 ? Math.sqrt(variance) : 0;
        const downDev = n > 0 ? Math.sqrt(r.downSq / n) : 0;
        const fin = (x: number) => Number.isFinite(x) ? x : null;
        assert.ok(Object.is(m.max_drawdown, r.maxDd), `max_drawdown ${m.max_drawdown} ${r.maxDd}`);
        assert.equal(m.max_drawdown_duration, r.maxUnder);
        assert.ok(Object.is(m.volatility, n > 1 ? sd * Math.sqrt(252) : null));
        assert.ok(Object.is(m.sharpe, sd > 0 ? fin(mean / sd * Math.sqrt(252)) : null));
        assert.ok(Object.is(m.sortino, downDev > 0 ? fin(mean / downDev * Math.sqrt(252)) : null));
      },
    ),
    { seed: 11, numRuns: 20_000 },
  );
  // real curves longer than one block: SPX closes as equity, and the same held flat in spells
  const spx = parseOhlcvCsv(
    Deno.readTextFileSync(new URL("../data/market/extra/SPX.csv", import.meta.url)),
  ).bars.map((b) => b.close);
  const curves = [Float64Array.from(spx), Float64Array.from(spx, (x, i) => i % 50 < 20 ? 1000 : x)];
  for (const eq of curves) {
    assert.ok(eq.length > 5000 && eq.every(Number.isFinite));
    const m = computeMetrics(eq, eq[0]!, newTally());
    const r = reference(eq, eq[0]!);
    assert.equal(m.max_drawdown, r.maxDd);
    assert.equal(m.max_drawdown_duration, r.maxUnder);
    const n = eq.length, mean = r.sum / n;
    const sd = Math.sqrt((r.sumSq - n * mean * mean) / (n - 1));
    assert.equal(m.sharpe, mean / sd * Math.sqrt(252));
    assert.equal(m.sortino, mean / Math.sqrt(r.downSq / n) * Math.sqrt(252));
  }
});
