/**
 * On-Balance Volume (Granville): a running total that adds the bar's volume when the close rose,
 * subtracts it when the close fell, and keeps it when unchanged. Starts at 0 on the first bar
 * (StockCharts, TradingView `ta.obv`, technicalindicators; TA-Lib starts at the first volume —
 * a constant offset).
 *
 * @module
 */
import { checkLengths } from "./_validate.ts";

/**
 * Index of the first finite OBV: 0.
 *
 * @example
 * ```ts
 * obvWarmup(); // 0
 * ```
 */
export function obvWarmup(): number {
  return 0;
}

/**
 * Writes OBV into `out` without allocating.
 *
 * @example
 * ```ts
 * import { obvInto } from "./obv.ts";
 *
 * const close = Float64Array.of(10, 11, 10.5, 10.5);
 * const volume = Float64Array.of(100, 200, 50, 80);
 * obvInto(new Float64Array(close.length), close, volume); // [0, 200, 150, 150]
 * ```
 */
export function obvInto(
  out: Float64Array,
  close: Float64Array,
  volume: Float64Array,
): Float64Array {
  const n = close.length;
  checkLengths("OBV", n, [volume, out], ["volume", "out"]);
  if (n === 0) return out;
  let total = 0;
  out[0] = 0;
  for (let i = 1; i < n; i++) {
    const c = close[i]!, p = close[i - 1]!;
    if (c > p) total += volume[i]!;
    else if (c < p) total -= volume[i]!;
    out[i] = total;
  }
  return out;
}

/**
 * On-Balance Volume (same length as the input).
 *
 * @example
 * ```ts
 * obv(Float64Array.of(10, 11, 10.5), Float64Array.of(100, 200, 50)); // [0, 200, 150]
 * ```
 */
export function obv(close: Float64Array, volume: Float64Array): Float64Array {
  return obvInto(new Float64Array(close.length), close, volume);
}
