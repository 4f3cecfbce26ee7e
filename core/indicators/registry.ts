/**
 * The indicators offered by name (HTTP `?names=`, signals, analysis): their parameters with
 * defaults and bounds, their output keys and how to compute them over a bar series.
 *
 * @module
 */
import { adx, adxWarmup } from "./adx.ts";
import { atr, atrWarmup } from "./atr.ts";
import { bollinger, bollingerWarmup } from "./bollinger.ts";
import { ema, emaWarmup } from "./ema.ts";
import { macd, macdWarmup } from "./macd.ts";
import { obv } from "./obv.ts";
import { pvt } from "./pvt.ts";
import { rsi, rsiWarmup } from "./rsi.ts";
import { sma, smaWarmup } from "./sma.ts";
import { stochastic, stochasticWarmup } from "./stochastic.ts";
import { volumeRatio, volumeRatioWarmup } from "./volume_ratio.ts";
import { vwap, vwapWarmup } from "./vwap.ts";
import { williamsR, williamsRWarmup } from "./williams_r.ts";
import { wma, wmaWarmup } from "./wma.ts";

/** Columnar OHLCV bars, all arrays the same length (dates ascending). */
export interface OhlcvSeries {
  /** Opening prices. */
  open: Float64Array;
  /** Highs. */
  high: Float64Array;
  /** Lows. */
  low: Float64Array;
  /** Closes. */
  close: Float64Array;
  /** Volumes. */
  volume: Float64Array;
}

/** Resolved parameters of an indicator, by name (e.g. `{ period: 14 }`). */
export type IndicatorParams = Readonly<Record<string, number>>;

/** One numeric parameter with its default and accepted range. */
export interface ParamSpec {
  /** Name, snake_case (e.g. `period`, `k_smooth`). */
  readonly name: string;
  /** Value used when the request omits it. */
  readonly default: number;
  /** Smallest accepted value. */
  readonly min: number;
  /** Largest accepted value. */
  readonly max: number;
  /** Whether only integers are accepted. */
  readonly integer: boolean;
}

/** An indicator as offered by name. */
export interface IndicatorSpec {
  /** Canonical name, e.g. `bollinger`. */
  readonly name: string;
  /** Other accepted names, e.g. `bb`. */
  readonly aliases: readonly string[];
  /** One line for people. */
  readonly description: string;
  /** Positional parameters (`bollinger:20:2` → period 20, k 2). */
  readonly params: readonly ParamSpec[];
  /** Output keys, in order. */
  readonly outputs: readonly string[];
  /** Index of the first bar at which every output is finite. */
  readonly warmup: (p: IndicatorParams) => number;
  /** Computes every output over the whole series. */
  readonly compute: (p: IndicatorParams, s: OhlcvSeries) => Record<string, Float64Array>;
}

/** Largest period accepted by name (HTTP and analysis). */
export const MAX_PERIOD = 500;

const int = (name: string, def: number): ParamSpec => ({
  name,
  default: def,
  min: 1,
  max: MAX_PERIOD,
  integer: true,
});
const p = (params: IndicatorParams, name: string): number => params[name]!;

function single(
  name: string,
  description: string,
  period: number,
  warmup: (period: number) => number,
  fn: (s: OhlcvSeries, period: number) => Float64Array,
): IndicatorSpec {
  return {
    name,
    aliases: [],
    description,
    params: [int("period", period)],
    outputs: [name],
    warmup: (q) => warmup(p(q, "period")),
    compute: (q, s) => ({ [name]: fn(s, p(q, "period")) }),
  };
}

function fixedMa(period: number): IndicatorSpec {
  const name = `ma${period}`;
  return {
    name,
    aliases: [],
    description: `${period}-bar simple moving average of the close`,
    params: [],
    outputs: [name],
    warmup: () => smaWarmup(period),
    compute: (_q, s) => ({ [name]: sma(s.close, period) }),
  };
}

