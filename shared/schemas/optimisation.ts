import { z } from "zod";
import { MetricsSchema } from "./backtest.ts";

const ParamsSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));
const CellSchema = z.object({ x: z.number(), y: z.number(), score: z.number() });

/** The robustness heat-map of a grid search over two parameters. */
export const HeatmapSchema = z.object({
  x: z.object({ param: z.string(), values: z.array(z.number()) }),
  y: z.object({ param: z.string(), values: z.array(z.number()) }),
  z: z.array(z.array(z.number().nullable())).describe("z[yi][xi]: best score of the cell"),
  smoothed: z.array(z.array(z.number().nullable())).describe("3×3 neighbourhood mean"),
  best: CellSchema.nullable(),
  robust: CellSchema.nullable().describe("best neighbourhood-averaged cell"),
}).meta({ id: "Heatmap" });

/** The robustness heat-map of a grid search over two parameters. */
export type HeatmapBody = z.infer<typeof HeatmapSchema>;

/** One out-of-sample segment of a walk-forward run. */
export const WalkForwardSegmentSchema = z.object({
  is_from: z.string(),
  is_to: z.string(),
  oos_from: z.string(),
  oos_to: z.string(),
  params: ParamsSchema.nullable().describe("chosen in-sample (null: none scored, flat)"),
  is_score: z.number().nullable(),
  oos: MetricsSchema,
}).meta({ id: "WalkForwardSegment" });

/** A walk-forward run: segments, the stitched out-of-sample equity and its metrics. */
export const WalkForwardSchema = z.object({
  segments: z.array(WalkForwardSegmentSchema),
  equity: z.array(z.object({ date: z.string(), equity: z.number() })),
  metrics: MetricsSchema,
}).meta({ id: "WalkForward" });

/** The result of a finished optimisation. */
export const OptimisationResultSchema = z.object({
  metric: z.string(),
  combinations: z.number().int(),
  skipped: z.number().int(),
  top: z.array(z.object({
    params: ParamsSchema,
    score: z.number().nullable(),
    metrics: MetricsSchema,
  })).describe("best rows first (at most 25)"),
  benchmark: MetricsSchema.describe("buy-and-hold over the same bars"),
  heatmap: HeatmapSchema.nullable(),
  walk_forward: WalkForwardSchema.nullable(),
  from: z.string(),
  to: z.string(),
}).meta({ id: "OptimisationResult" });

/** The result of a finished optimisation. */
export type OptimisationResultBody = z.infer<typeof OptimisationResultSchema>;

/** An optimisation job as polled. */
export const OptimisationJobSchema = z.object({
  id: z.string(),
  kind: z.enum(["grid", "walk_forward"]),
  status: z.enum(["running", "done", "failed"]),
  done: z.number().int(),
  total: z.number().int(),
  progress: z.number().describe("0..1"),
  error: z.string().nullable(),
  result: OptimisationResultSchema.nullable().describe("when done"),
  created_at: z.string(),
  updated_at: z.string(),
}).meta({ id: "OptimisationJob" });

/** An optimisation job as polled. */
export type OptimisationJob = z.infer<typeof OptimisationJobSchema>;
