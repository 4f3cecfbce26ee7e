/**
 * Volume ratio used by the breakout criteria. Private to core/patterns.
 *
 * @module
 */

/**
 * Volume of bar `i` divided by the mean volume of the `period` bars before it; null when there
 * are fewer than `period` earlier bars or their mean is 0. Reads bars `i − period .. i` only.
 */
export function volumeRatioAt(volume: Float64Array, i: number, period = 20): number | null {
  if (i < period) return null;
  let sum = 0;
  for (let k = i - period; k < i; k++) sum += volume[k]!;
  return sum > 0 ? volume[i]! / (sum / period) : null;
}