const LIST: IndicatorSpec[] = [
  single("sma", "Simple moving average of the close", 20, smaWarmup, (s, n) => sma(s.close, n)),
  single(
    "ema",
    "Exponential moving average of the close (SMA seed)",
    20,
    emaWarmup,
    (s, n) => ema(s.close, n),
  ),
  single(
    "wma",
    "Linearly weighted moving average of the close",
    20,
    wmaWarmup,
    (s, n) => wma(s.close, n),
  ),
  single(
    "rsi",
    "Wilder's Relative Strength Index, 0..100",
    14,
    rsiWarmup,
    (s, n) => rsi(s.close, n),
  ),
  {
    name: "macd",
    aliases: [],
    description: "MACD line, signal and histogram (EMA fast − EMA slow)",
    params: [int("fast", 12), int("slow", 26), int("signal", 9)],
    outputs: ["macd", "signal", "histogram"],
    warmup: (q) =>
      macdWarmup({ fast: p(q, "fast"), slow: p(q, "slow"), signal: p(q, "signal") }).signal,
    compute: (q, s) => {
      const r = macd(s.close, { fast: p(q, "fast"), slow: p(q, "slow"), signal: p(q, "signal") });
      return { macd: r.macd, signal: r.signal, histogram: r.histogram };
    },
  },
  {
    name: "bollinger",
    aliases: ["bb"],
    description: "Bollinger Bands: SMA ± k population standard deviations",
    params: [int("period", 20), { name: "k", default: 2, min: 0.1, max: 10, integer: false }],
    outputs: ["upper", "middle", "lower"],
    warmup: (q) => bollingerWarmup({ period: p(q, "period") }),
    compute: (q, s) => {
      const r = bollinger(s.close, { period: p(q, "period"), k: p(q, "k") });
      return { upper: r.upper, middle: r.middle, lower: r.lower };
    },
  },
  {
    name: "stochastic",
    aliases: ["kd"],
    description: "Full stochastic %K (smoothed) and %D, 0..100",
    params: [int("k_period", 14), int("k_smooth", 3), int("d_period", 3)],
    outputs: ["k", "d"],
    warmup: (q) => stochasticWarmup(stochOptions(q)).d,
    compute: (q, s) => {
      const r = stochastic(s.high, s.low, s.close, stochOptions(q));
      return { k: r.k, d: r.d };
    },
  },
  single(
    "williams_r",
    "Williams %R, −100..0",
    14,
    williamsRWarmup,
    (s, n) => williamsR(s.high, s.low, s.close, n),
  ),
  single(
    "atr",
    "Wilder's Average True Range",
    14,
    atrWarmup,
    (s, n) => atr(s.high, s.low, s.close, n),
  ),
  {
    name: "adx",
    aliases: [],
    description: "Wilder's ADX with +DI and −DI, 0..100",
    params: [int("period", 14)],
    outputs: ["adx", "plus_di", "minus_di"],
    warmup: (q) => adxWarmup(p(q, "period")).adx,
    compute: (q, s) => {
      const r = adx(s.high, s.low, s.close, p(q, "period"));
      return { adx: r.adx, plus_di: r.plusDi, minus_di: r.minusDi };
    },
  },
  {
    name: "obv",
    aliases: [],
    description: "On-Balance Volume (0 on the first bar)",
    params: [],
    outputs: ["obv"],
    warmup: () => 0,
    compute: (_q, s) => ({ obv: obv(s.close, s.volume) }),
  },
  {
    name: "pvt",
    aliases: [],
    description: "Price-Volume Trend (0 on the first bar)",
    params: [],
    outputs: ["pvt"],
    warmup: () => 0,
    compute: (_q, s) => ({ pvt: pvt(s.close, s.volume) }),
  },
  single(
    "vwap",
    "Rolling volume-weighted average of the typical price",
    20,
    vwapWarmup,
    (s, n) => vwap(s.high, s.low, s.close, s.volume, n),
  ),
  single(
    "volume_ratio",
    "Volume ÷ mean volume of the previous `period` bars",
    20,
    volumeRatioWarmup,
    (s, n) => volumeRatio(s.volume, n),
  ),
  fixedMa(5),
  fixedMa(10),
  fixedMa(20),
  fixedMa(50),
  fixedMa(200),
];

function stochOptions(q: IndicatorParams) {
  return { kPeriod: p(q, "k_period"), kSmooth: p(q, "k_smooth"), dPeriod: p(q, "d_period") };
}

/** Every indicator offered by name, keyed by canonical name. */
export const INDICATORS: Readonly<Record<string, IndicatorSpec>> = Object.freeze(
  Object.fromEntries(LIST.map((s) => [s.name, s])),
);

const BY_NAME = new Map<string, IndicatorSpec>();
for (const s of LIST) for (const n of [s.name, ...s.aliases]) BY_NAME.set(n, s);

/**
 * The indicator called `name` (canonical or alias, case-insensitive), or `undefined`.
 *
 * @example
 * ```ts
 * findIndicator("BB")?.name; // "bollinger"
 * ```
 */
export function findIndicator(name: string): IndicatorSpec | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Every accepted name (canonical names and aliases), sorted. */
export function indicatorNames(): string[] {
  return [...BY_NAME.keys()].sort();
}
