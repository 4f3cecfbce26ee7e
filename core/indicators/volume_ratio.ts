/**
 * Volume ratio: today's volume divided by the mean volume of the **previous** `period` bars
 * (the current bar is excluded so that a spike is not diluted by itself; 2 means twice the
 * recent average). `Infinity` when the previous volumes are all 0 and today's is not, `NaN`
 * when all are 0 (both become `null` on the wire).
 *
 * @module
 */
import { checkLengths, checkPeriod } from "./_validate.ts";

/**
 * Index of the first finite ratio: `period` (it needs `period` earlier bars).
 *
 * @example
 * ```ts
 * volumeRatioWarmup(20); // 20
 * ```
 */
export function volumeRatioWarmup(period = 20): number {
  checkPeriod("volume ratio", "period", period);
  return period;
}

/**
 * Writes the volume ratio into `out` without allocating (running sum, one pass).
 *
 * @example
 * ```ts
 * import { volumeRatioInto } from "./volume_ratio.ts";
 *
 * const volume = Float64Array.of(900, 1_100, 1_000, 2_300);
 * volumeRatioInto(new Float64Array(volume.length), volume, 3); // [NaN, NaN, NaN, 2.3]
 * ```
 */
export function volumeRatioInto(
  out: Float64Array,
  volume: Float64Array,
  period = 20,
): Float64Array {
  checkPeriod("volume ratio", "period", period);
  const n = volume.length;
  checkLengths("volume ratio", n, [out], ["out"]);
  out.fill(NaN, 0, Math.min(period, n));
  if (period >= n) return out;
  let sum = 0;
  for (let i = 0; i < period; i++) sum += volume[i]!;
  for (let i = period; i < n; i++) {
    const v = volume[i]!;
    out[i] = v / (sum / period);
    sum += v - volume[i - period]!;
  }
  return out;
}

/**
 * Volume ratio (same length, `NaN` for the first `period` bars).
 *
 * @example
 * ```ts
 * volumeRatio(Float64Array.of(10, 10, 30), 2); // [NaN, NaN, 3]
 * ```
 */
export function volumeRatio(volume: Float64Array, period = 20): Float64Array {
  return volumeRatioInto(new Float64Array(volume.length), volume, period);
}
