/**
 * Moving Average Convergence/Divergence (Appel).
 *
 * Convention (TradingView `ta.macd`, StockCharts, technicalindicators): `macd = EMA(fast) −
 * EMA(slow)`, each EMA seeded with the SMA of its first `period` closes (see `ema.ts`), so the
 * line starts at index `slow − 1`; `signal = EMA(signal)` of the line, seeded with the SMA of
 * the first `signal` line values, starting at `slow + signal − 2`; `histogram = macd − signal`.
 * (TA-Lib seeds the fast EMA later so both EMAs start together; values converge after a few
 * dozen bars.) Computed in one fused pass over the closes.
 *
 * @module
 */
import { checkLengths, checkPeriod, leadingNaNs } from "./_validate.ts";

/** Periods of {@link macd}. */
export interface MacdOptions {
  /** Fast EMA period (default 12). */
  fast?: number;
  /** Slow EMA period (default 26); must be greater than `fast`. */
  slow?: number;
  /** Signal EMA period (default 9). */
  signal?: number;
}

/** The three MACD series, each as long as the input. */
export interface MacdResult {
  /** EMA(fast) − EMA(slow). */
  macd: Float64Array;
  /** EMA of the MACD line. */
  signal: Float64Array;
  /** macd − signal. */
  histogram: Float64Array;
}

function check(fast: number, slow: number, signal: number): void {
  checkPeriod("MACD", "fast", fast);
  checkPeriod("MACD", "slow", slow);
  checkPeriod("MACD", "signal", signal);
  if (fast >= slow) {
    throw new RangeError(
      `Cannot compute MACD: slow must be greater than fast (${fast}), current value is ${slow}`,
    );
  }
}

/**
 * Warm-ups of MACD: the line's first finite index (`slow − 1`) and the signal's and
 * histogram's (`slow + signal − 2`).
 *
 * @example
 * ```ts
 * macdWarmup(); // { macd: 25, signal: 33 }
 * ```
 */
export function macdWarmup(
  { fast = 12, slow = 26, signal = 9 }: MacdOptions = {},
): { macd: number; signal: number } {
  check(fast, slow, signal);
  return { macd: slow - 1, signal: slow + signal - 2 };
}

/**
 * Writes MACD into the caller's three buffers (each as long as `close`) without allocating.
 *
 * @example
 * ```ts
 * import { macdInto } from "./macd.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const n = close.length;
 * const out = {
 *   macd: new Float64Array(n),
 *   signal: new Float64Array(n),
 *   histogram: new Float64Array(n),
 * };
 * macdInto(out, close); // 12/26/9: out.macd[25] and out.signal[33] are the first values
 * ```
 */
export function macdInto(
  out: MacdResult,
  close: Float64Array,
  { fast = 12, slow = 26, signal = 9 }: MacdOptions = {},
): MacdResult {
  check(fast, slow, signal);
  const n = close.length;
  checkLengths("MACD", n, [out.macd, out.signal, out.histogram], [
    "out.macd",
    "out.signal",
    "out.histogram",
  ]);
  const line = out.macd, sig = out.signal, hist = out.histogram;
  const s = leadingNaNs(close);
  const fastSeed = s + fast - 1, slowSeed = s + slow - 1, sigSeed = slowSeed + signal - 1;
  line.fill(NaN, 0, Math.min(slowSeed, n));
  sig.fill(NaN, 0, Math.min(sigSeed, n));
  hist.fill(NaN, 0, Math.min(sigSeed, n));
  if (slowSeed >= n) return out;
  const aF = 2 / (fast + 1), bF = 1 - aF, aS = 2 / (slow + 1), bS = 1 - aS;
  const aG = 2 / (signal + 1), bG = 1 - aG;
  // warm-up: SMA seeds of both EMAs (the fast one runs from its own seed on)
  let eF = 0, eS = 0, eG = 0;
  for (let i = s; i < fastSeed; i++) eF += close[i]!;
  for (let i = s; i <= slowSeed; i++) eS += close[i]!;
  eF = (eF + close[fastSeed]!) / fast;
  for (let i = fastSeed + 1; i <= slowSeed; i++) eF = bF * eF + aF * close[i]!;
  eS /= slow;
  // one fused pass: both EMAs, the line, then the signal EMA (SMA-seeded) and the histogram
  for (let i = slowSeed; i < n; i++) {
    if (i > slowSeed) {
      const x = close[i]!;
      eF = bF * eF + aF * x;
      eS = bS * eS + aS * x;
    }
    const m = eF - eS;
    line[i] = m;
    if (i < sigSeed) {
      eG += m;
      continue;
    }
    eG = i === sigSeed ? (eG + m) / signal : bG * eG + aG * m;
    sig[i] = eG;
    hist[i] = m - eG;
  }
  return out;
}

/**
 * MACD line, signal and histogram of `close` (`NaN` during their warm-ups).
 *
 * @example
 * ```ts
 * import { macd } from "./macd.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const { macd: line, signal, histogram } = macd(close); // 12/26/9
 * histogram[33] === line[33]! - signal[33]!; // true
 * ```
 */
export function macd(close: Float64Array, options: MacdOptions = {}): MacdResult {
  const n = close.length;
  return macdInto(
    { macd: new Float64Array(n), signal: new Float64Array(n), histogram: new Float64Array(n) },
    close,
    options,
  );
}
