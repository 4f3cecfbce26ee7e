/**
 * Williams %R: `−100·(HH − close)/(HH − LL)` over `period` bars, in [−100, 0] (−50 when HH = LL).
 * Mathematically the raw stochastic %K minus 100.
 *
 * @module
 */
import { checkLengths, checkPeriod } from "./_validate.ts";
import { rangePositionInto } from "./_range_position.ts";

/**
 * Index of the first finite %R: `period − 1`.
 *
 * @example
 * ```ts
 * williamsRWarmup(14); // 13
 * ```
 */
export function williamsRWarmup(period = 14): number {
  checkPeriod("Williams %R", "period", period);
  return period - 1;
}

/**
 * Writes Williams %R into `out` without allocating (O(n) sliding max/min).
 *
 * @example
 * ```ts
 * import { williamsRInto } from "./williams_r.ts";
 *
 * const high = Float64Array.of(11, 12, 13);
 * const low = Float64Array.of(9, 10, 11);
 * const close = Float64Array.of(10, 11.5, 11);
 * williamsRInto(new Float64Array(close.length), high, low, close, 2); // [NaN, -16.67, -66.67]
 * ```
 */
export function williamsRInto(
  out: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): Float64Array {
  checkPeriod("Williams %R", "period", period);
  checkLengths("Williams %R", close.length, [high, low, out], ["high", "low", "out"]);
  rangePositionInto(out, high, low, close, period, true);
  return out;
}

/**
 * Williams %R of a bar series (`NaN` during warm-up).
 *
 * @example
 * ```ts
 * import { williamsR } from "./williams_r.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const r = williamsR(high, low, close); // period 14: r[13] is the first value, in [-100, 0]
 * ```
 */
export function williamsR(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): Float64Array {
  return williamsRInto(new Float64Array(close.length), high, low, close, period);
}
