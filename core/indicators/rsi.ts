/**
 * Relative Strength Index (Wilder, 1978).
 *
 * Convention (Wilder, TA-Lib `RSI`, TradingView `ta.rsi`, StockCharts): with `d = close[i] −
 * close[i−1]`, the first average gain/loss, at index `period`, is the simple mean of the first
 * `period` gains/losses; afterwards Wilder's smoothing `avg = (avg·(period − 1) + x) / period`
 * (computed as `avg·(1 − 1/period) + x/period`, branch-free: up and down days alternate at
 * random, so a branch per bar would be mispredicted half the time).
 * `RSI = 100·avgGain / (avgGain + avgLoss)` (= `100 − 100/(1 + RS)`): 100 when there were no
 * losses, 0 when there were no gains, and 50 when the price did not move at all in the
 * smoothing memory (TradingView shows 100 and TA-Lib 0 for that degenerate case).
 *
 * @module
 */
import { checkLengths, checkPeriod } from "./_validate.ts";

/**
 * Index of the first finite RSI value: `period` (one change needs two closes).
 *
 * @example
 * ```ts
 * rsiWarmup(14); // 14
 * ```
 */
export function rsiWarmup(period: number): number {
  checkPeriod("RSI", "period", period);
  return period;
}

/**
 * Writes Wilder's RSI of `close` into `out` (same length) without allocating; values lie in
 * [0, 100], `NaN` before index `period`.
 *
 * @example
 * ```ts
 * import { rsiInto } from "./rsi.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const out = new Float64Array(close.length);
 * rsiInto(out, close, 14); // out[0..13] NaN, then values in [0, 100]
 * ```
 */
export function rsiInto(out: Float64Array, close: Float64Array, period = 14): Float64Array {
  checkPeriod("RSI", "period", period);
  const n = close.length;
  checkLengths("RSI", n, [out], ["out"]);
  out.fill(NaN, 0, Math.min(period, n));
  if (period >= n) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const d = close[i]! - close[i - 1]!;
    if (d > 0) gain += d;
    else loss -= d;
  }
  gain /= period;
  loss /= period;
  out[period] = rsiOf(gain, loss);
  const keep = (period - 1) / period, half = 0.5 / period;
  let prev = close[period]!;
  for (let i = period + 1; i < n; i++) {
    const x = close[i]!;
    const d = x - prev;
    prev = x;
    const ad = Math.abs(d); // (|d| + d)/2 = max(d, 0) and (|d| − d)/2 = max(−d, 0), exactly
    gain = keep * gain + half * (ad + d);
    loss = keep * loss + half * (ad - d);
    const total = gain + loss;
    out[i] = total > 0 ? 100 * (gain / total) : 50;
  }
  return out;
}

function rsiOf(gain: number, loss: number): number {
  const total = gain + loss;
  return total > 0 ? 100 * (gain / total) : 50;
}

/**
 * Wilder's RSI of `close` (same length, values in [0, 100], `NaN` for the first `period` bars).
 *
 * @example
 * ```ts
 * import { rsi } from "./rsi.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const r = rsi(close); // period 14
 * const fast = rsi(close, 7);
 * ```
 */
export function rsi(close: Float64Array, period = 14): Float64Array {
  return rsiInto(new Float64Array(close.length), close, period);
}
