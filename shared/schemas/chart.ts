/**
 * The chart service's wire contract: chart specs, render requests and the GET query.
 *
 * @module
 */
import { z } from "zod";
import { BarDateSchema, CandleSchema, IsoDateSchema } from "./candle.ts";
import { IntervalSchema } from "./interval.ts";
import { SymbolParamSchema } from "./market.ts";

/** Bounds every chart request is checked against (422 beyond them). */
export const CHART_LIMITS = {
  minWidth: 200,
  maxWidth: 4000,
  minHeight: 150,
  maxHeight: 3000,
  maxBars: 10_000,
  /** Output pixels (width × height × scale²) of one PNG. */
  maxPixels: 4000 * 3000,
  maxOverlays: 12,
  maxPanes: 4,
} as const;

const period = (d: number) => z.number().int().min(1).max(500).default(d);

/** An overlay drawn on the price pane. */
export const ChartOverlaySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("sma"), period: period(20) }),
  z.object({ type: z.literal("ema"), period: period(20) }),
  z.object({
    type: z.literal("bollinger"),
    period: period(20),
    k: z.number().min(0.5).max(5).default(2),
  }),
  z.object({ type: z.literal("vwap") }),
  z.object({ type: z.literal("levels") }),
  z.object({ type: z.literal("patterns") }),
  z.object({ type: z.literal("signals") }),
]).meta({ id: "ChartOverlay" });

/** One price-pane overlay. */
export type ChartOverlay = z.infer<typeof ChartOverlaySchema>;

/** A pane under the price pane. */
export const ChartPaneSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("volume") }),
  z.object({ type: z.literal("rsi"), period: period(14) }),
  z.object({
    type: z.literal("macd"),
    fast: period(12),
    slow: period(26),
    signal: period(9),
  }),
  z.object({ type: z.literal("stochastic"), k: period(14), d: period(3) }),
]).meta({ id: "ChartPane" });

/** One lower pane. */
export type ChartPane = z.infer<typeof ChartPaneSchema>;

/** Dark or light palette. */
export const ChartThemeSchema = z.enum(["dark", "light"]);
/** Language of the labels. */
export const ChartLangSchema = z.enum(["en", "zh-TW"]);
/** Language of the labels. */
export type ChartLang = z.infer<typeof ChartLangSchema>;

/** A candlestick chart: what to draw and how, without the data. */
export const ChartSpecSchema = z.object({
  symbol: SymbolParamSchema,
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  width: z.number().int().min(CHART_LIMITS.minWidth).max(CHART_LIMITS.maxWidth).default(1000),
  height: z.number().int().min(CHART_LIMITS.minHeight).max(CHART_LIMITS.maxHeight).default(600),
  theme: ChartThemeSchema.default("dark"),
  style: z.enum(["candles", "ohlc", "line"]).default("candles"),
  overlays: z.array(ChartOverlaySchema).max(CHART_LIMITS.maxOverlays).default([]),
  panes: z.array(ChartPaneSchema).max(CHART_LIMITS.maxPanes).default([{ type: "volume" }]),
  title: z.string().max(120).optional(),
  lang: ChartLangSchema.default("en"),
  up_colour: z.enum(["red", "green"]).optional().meta({
    description: "colour of a rise; default red for zh-TW labels or a Taiwan symbol, else green",
  }),
  interval: IntervalSchema,
}).refine((s) => !s.from || !s.to || s.from <= s.to, {
  message: "from must be on or before to",
  path: ["from"],
}).meta({ id: "ChartSpec" });

/** A parsed chart spec (defaults applied). */
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

