/**
 * Exponential moving average.
 *
 * Convention (TradingView `ta.ema`, TA-Lib, StockCharts, technicalindicators): the first value,
 * at index `period - 1`, is the simple average of the first `period` inputs; afterwards
 * `ema = (1 − α)·ema + α·x` with `α = 2 / (period + 1)`.
 *
 * Speed: the recurrence is a chain of dependent multiply-adds, so the loop advances four bars per
 * link (`e₄ = β⁴·e + (β³y₀ + β²y₁ + βy₂ + y₃)` with `β = 1 − α`, `yₖ = α·xₖ`, the bracket computed
 * off the chain). It differs from the one-bar-at-a-time form only by rounding (~1e-15 relative).
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
  const a = 2 / (period + 1), b = 1 - a;
  const b2 = b * b, b3 = b2 * b, b4 = b3 * b;
  let i = first + 1;
  for (; i + 3 < n; i += 4) {
    const y0 = a * values[i]!;
    const s1 = b * y0 + a * values[i + 1]!;
    const s2 = b * s1 + a * values[i + 2]!;
    const s3 = b * s2 + a * values[i + 3]!;
    out[i] = b * e + y0;
    out[i + 1] = b2 * e + s1;
    out[i + 2] = b3 * e + s2;
    e = b4 * e + s3;
    out[i + 3] = e;
  }
  for (; i < n; i++) {
    e = b * e + a * values[i]!;
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
