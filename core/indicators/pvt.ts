/**
 * Price-Volume Trend: a running total of `volume·(close − prevClose)/prevClose`, 0 on the first
 * bar (StockCharts, TradingView `ta.pvt`).
 *
 * @module
 */
import { checkLengths } from "./_validate.ts";

/**
 * Index of the first finite PVT: 0.
 *
 * @example
 * ```ts
 * pvtWarmup(); // 0
 * ```
 */
export function pvtWarmup(): number {
  return 0;
}

/**
 * Writes PVT into `out` without allocating.
 *
 * @example
 * ```ts
 * import { pvtInto } from "./pvt.ts";
 *
 * const close = Float64Array.of(10, 11, 9.9);
 * const volume = Float64Array.of(100, 200, 300);
 * pvtInto(new Float64Array(close.length), close, volume); // [0, 20, -10]
 * ```
 */
export function pvtInto(
  out: Float64Array,
  close: Float64Array,
  volume: Float64Array,
): Float64Array {
  const n = close.length;
  checkLengths("PVT", n, [volume, out], ["volume", "out"]);
  if (n === 0) return out;
  let total = 0;
  out[0] = 0;
  for (let i = 1; i < n; i++) {
    const p = close[i - 1]!;
    total += volume[i]! * (close[i]! - p) / p;
    out[i] = total;
  }
  return out;
}

/**
 * Price-Volume Trend (same length as the input).
 *
 * @example
 * ```ts
 * pvt(Float64Array.of(10, 11), Float64Array.of(100, 200)); // [0, 20]
 * ```
 */
export function pvt(close: Float64Array, volume: Float64Array): Float64Array {
  return pvtInto(new Float64Array(close.length), close, volume);
}