/** A pattern outline as drawn: pivots by date, optional named lines and levels. */
export const ChartPatternSchema = z.object({
  kind: z.string().max(64),
  start_date: BarDateSchema,
  end_date: BarDateSchema,
  direction: z.string().max(16).optional(),
  pivots: z.array(z.object({
    index: z.number().int().optional(),
    date: BarDateSchema,
    price: z.number(),
    type: z.string().max(16).optional(),
  })).max(64).default([]),
  breakout_level: z.number().nullable().optional(),
  target: z.number().nullable().optional(),
  invalidation: z.number().nullable().optional(),
  confirmed: z.boolean().optional(),
  confidence: z.number().optional(),
  lines: z.array(z.object({
    from: z.object({
      index: z.number().int().optional(),
      date: BarDateSchema.optional(),
      price: z.number(),
    }),
    to: z.object({
      index: z.number().int().optional(),
      date: BarDateSchema.optional(),
      price: z.number(),
    }),
    label: z.string().max(40).optional(),
  })).max(16).optional(),
}).meta({ id: "ChartPattern" });

/** A pattern outline. */
export type ChartPattern = z.infer<typeof ChartPatternSchema>;

/** A horizontal support or resistance level. */
export const ChartLevelSchema = z.object({
  price: z.number(),
  kind: z.string().max(32),
  touches: z.number().int().optional(),
}).meta({ id: "ChartLevel" });

/** A horizontal level. */
export type ChartLevel = z.infer<typeof ChartLevelSchema>;

/** A buy or sell marker (from signals or backtest trades). */
export const ChartMarkerSchema = z.object({
  date: BarDateSchema,
  type: z.enum(["buy", "sell"]),
  name: z.string().max(64).optional(),
  price: z.number().optional(),
}).meta({ id: "ChartMarker" });

/** A buy or sell marker. */
export type ChartMarker = z.infer<typeof ChartMarkerSchema>;

/** PNG pixel density. */
export const ChartScaleSchema = z.coerce.number().int().min(1).max(2).default(1);

/**
 * Body of `POST /render`: a spec plus the data to draw. `series` holds indicator values aligned
 * with `candles` (null in warm-up), keyed `sma20`, `ema50`, `bb.upper|middle|lower`, `vwap`,
 * `rsi`, `macd.macd|signal|histogram`, `stoch.k|d`.
 */
export const RenderRequestSchema = z.object({
  spec: ChartSpecSchema,
  format: z.enum(["svg", "png"]).default("svg"),
  scale: ChartScaleSchema,
  candles: z.array(CandleSchema).min(1).max(CHART_LIMITS.maxBars),
  series: z.record(z.string().max(32), z.array(z.number().nullable())).default({}),
  patterns: z.array(ChartPatternSchema).max(50).default([]),
  levels: z.array(ChartLevelSchema).max(50).default([]),
  markers: z.array(ChartMarkerSchema).max(2000).default([]),
}).superRefine((r, ctx) => {
  for (const [key, values] of Object.entries(r.series)) {
    if (values.length !== r.candles.length) {
      ctx.addIssue({
        code: "custom",
        path: ["series", key],
        message: `must have one value per candle (${r.candles.length}), got ${values.length}`,
      });
    }
  }
  for (let i = 1; i < r.candles.length; i++) {
    if (r.candles[i]!.date <= r.candles[i - 1]!.date) {
      ctx.addIssue({
        code: "custom",
        path: ["candles", i, "date"],
        message: "candle dates must be strictly ascending",
      });
      break;
    }
  }
  const pixels = r.spec.width * r.spec.height * r.scale * r.scale;
  if (pixels > CHART_LIMITS.maxPixels) {
    ctx.addIssue({
      code: "custom",
      path: ["scale"],
      message: `width × height × scale² must be at most ${CHART_LIMITS.maxPixels} pixels`,
    });
  }
}).meta({ id: "RenderRequest" });

/** A parsed render request. */
export type RenderRequest = z.infer<typeof RenderRequestSchema>;

const intParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Query of `GET /charts/:symbol.(svg|png)`. */
export const ChartQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  indicators: z.string().max(200).optional().meta({
    description: "Comma list: sma20, ema50, bb, vwap, rsi, macd, stoch, volume (e.g. sma20,bb,rsi)",
  }),
  patterns: z.enum(["0", "1"]).optional(),
  signals: z.enum(["0", "1"]).optional(),
  levels: z.enum(["0", "1"]).optional(),
  volume: z.enum(["0", "1"]).optional(),
  style: z.enum(["candles", "ohlc", "line"]).optional(),
  theme: ChartThemeSchema.optional(),
  width: intParam(CHART_LIMITS.minWidth, CHART_LIMITS.maxWidth).optional(),
  height: intParam(CHART_LIMITS.minHeight, CHART_LIMITS.maxHeight).optional(),
  scale: intParam(1, 2).optional(),
  lang: ChartLangSchema.optional(),
  updown: z.enum(["red", "green"]).optional().meta({
    description:
      "colour of a rise (red: Taiwan's convention); default red for lang=zh-TW or a .TW symbol",
  }),
  title: z.string().max(120).optional(),
  interval: IntervalSchema,
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "from must be on or before to",
  path: ["from"],
});

/** Parsed chart query. */
export type ChartQuery = z.infer<typeof ChartQuerySchema>;

/** Query of `GET /charts/:symbol/sparkline.svg`. */
export const SparklineQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  width: intParam(40, 600).default(120),
  height: intParam(16, 200).default(32),
  theme: ChartThemeSchema.default("light"),
});

/** Body of `POST /render/equity`: an equity curve with an optional buy-and-hold benchmark. */
export const EquityChartRequestSchema = z.object({
  title: z.string().max(120).optional(),
  theme: ChartThemeSchema.default("dark"),
  lang: ChartLangSchema.default("en"),
  width: z.number().int().min(CHART_LIMITS.minWidth).max(CHART_LIMITS.maxWidth).default(1000),
  height: z.number().int().min(CHART_LIMITS.minHeight).max(CHART_LIMITS.maxHeight).default(500),
  format: z.enum(["svg", "png"]).default("svg"),
  scale: ChartScaleSchema,
  points: z.array(z.object({
    date: IsoDateSchema,
    equity: z.number().positive(),
    benchmark: z.number().positive().nullable().optional(),
  })).min(2).max(CHART_LIMITS.maxBars),
}).meta({ id: "EquityChartRequest" });

/** A parsed equity chart request. */
export type EquityChartRequest = z.infer<typeof EquityChartRequestSchema>;

/** Body of `POST /render/heatmap`: a metric over a grid of two parameters. */
export const HeatmapRequestSchema = z.object({
  title: z.string().max(120).optional(),
  theme: ChartThemeSchema.default("dark"),
  lang: ChartLangSchema.default("en"),
  width: z.number().int().min(CHART_LIMITS.minWidth).max(CHART_LIMITS.maxWidth).default(800),
  height: z.number().int().min(CHART_LIMITS.minHeight).max(CHART_LIMITS.maxHeight).default(600),
  format: z.enum(["svg", "png"]).default("svg"),
  scale: ChartScaleSchema,
  metric: z.string().min(1).max(40),
  x: z.object({ name: z.string().min(1).max(40), values: z.array(z.number()).min(1).max(100) }),
  y: z.object({ name: z.string().min(1).max(40), values: z.array(z.number()).min(1).max(100) }),
  z: z.array(z.array(z.number().nullable())).min(1).max(100),
}).superRefine((r, ctx) => {
  if (r.z.length !== r.y.values.length) {
    ctx.addIssue({ code: "custom", path: ["z"], message: "must have one row per y value" });
  }
  r.z.forEach((row, i) => {
    if (row.length !== r.x.values.length) {
      ctx.addIssue({ code: "custom", path: ["z", i], message: "must have one value per x value" });
    }
  });
}).meta({ id: "HeatmapRequest" });

/** A parsed heat-map request. */
export type HeatmapRequest = z.infer<typeof HeatmapRequestSchema>;
