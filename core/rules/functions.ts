/**
 * The catalogue of what a rule can say: price fields, every indicator of the registry, the
 * series and condition functions and the analysis terms, each with its parameters, bounds,
 * result and an example (served by `GET /api/rules/functions` for the editor's completion).
 *
 * @module
 */
import { INDICATORS, type IndicatorSpec } from "../indicators/registry.ts";
import { CANDLE_KIND_NAMES, CHART_PATTERN_KIND_NAMES } from "@trading/shared/schemas";

/** Longest window (`prev`, `highest`, `within`…) and longest total look-back of a rule. */
export const MAX_LOOKBACK = 5_000;

/** Indicators that read only the close, so any series may replace it: `sma(volume, 20)`. */
export const SOURCE_INDICATORS: ReadonlySet<string> = new Set([
  "sma",
  "ema",
  "wma",
  "rsi",
  "macd",
  "bollinger",
]);

/** Names of the signals (core/signals) a rule can test with `signal("…")`. */
export const SIGNAL_NAMES: readonly string[] = [
  "rsi_oversold_exit",
  "rsi_overbought_exit",
  "macd_cross_up",
  "macd_cross_down",
  "golden_cross_20_50",
  "death_cross_20_50",
  "golden_cross_50_200",
  "death_cross_50_200",
  "bollinger_breakout_up",
  "bollinger_breakdown",
  "volume_breakout_up",
  "volume_breakdown",
  "close_above_ma10",
  "close_below_ma5",
  "rsi_kd_oversold",
  "rsi_kd_overbought",
  "three_white_soldiers_breakout",
];

/** Signal names plus their families (`golden_cross` = both golden crosses, `buy`, `sell`). */
export function signalNames(): string[] {
  const prefixes = new Set<string>();
  for (const n of SIGNAL_NAMES) {
    const m = /^(.*?)_\d+_\d+$/.exec(n);
    if (m) prefixes.add(m[1]!);
  }
  return [...SIGNAL_NAMES, ...prefixes, "buy", "sell"];
}

/** Chart-pattern kinds a rule can test with `pattern("…")`. */
export const PATTERN_NAMES: readonly string[] = CHART_PATTERN_KIND_NAMES;
/** Candlestick kinds a rule can test with `candle("…")`. */
export const CANDLE_NAMES: readonly string[] = CANDLE_KIND_NAMES;

/** One parameter of a rule function. */
export interface RuleParamDoc {
  /** Name (named arguments use it: `within: 5`). */
  name: string;
  /** What it takes. */
  type: "series" | "condition" | "number" | "string" | "bool";
  /** Whether it may be left out. */
  optional: boolean;
  /** Value when left out. */
  default?: number | boolean | string;
  /** Smallest accepted number. */
  min?: number;
  /** Largest accepted number. */
  max?: number;
  /** Whether only integers are accepted. */
  integer?: boolean;
  /** Accepted strings (pattern, candle and signal names). */
  values?: readonly string[];
}

/** One entry of the catalogue. */
export interface RuleFunction {
  /** Name as written in a rule. */
  name: string;
  /** Family, for grouping in the editor. */
  kind: "field" | "indicator" | "series" | "condition" | "analysis" | "operator";
  /** Parameters, in positional order. */
  params: RuleParamDoc[];
  /** Outputs selected with `.name` (indicators with several lines). */
  outputs?: readonly string[];
  /** What it yields per bar. */
  returns: "series" | "condition";
  /** One line for people. */
  description: string;
  /** A rule using it. */
  example: string;
}

const series = (name: string, optional = false): RuleParamDoc => ({
  name,
  type: "series",
  optional,
});
const cond = (name: string): RuleParamDoc => ({ name, type: "condition", optional: false });
const bars = (name = "n", dflt?: number): RuleParamDoc => ({
  name,
  type: "number",
  optional: dflt !== undefined,
  ...(dflt === undefined ? {} : { default: dflt }),
  min: 1,
  max: MAX_LOOKBACK,
  integer: true,
});
const str = (name: string, values: readonly string[]): RuleParamDoc => ({
  name,
  type: "string",
  optional: false,
  values,
});

const FIELDS: RuleFunction[] = ["open", "high", "low", "close", "volume"].map((f) => ({
  name: f,
  kind: "field",
  params: [],
  returns: "series",
  description: `The bar's ${f === "volume" ? "traded volume" : `${f} price`}`,
  example: f === "volume" ? "volume > 1.5 * sma(volume, 20)" : `${f} > sma(${f}, 50)`,
}));

const EXAMPLES: Record<string, string> = {
  macd: "macd(12, 26, 9).macd crosses_above macd(12, 26, 9).signal",
  bollinger: "close < bollinger(20, 2).lower",
  stochastic: "stochastic(14, 3, 3).k crosses_above stochastic(14, 3, 3).d",
  adx: "adx(14) > 25 and adx(14).plus_di > adx(14).minus_di",
  rsi: "rsi(14) < 30",
  obv: "obv > sma(obv, 20)",
  pvt: "pvt > prev(pvt, 20)",
};

