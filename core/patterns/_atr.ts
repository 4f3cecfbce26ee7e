/**
 * Private ATR and SMA for the pattern detectors (core/indicators/ was being written in parallel;
 * these keep core/patterns self-contained). Same conventions as TradingView: true range of the
 * first bar is `high − low`, ATR is Wilder's RMA seeded with the mean of the first `period`
 * true ranges, `NaN` during warm-up.
 *
 * @module
 */

/** Wilder ATR; `NaN` for the first `period − 1` bars. */
export function atrOf(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): Float64Array {
  const n = close.length;
  const out = new Float64Array(n).fill(NaN);
  let sum = 0;
  let prev = NaN;
  for (let i = 0; i < n; i++) {
    const h = high[i]!, l = low[i]!;
    const tr = i === 0
      ? h - l
      : Math.max(h - l, Math.abs(h - close[i - 1]!), Math.abs(l - close[i - 1]!));
    if (i < period) {
      sum += tr;
      if (i === period - 1) out[i] = prev = sum / period;
    } else {
      prev = (prev * (period - 1) + tr) / period;
      out[i] = prev;
    }
  }
  return out;
}

/** Simple moving average; `NaN` for the first `period − 1` bars. */
export function smaOf(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    if (i >= period) sum -= values[i - period]!;
    if (i >= period - 1) out[i] = sum / period;
  }
  return out;
}

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
