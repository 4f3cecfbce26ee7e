/**
 * Performance metrics of an equity curve and of a trade tally. Pure; `null` where a ratio is
 * undefined (no NaN or Infinity reaches the wire).
 *
 * Conventions: returns are bar-to-bar simple returns, the first measured against the starting
 * cash; a year is `periodsPerYear` bars (252 for daily); volatility uses the sample standard
 * deviation; Sharpe and Sortino assume a zero risk-free rate; Sortino's downside deviation is
 * `√(Σ min(r, 0)² / N)`; drawdowns are measured from the running peak including the starting
 * cash; the drawdown duration is the longest run of bars spent below a previous peak.
 *
 * @module
 */
import type { TradeTally } from "./types.ts";

/** Metrics of an equity curve and its trades. */
export interface Metrics {
  /** Final equity / starting cash − 1. */
  total_return: number;
  /** Compound annual growth rate. */
  cagr: number | null;
  /** Annualised volatility of bar returns. */
  volatility: number | null;
  /** Annualised Sharpe ratio (risk-free 0). */
  sharpe: number | null;
  /** Annualised Sortino ratio (target 0). */
  sortino: number | null;
  /** CAGR / max drawdown. */
  calmar: number | null;
  /** Deepest fall from a peak, as a positive fraction. */
  max_drawdown: number;
  /** Longest run of bars below a previous peak. */
  max_drawdown_duration: number;
  /** Round trips (an open trade at the end counts). */
  trade_count: number;
  /** Winning trades / trades. */
  win_rate: number | null;
  /** Gross profit / gross loss. */
  profit_factor: number | null;
  /** Average net P&L per trade. */
  expectancy: number | null;
  /** Average P&L of the winners. */
  avg_win: number | null;
  /** Average P&L of the losers (negative). */
  avg_loss: number | null;
  /** Percent of bars with a position. */
  exposure_pct: number;
  /** Commissions paid. */
  fees: number;
  /** Final equity. */
  final_equity: number;
  /** Bars measured. */
  bars: number;
}

const fin = (x: number): number | null => Number.isFinite(x) ? x : null;

/**
 * Computes {@link Metrics} from an equity curve (`equity[start..end)`), the starting cash and a
 * trade tally, in one pass over the curve.
 *
 * @example
 * ```ts
 * const m = computeMetrics(new Float64Array([110, 99, 121]), 100, tally);
 * m.total_return; // 0.21
 * ```
 */
export function computeMetrics(
  equity: Float64Array,
  cash: number,
  tally: TradeTally,
  { start = 0, end = equity.length, periodsPerYear = 252 }: {
    start?: number;
    end?: number;
    periodsPerYear?: number;
  } = {},
): Metrics {
  const n = end - start;
  let prev = cash, sum = 0, sumSq = 0, downSq = 0;
  let peak = cash, maxDd = 0, under = 0, maxUnder = 0;
  for (let i = start; i < end; i++) {
    const e = equity[i]!;
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
  const last = n > 0 ? equity[end - 1]! : cash;
  const totalReturn = last / cash - 1;
  const years = n / periodsPerYear;
  const cagr = years > 0 ? (last > 0 ? Math.pow(last / cash, 1 / years) - 1 : -1) : NaN;
  const mean = n > 0 ? sum / n : NaN;
  const variance = n > 1 ? (sumSq - n * mean * mean) / (n - 1) : NaN;
  const sd = variance > 0 ? Math.sqrt(variance) : 0;
  const ann = Math.sqrt(periodsPerYear);
  const downDev = n > 0 ? Math.sqrt(downSq / n) : 0;
  const t = tally;
  return {
    total_return: totalReturn,
    cagr: fin(cagr),
    volatility: n > 1 ? sd * ann : null,
    sharpe: sd > 0 ? fin(mean / sd * ann) : null,
    sortino: downDev > 0 ? fin(mean / downDev * ann) : null,
    calmar: maxDd > 0 ? fin(cagr / maxDd) : null,
    max_drawdown: maxDd,
    max_drawdown_duration: maxUnder,
    trade_count: t.count,
    win_rate: t.count > 0 ? t.wins / t.count : null,
    profit_factor: t.grossLoss > 0 ? t.grossProfit / t.grossLoss : null,
    expectancy: t.count > 0 ? (t.grossProfit - t.grossLoss) / t.count : null,
    avg_win: t.wins > 0 ? t.grossProfit / t.wins : null,
    avg_loss: t.losses > 0 ? -t.grossLoss / t.losses : null,
    exposure_pct: n > 0 ? t.exposureBars / n * 100 : 0,
    fees: t.fees,
    final_equity: last,
    bars: n,
  };
}
