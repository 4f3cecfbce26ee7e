/**
 * Market-data and analysis tools: symbols, quote, candles, indicators, patterns, signals. Each
 * calls the declared read route of core and bounds what it returns.
 *
 * @module
 */
import { z } from "zod";
import {
  CandleMatchSchema,
  CandleSchema,
  CompositeScoreSchema,
  IndicatorMetaSchema,
  type IndicatorsResponse,
  IntervalNameSchema,
  IntervalSchema,
  IsoDateSchema,
  LevelSchema,
  PatternMatchSchema,
  type PatternsResponse,
  QuoteSchema,
  SignalSchema,
  SignalsResponseSchema,
  SymbolInfoSchema,
  SymbolParamSchema,
  type SymbolsResponse,
} from "@trading/shared/schemas";
import { type AnyTool, defineTool, lastN } from "./tool.ts";

type SignalsResponse = z.infer<typeof SignalsResponseSchema>;

/** Most candles one call returns. */
export const MAX_CANDLES = 250;
/** Most bars of indicator values one call returns. */
export const MAX_INDICATOR_BARS = 250;
/** Most indicator values (bars × outputs) one call returns; fewer bars when many outputs. */
export const MAX_INDICATOR_VALUES = 1_200;
/** Most chart patterns, candlesticks and levels `find_patterns` returns (each). */
export const MAX_PATTERNS = 20;
/** Most symbols `list_symbols` returns. */
export const MAX_SYMBOLS = 200;

const symbol = SymbolParamSchema.describe("Ticker, e.g. AAPL, SPY or 2330.TW");
const from = IsoDateSchema.optional().describe("First date of the range (YYYY-MM-DD, inclusive)");
const to = IsoDateSchema.optional().describe(
  "Last date of the range (YYYY-MM-DD, inclusive; default: the latest stored bar)",
);
const interval = IntervalSchema.describe(
  "Bar interval: 1d (default), 1w or 1mo. Weekly and monthly bars are aggregated from the daily " +
    "ones and labelled with their first trading day; the last is partial while its period runs.",
);
const enc = encodeURIComponent;

const listSymbols = defineTool({
  name: "list_symbols",
  title: "List symbols",
  description: "Lists the symbols this system has daily price history for, with name, market, " +
    "currency, first/last stored date, bar count and data source. Call it first to know which " +
    "tickers the other tools accept; set all=true to include symbols beyond the default universe.",
  scope: "read",
  effect: "read",
  input: z.object({
    all: z.boolean().default(false).describe("Include every stored symbol, not just the default"),
  }),
  output: z.object({
    total: z.number().int(),
    truncated: z.boolean(),
    symbols: z.array(SymbolInfoSchema),
  }),
  run: async ({ all }, { api }) => {
    const r = await api.call<SymbolsResponse>({
      method: "GET",
      path: "/symbols",
      query: { all: all ? "true" : undefined },
    });
    return {
      total: r.total,
      truncated: r.symbols.length > MAX_SYMBOLS,
      symbols: r.symbols.slice(0, MAX_SYMBOLS),
    };
  },
});

const getQuote = defineTool({
  name: "get_quote",
  title: "Latest quote",
  description: "The latest stored daily close of a symbol with the previous close, change, " +
    "change %, volume and 52-week high/low. `date` is the bar's trading day; `stale` is true when " +
    "newer sessions have closed since (the data is historical, not a live feed).",
  scope: "read",
  effect: "read",
  input: z.object({ symbol, interval }),
  output: QuoteSchema,
  run: ({ symbol, interval }, { api }) =>
    api.call({ method: "GET", path: `/api/symbols/${enc(symbol)}/quote`, query: { interval } }),
});

