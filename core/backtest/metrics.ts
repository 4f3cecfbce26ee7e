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

const SCAN_BLOCK = 4096;
const [PREV, SUM, SUM_SQ, DOWN_SQ, PEAK, LOW, MAX_DD, UNDER, MAX_UNDER, SCAN_STATE] = [
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];

/**
 * One block of the metrics pass over `equity[from..to)`, carrying the running state in `s`.
 *
 * Returns: bar-to-bar simple returns `r` (sum, sum of squares, sum of squared negative ones);
 * a bar where equity did not move has `r = 0` and adds nothing, so it is skipped.
 * Drawdown: under a fixed finite peak > 0, `1 − e/peak` is largest at the lowest `e` (division
 * and subtraction round monotonically), so the spell's lowest equity is divided once when the
 * spell ends instead of every bar; the same maximum to the last bit.
 */
function scan(equity: Float64Array, from: number, to: number, s: Float64Array): void {
  let prev = s[PREV]!, sum = s[SUM]!, sumSq = s[SUM_SQ]!, downSq = s[DOWN_SQ]!;
  let peak = s[PEAK]!, low = s[LOW]!, maxDd = s[MAX_DD]!, under = s[UNDER]!;
  let maxUnder = s[MAX_UNDER]!;
  for (let i = from; i < to; i++) {
    const e = equity[i]!;
    if (e !== prev || prev === Infinity) {
      const r = prev > 0 ? e / prev - 1 : 0;
      // min(r, 0) without a data-dependent branch: (r − |r|) / 2 is exact
      const d = (r - Math.abs(r)) * 0.5;
      sum += r;
      sumSq += r * r;
      downSq += d * d;
      prev = e;
    }
    if (e >= peak) {
      if (low < peak) {
        const dd = 1 - low / peak;
        if (dd > maxDd) maxDd = dd;
        low = Infinity;
      }
      peak = e;
      under = 0;
    } else {
      if (peak > 0 && peak < Infinity) {
        if (e < low) low = e;
      } else {
        const dd = 1 - e / peak;
        if (dd > maxDd) maxDd = dd;
      }
      if (++under > maxUnder) maxUnder = under;
    }
  }
  s[PREV] = prev;
  s[SUM] = sum;
  s[SUM_SQ] = sumSq;
  s[DOWN_SQ] = downSq;
  s[PEAK] = peak;
  s[LOW] = low;
  s[MAX_DD] = maxDd;
  s[UNDER] = under;
  s[MAX_UNDER] = maxUnder;
}

/**
 * Computes {@link Metrics} from an equity curve (`equity[start..end)`), the starting cash and a
 * trade tally, in one pass over the curve.
 *
 * @example
 * ```ts
 * import { computeMetrics } from "./metrics.ts";
 * import { newTally } from "./types.ts";
 *
 * const tally = newTally(); // no round trips
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
  // the running state lives in a typed array between blocks: the loop runs in a small function
  // called once per block, which the JIT optimises as a whole with every local an unboxed double
  // (one long loop would run on-stack-replaced code that boxes the sums on every bar)
  const s = new Float64Array(SCAN_STATE);
  s[PREV] = cash;
  s[PEAK] = cash;
  s[LOW] = Infinity;
  for (let b = start; b < end; b += SCAN_BLOCK) scan(equity, b, Math.min(b + SCAN_BLOCK, end), s);
  let maxDd = s[MAX_DD]!;
  const low = s[LOW]!, peak = s[PEAK]!;
  if (low < peak) {
    const dd = 1 - low / peak;
    if (dd > maxDd) maxDd = dd;
  }
  const sum = s[SUM]!, sumSq = s[SUM_SQ]!, downSq = s[DOWN_SQ]!, maxUnder = s[MAX_UNDER]!;
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

/**
 * The annualisation option of {@link computeMetrics} for backtest options: their bars per year
 * (252, daily, unless a weekly or monthly backtest says otherwise).
 *
 * @example
 * ```ts
 * import { yearOf } from "./metrics.ts";
 *
 * yearOf({ periodsPerYear: 52 }); // { periodsPerYear: 52 }
 * yearOf({}); // { periodsPerYear: 252 }
 * ```
 */
export function yearOf(
  opts: { periodsPerYear?: number | undefined },
): { periodsPerYear: number } {
  return { periodsPerYear: opts.periodsPerYear ?? 252 };
}
