import { z } from "zod";
import { IsoDateSchema } from "./candle.ts";
import { IntervalNameSchema, IntervalSchema } from "./interval.ts";

/** Chart-pattern kinds (core/patterns detects exactly these). */
export const CHART_PATTERN_KIND_NAMES = [
  "head_and_shoulders",
  "inverse_head_and_shoulders",
  "double_top",
  "double_bottom",
  "ascending_triangle",
  "descending_triangle",
  "symmetric_triangle",
  "bull_flag",
  "bear_flag",
  "pennant",
  "rising_wedge",
  "falling_wedge",
  "channel_up",
  "channel_down",
  "cup_and_handle",
] as const;

/** Candlestick-pattern kinds (core/patterns detects exactly these). */
export const CANDLE_KIND_NAMES = [
  "doji",
  "hammer",
  "hanging_man",
  "bullish_engulfing",
  "bearish_engulfing",
  "bullish_harami",
  "bearish_harami",
  "morning_star",
  "evening_star",
  "three_white_soldiers",
  "three_black_crows",
  "inverted_hammer",
  "shooting_star",
  "piercing_line",
  "dark_cloud_cover",
  "marubozu_white",
  "marubozu_black",
  "three_inside_up",
  "three_inside_down",
  "tweezer_top",
  "tweezer_bottom",
] as const;

/** A chart-pattern kind. */
export const ChartPatternKindSchema = z.enum(CHART_PATTERN_KIND_NAMES);
/** A candlestick-pattern kind. */
export const CandleKindSchema = z.enum(CANDLE_KIND_NAMES);
/** Bullish, bearish or neutral. */
export const PatternDirectionSchema = z.enum(["bullish", "bearish", "neutral"]);

/** A zig-zag swing point. */
export const PivotSchema = z.object({
  index: z.number().int(),
  date: z.string(),
  price: z.number(),
  type: z.enum(["high", "low"]),
}).meta({ id: "Pivot" });

/** A support or resistance level. */
export const LevelSchema = z.object({
  price: z.number(),
  kind: z.enum(["support", "resistance"]),
  touches: z.number().int(),
  first_index: z.number().int(),
  last_index: z.number().int(),
  first_date: z.string(),
  last_date: z.string(),
  strength: z.number().meta({ description: "0..1: more touches and more recent is stronger" }),
}).meta({ id: "Level" });

const PointSchema = z.object({ index: z.number().int(), price: z.number() });

/** A detected chart pattern. */
export const PatternMatchSchema = z.object({
  kind: ChartPatternKindSchema,
  start_index: z.number().int(),
  end_index: z.number().int(),
  start_date: z.string(),
  end_date: z.string(),
  pivots: z.array(PivotSchema),
  direction: PatternDirectionSchema,
  breakout_level: z.number(),
  target: z.number().nullable().meta({ description: "measured-move target" }),
  invalidation: z.number(),
  confirmed: z.boolean().meta({
    description: "a close beyond breakout_level happened by end_index",
  }),
  confidence: z.number().min(0).max(1),
  criteria: z.array(z.string()).meta({ description: "English sentences (from criteria_codes)" }),
  criteria_codes: z.array(z.object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.number(), z.string()])),
  })).meta({ description: "the criteria as templates with parameters; clients translate them" }),
  lines: z.array(z.object({ from: PointSchema, to: PointSchema, label: z.string() })).optional(),
}).meta({ id: "PatternMatch" });

/** A detected chart pattern as sent on the wire. */
export type PatternMatchWire = z.infer<typeof PatternMatchSchema>;

/** A detected candlestick pattern. */
export const CandleMatchSchema = z.object({
  kind: CandleKindSchema,
  index: z.number().int(),
  date: z.string(),
  direction: PatternDirectionSchema,
  confidence: z.number().min(0).max(1),
  trend: z.enum(["up", "down", "none"]),
}).meta({ id: "CandleMatch" });

const ALL_KINDS: ReadonlySet<string> = new Set([...CHART_PATTERN_KIND_NAMES, ...CANDLE_KIND_NAMES]);

/** Query of `GET /api/symbols/:symbol/patterns`. */
export const PatternsQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  kinds: z.string().superRefine((s, ctx) => {
    for (const k of s.split(",")) {
      if (!ALL_KINDS.has(k.trim())) {
        ctx.addIssue({
          code: "custom",
          message: `unknown pattern kind "${k}"; expected any of ${[...ALL_KINDS].join(", ")}`,
        });
      }
    }
  }).transform((s) => s.split(",").map((k) => k.trim())).optional().meta({
    description: "comma-separated chart and/or candlestick kinds (default all)",
  }),
  candles: z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true")
    .optional().meta({
      description: "1 to include candlestick patterns (implied when kinds names one)",
    }),
  min_confidence: z.coerce.number().min(0).max(1).optional().meta({
    description: "least confidence 0..1 (default 0)",
  }),
  interval: IntervalSchema,
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "from must be on or before to",
  path: ["from"],
});

/** Parsed patterns query. */
export type PatternsQuery = z.infer<typeof PatternsQuerySchema>;

/** Response of `GET /api/symbols/:symbol/patterns`. */
export const PatternsResponseSchema = z.object({
  symbol: z.string(),
  from: z.string().nullable().meta({ description: "first bar of the range (null when empty)" }),
  to: z.string().nullable().meta({ description: "last bar of the range (null when empty)" }),
  patterns: z.array(PatternMatchSchema),
  candlesticks: z.array(CandleMatchSchema),
  levels: z.array(LevelSchema),
  interval: IntervalNameSchema.optional().meta({ description: "bar interval scanned" }),
}).meta({ id: "PatternsResponse" });

/** Response of the patterns endpoint. */
export type PatternsResponse = z.infer<typeof PatternsResponseSchema>;
