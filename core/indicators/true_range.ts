/**
 * True range (Wilder): `max(high − low, |high − prevClose|, |low − prevClose|)`, computed as the
 * equal (for high ≥ low) and branch-free `max(high, prevClose) − min(low, prevClose)`; the first
 * bar, which has no previous close, is `high − low` (as in Wilder's and StockCharts' tables).
 *
 * @module
 */
import { checkLengths } from "./_validate.ts";

/**
 * Index of the first finite true range: 0.
 *
 * @example
 * ```ts
 * trueRangeWarmup(); // 0
 * ```
 */
export function trueRangeWarmup(): number {
  return 0;
}

/**
 * Writes the true range of each bar into `out` without allocating.
 *
 * @example
 * ```ts
 * import { trueRangeInto } from "./true_range.ts";
 *
 * const high = Float64Array.of(11, 13, 12);
 * const low = Float64Array.of(9, 12, 10);
 * const close = Float64Array.of(10, 12.5, 11);
 * trueRangeInto(new Float64Array(close.length), high, low, close); // [2, 3, 2.5]
 * ```
 */
export function trueRangeInto(
  out: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
): Float64Array {
  const n = close.length;
  checkLengths("true range", n, [high, low, out], ["high", "low", "out"]);
  if (n === 0) return out;
  out[0] = high[0]! - low[0]!;
  for (let i = 1; i < n; i++) out[i] = trueRangeAt(high, low, close, i);
  return out;
}

/** True range of bar `i ≥ 1` (private helper shared with ATR and ADX). */
export function trueRangeAt(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  i: number,
): number {
  const pc = close[i - 1]!;
  return Math.max(high[i]!, pc) - Math.min(low[i]!, pc);
}

/**
 * True range of each bar (same length as the input).
 *
 * @example
 * ```ts
 * import { trueRange } from "./true_range.ts";
 *
 * const high = Float64Array.of(11, 13, 12);
 * const low = Float64Array.of(9, 12, 10);
 * const close = Float64Array.of(10, 12.5, 11);
 * const tr = trueRange(high, low, close); // [2, 3, 2.5]: bar 1 gapped up from a close of 10
 * ```
 */
export function trueRange(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
): Float64Array {
  return trueRangeInto(new Float64Array(close.length), high, low, close);
}
