/**
 * Wire schemas of the analyst's track record: the report of `GET /api/ai/track-record` and the
 * summary every analysis answer carries (`track_record` of `AiAnalysis`). Rates are fractions
 * (0..1), returns fractions, dates ISO days.
 *
 * @module
 */
import { z } from "zod";

/** What an interval of a difference to a baseline says. */
export const TrackVerdictSchema = z.enum([
  "edge",
  "no_measurable_edge",
  "below_baseline",
  "too_few_calls",
]);

/** The difference to one baseline with its 95 % interval (null where it does not apply). */
export const TrackEdgeSchema = z.object({
  n: z.number().int().meta({ description: "Calls compared" }),
  baseline: z.number().nullable().meta({
    description: "Baseline hit rate (buy-and-hold: mean return over the same horizons)",
  }),
  baseline_low: z.number().nullable().meta({ description: "2.5 % of the random draws' rates" }),
  baseline_high: z.number().nullable(),
  difference: z.number().nullable(),
  difference_low: z.number().nullable().meta({ description: "95 % paired bootstrap interval" }),
  difference_high: z.number().nullable(),
  verdict: TrackVerdictSchema.nullable(),
});

/** Which analyst: the rules (model `rules`) or one LLM model with one prompt version. */
export const TrackAnalystSchema = z.object({
  source: z.enum(["llm", "rules"]),
  model: z.string(),
  prompt_version: z.string(),
});

/** Hit rates of one group of calls with the four baselines. */
export const TrackGroupSchema = TrackAnalystSchema.extend({
  stance: z.enum(["BUY", "SELL", "HOLD", "BUY+SELL"]),
  symbol: z.string().nullable().meta({ description: "null: every symbol" }),
  calls: z.number().int(),
  scored: z.number().int(),
  hits: z.number().int(),
  hit_rate: z.number().nullable(),
  hit_rate_low: z.number().nullable().meta({ description: "Wilson 95 % interval" }),
  hit_rate_high: z.number().nullable(),
  avg_return: z.number().nullable(),
  period_from: z.string().nullable(),
  period_to: z.string().nullable(),
  vs_analytic: TrackEdgeSchema,
  vs_random_date: TrackEdgeSchema,
  vs_random_side: TrackEdgeSchema,
  vs_buy_hold: TrackEdgeSchema,
});

/** One row of a reliability table. */
export const CalibrationBucketSchema = z.object({
  lo: z.number(),
  hi: z.number(),
  n: z.number().int(),
  hits: z.number().int(),
  stated: z.number().nullable(),
  observed: z.number().nullable(),
  observed_low: z.number().nullable(),
  observed_high: z.number().nullable(),
  baseline: z.number().nullable(),
  calibrated: z.number().nullable().meta({ description: "Mean walk-forward calibrated value" }),
});

/** Calibration of one analyst on one kind of call. */
export const TrackCalibrationSchema = TrackAnalystSchema.extend({
  kind: z.enum(["directional", "hold"]),
  scored: z.number().int(),
  brier_stated: z.number().nullable(),
  brier_baseline: z.number().nullable().meta({ description: "Brier of the analytic baseline" }),
  oos_calls: z.number().int().meta({ description: "Calls with a walk-forward calibrated value" }),
  brier_stated_oos: z.number().nullable(),
  brier_calibrated_oos: z.number().nullable(),
  first_oos_year: z.string().nullable(),
  buckets: z.array(CalibrationBucketSchema),
});

/** Response of `GET /api/ai/track-record`. */
export const TrackRecordReportSchema = z.object({
  universe: z.array(z.string()).meta({
    description: "The default universe's symbols, the set the record is defined on: LLM calls " +
      "count on these only, and a symbol loaded on first use does not change the record",
  }),
  symbols: z.array(z.string()).meta({
    description: "The symbols of `universe` the record covers: those with enough history for " +
      "the rules analyst's walk (250 bars) or with journaled LLM calls",
  }),
  period_from: z.string().nullable().meta({ description: "Date of the first scored call" }),
  period_to: z.string().nullable().meta({ description: "Last date an outcome was decided" }),
  data_version: z.string(),
  computed_at: z.string(),
  compute_ms: z.number(),
  every_bars: z.number().int(),
  draws: z.number().int(),
  seed: z.number().int(),
  min_calls: z.number().int(),
  analysts: z.array(TrackAnalystSchema.extend({ scored: z.number().int() })),
  groups: z.array(TrackGroupSchema),
  by_symbol: z.array(TrackGroupSchema),
  calibration: z.array(TrackCalibrationSchema),
  side_by_side: z.object({ ready: z.boolean(), rows: z.array(TrackGroupSchema) }),
}).meta({ id: "TrackRecordReport" });

/** The track record. */
export type TrackRecordReport = z.infer<typeof TrackRecordReportSchema>;
/** One group of the track record. */
export type TrackGroup = z.infer<typeof TrackGroupSchema>;
/** One baseline comparison. */
export type TrackEdge = z.infer<typeof TrackEdgeSchema>;
/** One calibration. */
export type TrackCalibration = z.infer<typeof TrackCalibrationSchema>;
/** An analyst's key. */
export type TrackAnalyst = z.infer<typeof TrackAnalystSchema>;

/** The track record shown beside an answer's confidence. */
export const TrackRecordSummarySchema = TrackAnalystSchema.extend({
  stance: z.enum(["BUY", "SELL", "HOLD"]),
  own_record: z.boolean().meta({
    description:
      "false: this analyst has too few scored calls; the rules analyst's record is shown",
  }),
  own_scored_calls: z.number().int(),
  scored_calls: z.number().int(),
  hit_rate: z.number().nullable(),
  hit_rate_low: z.number().nullable(),
  hit_rate_high: z.number().nullable(),
  baseline_analytic: z.number().nullable(),
  baseline_random: z.number().nullable(),
  verdict: TrackVerdictSchema,
  period_from: z.string().nullable(),
  period_to: z.string().nullable(),
  as_of: z.string().meta({ description: "Only calls decided on or before this date count" }),
  calibrated_confidence: z.number().nullable().meta({
    description: "The stated confidence re-mapped to the measured hit rate of this analyst's " +
      "calls of this kind decided by `as_of`; null without an own record of at least " +
      "`calibration_min_calls` such calls",
  }),
  calibration_calls: z.number().int().meta({
    description: "Decided calls of this analyst and kind the calibration is fitted on",
  }),
  calibration_min_calls: z.number().int(),
  confidence_ceiling: z.number().nullable(),
}).meta({ id: "TrackRecordSummary" });

/** The summary on an answer. */
export type TrackRecordSummary = z.infer<typeof TrackRecordSummarySchema>;