const getCandles = defineTool({
  name: "get_candles",
  title: "Candles",
  description: `OHLCV bars of a symbol (daily, weekly or monthly), the most recent \`limit\` ` +
    `(1..${MAX_CANDLES}, ` +
    "default 60) of the range from..to. Prices are split-adjusted unless adjust says otherwise. " +
    "`truncated` tells that older bars of the range were left out; narrow the range or use " +
    "get_indicators / find_patterns instead of reading long histories.",
  scope: "read",
  effect: "read",
  input: z.object({
    symbol,
    interval,
    from,
    to,
    limit: z.number().int().min(1).max(MAX_CANDLES).default(60),
    adjust: z.enum(["none", "split", "all"]).default("split").describe(
      "none: as traded; split: split-adjusted; all: also dividend-adjusted",
    ),
  }),
  output: z.object({
    symbol: z.string(),
    interval: IntervalNameSchema,
    count: z.number().int(),
    truncated: z.boolean(),
    as_of: z.string().nullable(),
    stale: z.boolean(),
    candles: z.array(CandleSchema),
    full_data: z.string().describe("The HTTP resource with every bar of the range"),
  }),
  run: async ({ symbol, interval, from, to, limit, adjust }, { api }) => {
    const path = `/api/symbols/${enc(symbol)}/candles`;
    const r = await api.call<
      { as_of: string | null; stale: boolean; candles: z.input<typeof CandleSchema>[] }
    >({
      method: "GET",
      path,
      query: { from, to, adjust, interval, limit: limit + 1 },
    });
    const candles = lastN(r.candles, limit);
    const qs = new URLSearchParams({
      adjust,
      ...(interval !== "1d" ? { interval } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    return {
      symbol,
      interval,
      count: candles.length,
      truncated: r.candles.length > limit,
      as_of: r.as_of,
      stale: r.stale,
      candles,
      full_data: `GET ${path}?${qs}`,
    };
  },
});

const getIndicators = defineTool({
  name: "get_indicators",
  title: "Technical indicators",
  description: "Computes indicators over a symbol's history (warm-up from earlier bars) and " +
    `returns the last \`limit\` values (1..${MAX_INDICATOR_BARS}, default 20) up to \`to\`, ` +
    `at most ${MAX_INDICATOR_VALUES} values in all (fewer bars when many outputs: see ` +
    "`truncated`). " +
    "`names` is comma-separated with positional parameters after ':' — e.g. " +
    "'rsi,macd,sma:50,bollinger:20:2,atr:14' (at most 20). Values are null during warm-up.",
  scope: "read",
  effect: "read",
  input: z.object({
    symbol,
    names: z.string().min(1).max(2000).describe("e.g. rsi,macd,sma:50,bollinger:20:2"),
    interval,
    to,
    limit: z.number().int().min(1).max(MAX_INDICATOR_BARS).default(20),
  }),
  output: z.object({
    symbol: z.string(),
    from: z.string(),
    to: z.string(),
    truncated: z.boolean(),
    dates: z.array(z.string()),
    series: z.record(z.string(), z.array(z.number().nullable())),
    indicators: z.array(IndicatorMetaSchema),
    interval: IntervalNameSchema,
    partial: z.boolean().describe("true when the last date is a week or month still running"),
  }),
  run: async ({ symbol, names, interval, to, limit }, { api }) => {
    // the first date of the last `limit` bars, so only that window is computed and sent
    const bars = await api.call<{ candles: { date: string }[] }>({
      method: "GET",
      path: `/api/symbols/${enc(symbol)}/candles`,
      query: { to, limit, interval },
    });
    const r = await api.call<IndicatorsResponse>({
      method: "GET",
      path: `/api/symbols/${enc(symbol)}/indicators`,
      query: { names, from: bars.candles[0]?.date, to, interval },
    });
    const outputs = Object.keys(r.series).length;
    const keep = Math.max(1, Math.min(r.dates.length, Math.floor(MAX_INDICATOR_VALUES / outputs)));
    const dates = lastN(r.dates, keep);
    return {
      ...r,
      from: dates[0]!,
      truncated: keep < r.dates.length,
      dates,
      series: Object.fromEntries(Object.entries(r.series).map(([k, v]) => [k, lastN(v, keep)])),
    };
  },
});

const findPatterns = defineTool({
  name: "find_patterns",
  title: "Chart and candlestick patterns",
  description: "Detects chart patterns (head and shoulders, double tops/bottoms, triangles, " +
    "flags…, each with pivots, breakout level, measured-move target, invalidation, confidence " +
    "and the criteria met), optional candlestick patterns, and support/resistance levels, on the " +
    "history up to `to`; reports those ending within from..to. Returns the `limit` most recent " +
    `patterns (default 10, at most ${MAX_PATTERNS}) and the strongest levels.`,
  scope: "read",
  effect: "read",
  input: z.object({
    symbol,
    from,
    to,
    interval,
    candles: z.boolean().default(false).describe("Also detect candlestick patterns"),
    min_confidence: z.number().min(0).max(1).default(0),
    limit: z.number().int().min(1).max(MAX_PATTERNS).default(10),
  }),
  output: z.object({
    symbol: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    total_patterns: z.number().int(),
    patterns: z.array(PatternMatchSchema),
    candlesticks: z.array(CandleMatchSchema),
    levels: z.array(LevelSchema),
    interval: IntervalNameSchema,
  }),
  run: async ({ symbol, interval, from, to, candles, min_confidence, limit }, { api }) => {
    const r = await api.call<PatternsResponse>({
      method: "GET",
      path: `/api/symbols/${enc(symbol)}/patterns`,
      query: { from, to, interval, candles: candles ? "1" : "0", min_confidence },
    });
    const byEnd = [...r.patterns].sort((a, b) => a.end_index - b.end_index);
    return {
      symbol: r.symbol,
      from: r.from,
      to: r.to,
      total_patterns: r.patterns.length,
      patterns: lastN(byEnd, limit).map(({ lines: _lines, ...p }) => p),
      candlesticks: lastN(r.candlesticks, limit),
      levels: [...r.levels].sort((a, b) => b.strength - a.strength).slice(0, limit),
      interval,
    };
  },
});

const getSignals = defineTool({
  name: "get_signals",
  title: "Trading signals and composite score",
  description: "Buy/sell signals of the technical rules (crossovers, RSI, MACD, breakouts…) and " +
    "the analyst rules in a range (the `limit` most recent, default 20), and the composite score " +
    "at the range's last bar: stance BUY/SELL/HOLD, confidence and the weighted factors behind it.",
  scope: "read",
  effect: "read",
  input: z.object({
    symbol,
    from,
    to,
    family: z.enum(["technical", "analyst", "all"]).default("all"),
    type: z.enum(["buy", "sell", "all"]).default("all"),
    interval,
    limit: z.number().int().min(1).max(100).default(20),
  }),
  output: z.object({
    symbol: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    total_signals: z.number().int(),
    signals: z.array(SignalSchema),
    score: CompositeScoreSchema,
    interval: IntervalNameSchema,
  }),
  run: async ({ symbol, interval, from, to, family, type, limit }, { api }) => {
    const r = await api.call<SignalsResponse>({
      method: "GET",
      path: `/api/symbols/${enc(symbol)}/signals`,
      query: { from, to, family, type, interval },
    });
    return {
      ...r,
      interval,
      total_signals: r.signals.length,
      signals: lastN(r.signals, limit),
    };
  },
});

/** The market-data and analysis tools. */
export const MARKET_TOOLS: readonly AnyTool[] = [
  listSymbols,
  getQuote,
  getCandles,
  getIndicators,
  findPatterns,
  getSignals,
];
