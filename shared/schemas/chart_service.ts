/**
 * The chart service's own answers: what it is (`GET /`) and how it is (`GET /health`).
 *
 * @module
 */
import { z } from "zod";
import { HealthSchema } from "./market.ts";

/** `GET /` of the chart service. */
export const ChartServiceInfoSchema = z.object({
  service: z.literal("Chart Generation Service"),
  version: z.string(),
  renderers: z.array(z.enum(["svg", "png"])),
  docs: z.string(),
}).meta({ id: "ChartServiceInfo" });

/** `GET /` of the chart service. */
export type ChartServiceInfo = z.infer<typeof ChartServiceInfoSchema>;

/**
 * `GET /health` of the chart service: the render and core checks, the image cache, core's
 * circuit breaker and the render slots.
 *
 * @example
 * ```ts
 * import { ChartHealthSchema } from "./chart_service.ts";
 * const ok = ChartHealthSchema.safeParse({
 *   status: "healthy", service: "chart-service", version: "0.2.0", uptime_s: 1,
 *   checks: { render: { ok: true, detail: "rendered" } },
 *   cache: { entries: 0, bytes: 0, hits: 0 }, core_circuit: "closed",
 *   renders: { running: 0, queued: 0 },
 * }).success; // true
 * ```
 */
export const ChartHealthSchema = HealthSchema.extend({
  cache: z.object({ entries: z.number(), bytes: z.number(), hits: z.number() }),
  core_circuit: z.enum(["closed", "open", "half-open"]),
  renders: z.object({ running: z.number(), queued: z.number() }),
}).meta({ id: "ChartHealth" });

/** `GET /health` of the chart service. */
export type ChartHealth = z.infer<typeof ChartHealthSchema>;
