import { Hono } from "hono";
import type { ChartConfig } from "@trading/shared/config";
import {
  errorHandler,
  notFoundHandler,
  requestContext,
  type RequestVars,
} from "@trading/shared/http";
import type { Logger } from "@trading/shared/log";

/** Version reported by the chart service. */
export const CHART_VERSION = "0.1.0";

/** Dependencies of the chart app. */
export interface ChartDeps {
  /** Parsed configuration. */
  config: ChartConfig;
  /** Structured logger. */
  logger: Logger;
  /** HTTP client used to reach core (injectable for tests). */
  fetch: typeof fetch;
  /** Start time (ms) for uptime. */
  startedAt: number;
}

/** Builds the chart service app. */
export function createChartApp(deps: ChartDeps) {
  const app = new Hono<{ Variables: RequestVars }>()
    .use(requestContext(deps.logger))
    .get(
      "/",
      (c) =>
        c.json({
          service: "Chart Generation Service",
          version: CHART_VERSION,
          renderers: [] as string[],
        }),
    )
    .get("/health", async (c) => {
      const checks: Record<string, { ok: boolean; detail: string }> = {};
      try {
        const r = await deps.fetch(`${deps.config.CORE_SERVICE_URL}/health/live`, {
          signal: AbortSignal.timeout(2000),
        });
        await r.body?.cancel();
        checks.core = { ok: r.ok, detail: `core answered ${r.status}` };
      } catch (e) {
        checks.core = { ok: false, detail: `core unreachable: ${(e as Error).message}` };
      }
      const healthy = Object.values(checks).every((x) => x.ok);
      return c.json({
        status: healthy ? "healthy" : "degraded",
        service: "chart-service",
        version: CHART_VERSION,
        checks,
        uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
      }, healthy ? 200 : 503);
    });
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}
