/**
 * Simple moving average.
 *
 * @module
 */
import { checkLengths, checkPeriod, leadingNaNs } from "./_validate.ts";

/**
 * Index of the first finite SMA value for an input without leading NaNs: `period - 1`.
 *
 * @example
 * ```ts
 * smaWarmup(20); // 19
 * ```
 */
export function smaWarmup(period: number): number {
  checkPeriod("SMA", "period", period);
  return period - 1;
}

/**
 * Writes the simple moving average of `values` into `out` (same length) without allocating:
 * `out[i]` is the mean of `values[i - period + 1 .. i]`, `NaN` before the window is full.
 * Leading `NaN`s of the input (another indicator's warm-up) are skipped: the window starts at
 * the first number. One pass: a running sum updated by `x[i] − x[i − period]` (one dependent add
 * per bar) and multiplied by `1/period` (a division per bar would dominate the loop).
 *
 * @example
 * ```ts
 * const out = new Float64Array(5);
 * smaInto(out, Float64Array.of(1, 2, 3, 4, 5), 3); // [NaN, NaN, 2, 3, 4]
 * ```
 */
export function smaInto(out: Float64Array, values: Float64Array, period: number): Float64Array {
  checkPeriod("SMA", "period", period);
  const n = values.length;
  checkLengths("SMA", n, [out], ["out"]);
  const s = leadingNaNs(values);
  const first = s + period - 1;
  out.fill(NaN, 0, Math.min(first, n));
  if (first >= n) return out;
  const inv = 1 / period;
  let sum = 0;
  for (let i = s; i <= first; i++) sum += values[i]!;
  out[first] = sum * inv;
  for (let i = first + 1; i < n; i++) {
    sum += values[i]! - values[i - period]!;
    out[i] = sum * inv;
  }
  return out;
}

/**
 * Simple moving average of `values` over `period` bars (same length, `NaN` during warm-up).
 *
 * @example
 * ```ts
 * sma(Float64Array.of(1, 2, 3, 4, 5), 3); // Float64Array [NaN, NaN, 2, 3, 4]
 * ```
 */
export function sma(values: Float64Array, period: number): Float64Array {
  return smaInto(new Float64Array(values.length), values, period);
}
