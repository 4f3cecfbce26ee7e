/**
 * The chart service's own routes: `GET /` (what it is), `GET /health` (render and core checks)
 * and `GET /health/live`, declared once with `routeGroup`.
 *
 * @module
 */
import { z } from "zod";
import { routeGroup } from "@trading/shared/http";
import { ChartHealthSchema, ChartServiceInfoSchema } from "@trading/shared/schemas";
import type { ChartRouteDeps } from "./chart_route_deps.ts";
import { coreCheck, renderCheck } from "./health.ts";

/** Version reported by the chart service. */
export const CHART_VERSION = "0.2.0";

/** `/`, `/health` and `/health/live` (public). */
export const serviceRoutes = routeGroup((deps: ChartRouteDeps) => deps, [
  {
    method: "get",
    path: "/",
    summary: "What this service is: name, version, renderers",
    tag: "system",
    access: "public",
    response: ChartServiceInfoSchema,
    handler: (c) =>
      c.json({
        service: "Chart Generation Service",
        version: CHART_VERSION,
        renderers: ["svg", "png"],
        docs: "/docs",
      }),
  },
  {
    method: "get",
    path: "/health/live",
    summary: "Liveness: the process answers",
    tag: "system",
    access: "public",
    response: z.object({ status: z.literal("alive") }),
    handler: (c) => c.json({ status: "alive" }),
  },
  {
    method: "get",
    path: "/health",
    summary: "Readiness: a test render and core's liveness (503 when degraded)",
    tag: "system",
    access: "public",
    response: ChartHealthSchema,
    errors: [503],
    handler: async (c, deps) => {
      const checks = {
        render: renderCheck(),
        core: await coreCheck(deps.fetch, deps.coreUrl, { logger: deps.logger }),
      };
      const healthy = Object.values(checks).every((x) => x.ok);
      const { service } = deps;
      return c.json({
        status: healthy ? "healthy" : "degraded",
        service: "chart-service",
        version: CHART_VERSION,
        checks,
        uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
        cache: {
          entries: service.images.length,
          bytes: service.images.size,
          hits: service.images.hits,
        },
        core_circuit: deps.core.breaker.state,
        renders: { running: service.gate.running, queued: service.gate.queued },
      }, healthy ? 200 : 503);
    },
  },
]);
