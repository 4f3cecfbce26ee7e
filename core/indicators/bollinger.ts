/**
 * Bollinger Bands.
 *
 * Convention (Bollinger, StockCharts, TradingView `ta.bb`, TA-Lib `BBANDS`): `middle = SMA(period)`,
 * `upper/lower = middle ± k·σ` where σ is the **population** standard deviation of the same
 * window (divide by `period`, not `period − 1`). The variance is kept with a sliding-window
 * Welford update (stable for prices far from zero), clamped at 0.
 *
 * @module
 */
import { checkLengths, checkNonNegative, checkPeriod, leadingNaNs } from "./_validate.ts";

/** Options of {@link bollinger}. */
export interface BollingerOptions {
  /** Window length (default 20). */
  period?: number;
  /** Width in standard deviations (default 2). */
  k?: number;
}

/** The three bands, each as long as the input. */
export interface BollingerResult {
  /** middle + k·σ */
  upper: Float64Array;
  /** SMA(period), identical to `sma(values, period)` */
  middle: Float64Array;
  /** middle − k·σ */
  lower: Float64Array;
}

/**
 * Index of the first finite band value: `period − 1`.
 *
 * @example
 * ```ts
 * bollingerWarmup(); // 19
 * ```
 */
export function bollingerWarmup({ period = 20 }: BollingerOptions = {}): number {
  checkPeriod("Bollinger Bands", "period", period);
  return period - 1;
}

/**
 * Writes Bollinger Bands into the caller's buffers without allocating (one pass).
 *
 * @example
 * ```ts
 * import { bollingerInto } from "./bollinger.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const n = close.length;
 * const out = {
 *   upper: new Float64Array(n),
 *   middle: new Float64Array(n),
 *   lower: new Float64Array(n),
 * };
 * bollingerInto(out, close); // period 20, k 2: out.middle[19] is the first value
 * ```
 */
export function bollingerInto(
  out: BollingerResult,
  values: Float64Array,
  { period = 20, k = 2 }: BollingerOptions = {},
): BollingerResult {
  checkPeriod("Bollinger Bands", "period", period);
  checkNonNegative("Bollinger Bands", "k", k);
  const n = values.length;
  const { upper, middle, lower } = out;
  checkLengths("Bollinger Bands", n, [upper, middle, lower], [
    "out.upper",
    "out.middle",
    "out.lower",
  ]);
  const s = leadingNaNs(values);
  const first = s + period - 1;
  const warm = Math.min(first, n);
  upper.fill(NaN, 0, warm);
  middle.fill(NaN, 0, warm);
  lower.fill(NaN, 0, warm);
  if (first >= n) return out;
  // the running sum follows exactly the steps of smaInto, so `middle` is bit-identical to sma()
  const inv = 1 / period;
  let sum = 0;
  for (let i = s; i <= first; i++) sum += values[i]!;
  let mean = sum * inv;
  let m2 = 0;
  for (let i = s; i <= first; i++) {
    const d = values[i]! - mean;
    m2 += d * d;
  }
  let sd = Math.sqrt(m2 * inv);
  middle[first] = mean;
  upper[first] = mean + k * sd;
  lower[first] = mean - k * sd;
  for (let i = first + 1; i < n; i++) {
    const xn = values[i]!;
    const xo = values[i - period]!;
    sum += xn - xo;
    const m = sum * inv;
    m2 = Math.max(0, m2 + (xn - xo) * (xn - m + xo - mean));
    mean = m;
    sd = k * Math.sqrt(m2 * inv);
    middle[i] = m;
    upper[i] = m + sd;
    lower[i] = m - sd;
  }
  return out;
}

/**
 * Bollinger Bands of `values` (`NaN` during warm-up).
 *
 * @example
 * ```ts
 * import { bollinger } from "./bollinger.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const { upper, middle, lower } = bollinger(close); // 20, 2
 * const wide = bollinger(close, { period: 10, k: 2.5 });
 * ```
 */
export function bollinger(values: Float64Array, options: BollingerOptions = {}): BollingerResult {
  const n = values.length;
  return bollingerInto(
    { upper: new Float64Array(n), middle: new Float64Array(n), lower: new Float64Array(n) },
    values,
    options,
  );
}
