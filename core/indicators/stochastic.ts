/**
 * Stochastic oscillator (Lane), "full" form with a smoothed %K.
 *
 * Convention (StockCharts "full stochastic", TradingView `ta.stoch` + `ta.sma`): raw %K =
 * `100·(close − LL)/(HH − LL)` over `kPeriod` bars (50 when HH = LL); `k = SMA(raw, kSmooth)`;
 * `d = SMA(k, dPeriod)`. With `kSmooth = 1` it is the fast stochastic (technicalindicators'
 * `Stochastic`). Values lie in [0, 100] when every close is within its bar's low..high; %K and
 * %D are clamped to that range after smoothing so rounding never leaves it.
 *
 * @module
 */
import { checkLengths, checkPeriod } from "./_validate.ts";
import { rangePositionInto } from "./_range_position.ts";
import { smaInto } from "./sma.ts";

/** Periods of {@link stochastic}. */
export interface StochasticOptions {
  /** Look-back of the high–low range (default 14). */
  kPeriod?: number;
  /** SMA smoothing of raw %K (default 3; 1 = fast stochastic). */
  kSmooth?: number;
  /** SMA period of %D (default 3). */
  dPeriod?: number;
}

/** %K and %D, each as long as the input. */
export interface StochasticResult {
  /** Smoothed %K. */
  k: Float64Array;
  /** SMA of %K. */
  d: Float64Array;
}

function check(kPeriod: number, kSmooth: number, dPeriod: number): void {
  checkPeriod("Stochastic", "kPeriod", kPeriod);
  checkPeriod("Stochastic", "kSmooth", kSmooth);
  checkPeriod("Stochastic", "dPeriod", dPeriod);
}

/**
 * First finite indices of %K (`kPeriod + kSmooth − 2`) and %D (`… + dPeriod − 1`).
 *
 * @example
 * ```ts
 * stochasticWarmup(); // { k: 15, d: 17 }
 * ```
 */
export function stochasticWarmup(
  { kPeriod = 14, kSmooth = 3, dPeriod = 3 }: StochasticOptions = {},
): { k: number; d: number } {
  check(kPeriod, kSmooth, dPeriod);
  return { k: kPeriod + kSmooth - 2, d: kPeriod + kSmooth + dPeriod - 3 };
}

/**
 * Clamps finite values to [0, 100]: a running-sum SMA of values in [0, 100] can leave the
 * range by rounding (e.g. −7.1e-14 on SPX 2015-03-10 for the fast %K, 28 of 8,812 real values
 * in an independent TA-Lib run), and the oscillator is defined on [0, 100].
 */
function clamp100(a: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v < 0) a[i] = 0;
    else if (v > 100) a[i] = 100;
  }
}

/**
 * Writes %K and %D into the caller's buffers without allocating (raw %K is staged in `out.d`).
 *
 * @example
 * ```ts
 * import { stochasticInto } from "./stochastic.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const n = close.length;
 * stochasticInto({ k: new Float64Array(n), d: new Float64Array(n) }, high, low, close);
 * ```
 */
export function stochasticInto(
  out: StochasticResult,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  { kPeriod = 14, kSmooth = 3, dPeriod = 3 }: StochasticOptions = {},
): StochasticResult {
  check(kPeriod, kSmooth, dPeriod);
  const n = close.length;
  checkLengths("Stochastic", n, [high, low, out.k, out.d], ["high", "low", "out.k", "out.d"]);
  rangePositionInto(out.d, high, low, close, kPeriod, false);
  smaInto(out.k, out.d, kSmooth);
  clamp100(out.k);
  smaInto(out.d, out.k, dPeriod);
  clamp100(out.d);
  return out;
}

/**
 * Full stochastic %K/%D of a bar series (`NaN` during warm-up).
 *
 * @example
 * ```ts
 * import { stochastic } from "./stochastic.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const { k, d } = stochastic(high, low, close); // 14, 3, 3: k[15] and d[17] are the first values
 * ```
 */
export function stochastic(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  options: StochasticOptions = {},
): StochasticResult {
  const n = close.length;
  return stochasticInto(
    { k: new Float64Array(n), d: new Float64Array(n) },
    high,
    low,
    close,
    options,
  );
}
