/**
 * What chart reads from core's analysis endpoints, validated leniently at the edge (unknown
 * fields pass; a malformed answer degrades to "overlay unavailable" rather than a 500).
 *
 * @module
 */
import { z } from "zod";
import { CandleSchema, ChartLevelSchema, ChartPatternSchema } from "@trading/shared/schemas";

const num = z.number().nullable();

/** `GET /api/symbols/:s/candles`: chart needs only the bars (other fields may come and go). */
export const CandlesWireSchema = z.object({ candles: z.array(CandleSchema) });

/** `GET /api/symbols/:s/indicators` as chart uses it. */
export const IndicatorsWireSchema = z.object({
  dates: z.array(z.string()),
  series: z.record(z.string(), z.array(num)),
  indicators: z.array(z.object({
    name: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
    outputs: z.array(z.string()),
  })).optional(),
});

/** Parsed indicators answer. */
export type IndicatorsWire = z.infer<typeof IndicatorsWireSchema>;

/** `GET /api/symbols/:s/patterns` as chart uses it. */
export const PatternsWireSchema = z.object({
  patterns: z.array(ChartPatternSchema.loose()).default([]),
  levels: z.array(ChartLevelSchema.loose()).default([]),
});

/** `GET /api/symbols/:s/signals` as chart uses it. */
export const SignalsWireSchema = z.object({
  signals: z.array(
    z.object({
      date: z.string(),
      type: z.enum(["buy", "sell"]),
      name: z.string().optional(),
    }).loose(),
  ),
});