function indicatorEntry(s: IndicatorSpec): RuleFunction {
  const params: RuleParamDoc[] = s.params.map((q) => ({
    name: q.name,
    type: "number",
    optional: true,
    default: q.default,
    min: q.min,
    max: q.max,
    integer: q.integer,
  }));
  const args = s.params.map((q) => q.default).join(", ");
  return {
    name: s.name,
    kind: "indicator",
    params: SOURCE_INDICATORS.has(s.name) ? [series("source", true), ...params] : params,
    ...(s.outputs.length > 1 ? { outputs: s.outputs } : {}),
    returns: "series",
    description: s.description + (SOURCE_INDICATORS.has(s.name) ? " (or of `source`)" : ""),
    example: EXAMPLES[s.name] ?? `close > ${s.name}${args ? `(${args})` : ""}`,
  };
}

const SERIES_FUNCTIONS: RuleFunction[] = [
  ["prev", "The value `n` bars ago", "close > prev(close, 1)"],
  [
    "highest",
    "Highest value of the last `n` bars (this one included)",
    "close >= highest(high, 20)",
  ],
  ["lowest", "Lowest value of the last `n` bars (this one included)", "close <= lowest(low, 20)"],
  ["change", "Difference from `n` bars ago", "change(close, 5) > 0"],
  ["pct_change", "Percent change from `n` bars ago (10 = +10 %)", "pct_change(close, 20) > 10"],
].map(([name, description, example]) => ({
  name: name!,
  kind: "series",
  params: [series("x"), bars()],
  returns: "series",
  description: description!,
  example: example!,
}));

const OTHER: RuleFunction[] = [
  {
    name: "abs",
    kind: "series",
    params: [series("x")],
    returns: "series",
    description: "Absolute value",
    example: "abs(pct_change(close, 1)) > 3",
  },
  {
    name: "min",
    kind: "series",
    params: [series("a"), series("b")],
    returns: "series",
    description: "The smaller of two values per bar",
    example: "min(open, close) - low > 2 * abs(close - open)",
  },
  {
    name: "max",
    kind: "series",
    params: [series("a"), series("b")],
    returns: "series",
    description: "The larger of two values per bar",
    example: "high - max(open, close) < 0.1 * (high - low)",
  },
  {
    name: "crosses_above",
    kind: "operator",
    params: [series("a"), series("b")],
    returns: "condition",
    description: "`a > b` became true on this bar (it was not true on the bar before)",
    example: "sma(10) crosses_above sma(50)",
  },
  {
    name: "crosses_below",
    kind: "operator",
    params: [series("a"), series("b")],
    returns: "condition",
    description: "`a < b` became true on this bar (it was not true on the bar before)",
    example: "rsi(14) crosses_below 70",
  },
  {
    name: "within",
    kind: "condition",
    params: [cond("cond"), bars()],
    returns: "condition",
    description: "The condition was true on at least one of the last `n` bars",
    example: "within(rsi(14) < 30, 5) and close > sma(50)",
  },
  {
    name: "bars_since",
    kind: "series",
    params: [cond("cond")],
    returns: "series",
    description: "Bars since the condition was last true (0 = this bar; empty if never)",
    example: "bars_since(sma(50) crosses_above sma(200)) < 10",
  },
  {
    name: "pattern",
    kind: "analysis",
    params: [
      str("kind", PATTERN_NAMES),
      { name: "confirmed", type: "bool", optional: true, default: true },
      bars("within", 1),
      { name: "min_confidence", type: "number", optional: true, default: 0, min: 0, max: 1 },
    ],
    returns: "condition",
    description: "A chart pattern of this kind broke out (was confirmed) in the last `within` bars",
    example: 'pattern("double_bottom", confirmed: true, within: 5)',
  },
  {
    name: "candle",
    kind: "analysis",
    params: [str("kind", CANDLE_NAMES), bars("within", 1)],
    returns: "condition",
    description: "A candlestick pattern of this kind ended in the last `within` bars",
    example: 'candle("bullish_engulfing")',
  },
  {
    name: "signal",
    kind: "analysis",
    params: [str("name", signalNames()), bars("within", 1)],
    returns: "condition",
    description:
      "A signal of this name (or family: golden_cross, buy, sell) in the last `within` bars",
    example: 'signal("golden_cross", within: 3)',
  },
  {
    name: "score",
    kind: "analysis",
    params: [],
    returns: "series",
    description: "The composite score, −100..100 (0 during warm-up)",
    example: "score >= 25",
  },
];

/**
 * Every name a rule can use, with parameters, bounds, result and an example.
 *
 * @example
 * ```ts
 * import { ruleFunctions } from "./functions.ts";
 * ruleFunctions().find((f) => f.name === "rsi")?.params[1]?.max; // 500
 * ```
 */
export function ruleFunctions(): RuleFunction[] {
  return [
    ...FIELDS,
    ...Object.values(INDICATORS).map(indicatorEntry),
    ...SERIES_FUNCTIONS,
    ...OTHER,
  ];
}
