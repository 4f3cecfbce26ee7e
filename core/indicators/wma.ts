/**
 * Linearly weighted moving average: weights `1, 2, …, period` from the oldest to the newest bar,
 * divided by `period·(period + 1)/2` (TradingView `ta.wma`, TA-Lib `WMA`).
 *
 * @module
 */
import { checkLengths, checkPeriod, leadingNaNs } from "./_validate.ts";

/**
 * Index of the first finite WMA value for an input without leading NaNs: `period - 1`.
 *
 * @example
 * ```ts
 * wmaWarmup(20); // 19
 * ```
 */
export function wmaWarmup(period: number): number {
  checkPeriod("WMA", "period", period);
  return period - 1;
}

/**
 * Writes the WMA of `values` into `out` without allocating. O(n): the weighted sum is updated
 * as `num += period·x_new − (plain sum of the previous window)`. Leading `NaN`s are skipped.
 *
 * @example
 * ```ts
 * const out = new Float64Array(3);
 * wmaInto(out, Float64Array.of(1, 2, 3), 2); // [NaN, 5/3, 8/3]
 * ```
 */
export function wmaInto(out: Float64Array, values: Float64Array, period: number): Float64Array {
  checkPeriod("WMA", "period", period);
  const n = values.length;
  checkLengths("WMA", n, [out], ["out"]);
  const s = leadingNaNs(values);
  const first = s + period - 1;
  out.fill(NaN, 0, Math.min(first, n));
  if (first >= n) return out;
  const inv = 2 / (period * (period + 1));
  let num = 0;
  let sum = 0;
  for (let i = s; i <= first; i++) {
    const x = values[i]!;
    num += (i - s + 1) * x;
    sum += x;
  }
  out[first] = num * inv;
  for (let i = first + 1; i < n; i++) {
    const x = values[i]!;
    num += period * x - sum;
    sum += x - values[i - period]!;
    out[i] = num * inv;
  }
  return out;
}

/**
 * Weighted moving average of `values` (same length, `NaN` during warm-up).
 *
 * @example
 * ```ts
 * wma(Float64Array.of(1, 2, 3), 2); // Float64Array [NaN, 1.6667, 2.6667]
 * ```
 */
export function wma(values: Float64Array, period: number): Float64Array {
  return wmaInto(new Float64Array(values.length), values, period);
}
