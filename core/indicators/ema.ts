/**
 * Exponential moving average.
 *
 * Convention (TradingView `ta.ema`, TA-Lib, StockCharts, technicalindicators): the first value,
 * at index `period - 1`, is the simple average of the first `period` inputs; afterwards
 * `ema = ema + α·(x − ema)` with `α = 2 / (period + 1)`.
 *
 * @module
 */
import { checkLengths, checkPeriod, leadingNaNs } from "./_validate.ts";

/**
 * Index of the first finite EMA value for an input without leading NaNs: `period - 1`.
 *
 * @example
 * ```ts
 * emaWarmup(20); // 19
 * ```
 */
export function emaWarmup(period: number): number {
  checkPeriod("EMA", "period", period);
  return period - 1;
}

/**
 * Writes the EMA of `values` into `out` (same length) without allocating. Seeded with the SMA
 * of the first `period` values; leading `NaN`s of the input are skipped (the seed window starts
 * at the first number), so an EMA of another indicator works.
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * emaInto(out, Float64Array.of(1, 2, 3, 4), 2); // [NaN, 1.5, 2.5, 3.5]
 * ```
 */
export function emaInto(out: Float64Array, values: Float64Array, period: number): Float64Array {
  checkPeriod("EMA", "period", period);
  const n = values.length;
  checkLengths("EMA", n, [out], ["out"]);
  const s = leadingNaNs(values);
  const first = s + period - 1;
  out.fill(NaN, 0, Math.min(first, n));
  if (first >= n) return out;
  let e = 0;
  for (let i = s; i <= first; i++) e += values[i]!;
  e /= period;
  out[first] = e;
  const alpha = 2 / (period + 1);
  for (let i = first + 1; i < n; i++) {
    e += alpha * (values[i]! - e);
    out[i] = e;
  }
  return out;
}

/**
 * Exponential moving average of `values` (same length, `NaN` during warm-up).
 *
 * @example
 * ```ts
 * ema(Float64Array.of(1, 2, 3, 4), 2); // Float64Array [NaN, 1.5, 2.5, 3.5]
 * ```
 */
export function ema(values: Float64Array, period: number): Float64Array {
  return emaInto(new Float64Array(values.length), values, period);
}
