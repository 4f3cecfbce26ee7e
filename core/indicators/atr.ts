/**
 * Average True Range (Wilder, 1978).
 *
 * Convention (Wilder's worked table, StockCharts `cs-atr.xls`, TradingView `ta.atr`): the first
 * true range is `high − low`; the first ATR, at index `period − 1`, is the mean of the first
 * `period` true ranges; afterwards `atr = (atr·(period − 1) + tr) / period` (as the multiply-add
 * `atr·(1 − 1/period) + tr/period`). (TA-Lib starts one
 * bar later, skipping the first bar's range; the two agree to < 1e-8 after ~250 bars.)
 *
 * @module
 */
import { checkLengths, checkPeriod } from "./_validate.ts";
import { trueRangeAt } from "./true_range.ts";

/**
 * Index of the first finite ATR: `period − 1`.
 *
 * @example
 * ```ts
 * atrWarmup(14); // 13
 * ```
 */
export function atrWarmup(period = 14): number {
  checkPeriod("ATR", "period", period);
  return period - 1;
}

/**
 * Writes Wilder's ATR into `out` without allocating.
 *
 * @example
 * ```ts
 * import { atrInto } from "./atr.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const out = atrInto(new Float64Array(close.length), high, low, close, 14);
 * out[13]; // ≈ 3, the first ATR (bars have a 3-point range)
 * ```
 */
export function atrInto(
  out: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): Float64Array {
  checkPeriod("ATR", "period", period);
  const n = close.length;
  checkLengths("ATR", n, [high, low, out], ["high", "low", "out"]);
  out.fill(NaN, 0, Math.min(period - 1, n));
  if (period > n) return out;
  let sum = high[0]! - low[0]!;
  for (let i = 1; i < period; i++) sum += trueRangeAt(high, low, close, i);
  let a = sum / period;
  out[period - 1] = a;
  const keep = (period - 1) / period, w = 1 / period;
  for (let i = period; i < n; i++) {
    a = keep * a + w * trueRangeAt(high, low, close, i);
    out[i] = a;
  }
  return out;
}

/**
 * Wilder's Average True Range (same length, `NaN` for the first `period − 1` bars).
 *
 * @example
 * ```ts
 * import { atr } from "./atr.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const a = atr(high, low, close); // period 14: a[0..12] are NaN
 * ```
 */
export function atr(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): Float64Array {
  return atrInto(new Float64Array(close.length), high, low, close, period);
}
