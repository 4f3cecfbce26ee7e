/**
 * Rolling volume-weighted average price over daily bars: `Σ typical·volume / Σ volume` over the
 * last `period` bars, with `typical = (high + low + close)/3`. (The intraday VWAP that resets
 * each session needs intraday bars; on daily bars a rolling window is the meaningful form, as
 * TradingView's "Rolling VWAP".) `NaN` when the window's volume is 0.
 *
 * @module
 */
import { checkLengths, checkPeriod } from "./_validate.ts";

/**
 * Index of the first finite rolling VWAP: `period − 1`.
 *
 * @example
 * ```ts
 * vwapWarmup(20); // 19
 * ```
 */
export function vwapWarmup(period = 20): number {
  checkPeriod("VWAP", "period", period);
  return period - 1;
}

/**
 * Writes the rolling VWAP into `out` without allocating (running sums, one pass).
 *
 * @example
 * ```ts
 * import { vwapInto } from "./vwap.ts";
 *
 * const high = Float64Array.of(11, 12, 13);
 * const low = Float64Array.of(9, 10, 11);
 * const close = Float64Array.of(10, 11, 12);
 * const volume = Float64Array.of(100, 100, 200);
 * vwapInto(new Float64Array(close.length), high, low, close, volume, 2); // [NaN, 10.5, 11.667]
 * ```
 */
export function vwapInto(
  out: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period = 20,
): Float64Array {
  checkPeriod("VWAP", "period", period);
  const n = close.length;
  checkLengths("VWAP", n, [high, low, volume, out], ["high", "low", "volume", "out"]);
  out.fill(NaN, 0, Math.min(period - 1, n));
  let pv = 0, v = 0;
  for (let i = 0; i < n; i++) {
    const vol = volume[i]!;
    pv += (high[i]! + low[i]! + close[i]!) / 3 * vol;
    v += vol;
    if (i < period - 1) continue;
    out[i] = v > 0 ? pv / v : NaN;
    const j = i - period + 1;
    const vo = volume[j]!;
    pv -= (high[j]! + low[j]! + close[j]!) / 3 * vo;
    v -= vo;
  }
  return out;
}

/**
 * Rolling VWAP of a bar series (same length, `NaN` during warm-up).
 *
 * @example
 * ```ts
 * import { vwap } from "./vwap.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const volume = close.map((_, i) => 1_000_000 + (i % 5) * 100_000);
 * const w = vwap(high, low, close, volume); // period 20: w[19] is the first value
 * ```
 */
export function vwap(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  period = 20,
): Float64Array {
  return vwapInto(new Float64Array(close.length), high, low, close, volume, period);
}
