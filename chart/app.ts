import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { ChartConfig } from "@trading/shared/config";
import {
  buildOpenApi,
  DOCS_CSP,
  errorHandler,
  notFoundHandler,
  renderDocsPage,
  requestContext,
  type RequestVars,
  securityHeaders,
  themedDocsPage,
} from "@trading/shared/http";
import { compression, httpMetrics, metricsHandler, MetricsRegistry } from "@trading/shared/http";
import type { Logger } from "@trading/shared/log";
import type { ChartRouteDeps } from "./http/chart_route_deps.ts";
import { ChartService } from "./http/chart_service.ts";
import { CoreClient, type CoreClientOptions } from "./http/core_client.ts";
import { ipRateLimit, type IpRateLimitOptions } from "./http/ip_rate_limit.ts";
import { RenderBusyError, RenderGate } from "./http/render_gate.ts";
import { CHART_ROUTE_DOCS, CHART_ROUTE_GROUPS } from "./http/routes.ts";
import { CHART_VERSION } from "./http/service_routes.ts";
import { loadFonts } from "./render/fonts.ts";
import type { Rasterise } from "./render/png.ts";

/**
 * CSP of every non-HTML answer (SVG, PNG, JSON): an SVG opened on its own is a document, so it
 * may run nothing and load nothing but its inline styles and data: images.
 */
export const CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export { CHART_VERSION };

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
  /** Core client tuning (timeout, retries, backoff, breaker); defaults suit production. */
  core?: Omit<CoreClientOptions, "baseUrl" | "fetch">;
  /** Image cache bound in bytes (default 64 MiB). */
  cacheBytes?: number;
  /** How long core's answers are reused, in ms (default 30 000). */
  dataTtlMs?: number;
  /** Render slots and queue (default 2 at once, 8 waiting, then 503 with Retry-After 2 s). */
  renderGate?: RenderGate;
  /** SVG text → PNG bytes (default resvg off the JavaScript thread; injectable for tests). */
  rasterise?: Rasterise;
  /** Per-client-IP limit of the renders /charts/* and /render* cause (default 60, then 1/s). */
  rateLimit?: IpRateLimitOptions;
  /** Test apps only: check JSON answers against their declared schemas (500 on a mismatch). */
  checkResponses?: boolean;
}

/** Builds the chart service app (parses the fonts once, here, not per request). */
export function createChartApp(deps: ChartDeps) {
  loadFonts();
  const core = new CoreClient({
    baseUrl: deps.config.CORE_SERVICE_URL,
    fetch: deps.fetch,
    logger: deps.logger,
    ...deps.core,
  });
  const service = new ChartService({
    core,
    logger: deps.logger,
    ...(deps.cacheBytes ? { cacheBytes: deps.cacheBytes } : {}),
    ...(deps.dataTtlMs !== undefined ? { dataTtlMs: deps.dataTtlMs } : {}),
    gate: deps.renderGate ?? new RenderGate(),
    ...(deps.rasterise ? { rasterise: deps.rasterise } : {}),
  });
  const openapi = buildOpenApi({
    title: "AI Trading System — chart service",
    version: CHART_VERSION,
    description: "Server-rendered charts: Observable Plot → SVG → resvg → PNG.",
  }, CHART_ROUTE_DOCS);
  const docsHtml = renderDocsPage(openapi);
  const routeDeps: ChartRouteDeps = {
    service,
    core,
    fetch: deps.fetch,
    coreUrl: deps.config.CORE_SERVICE_URL,
    logger: deps.logger,
    startedAt: deps.startedAt,
    ...(deps.checkResponses ? { checkResponses: true } : {}),
  };
  const metrics = new MetricsRegistry({ service: "chart" });
  const limit = ipRateLimit(deps.rateLimit);
  const app = new Hono<{ Variables: RequestVars }>()
    .use(requestContext(deps.logger))
    .use(compression())
    .use(securityHeaders({
      production: deps.config.ENVIRONMENT === "production",
      htmlCsp: DOCS_CSP,
      otherCsp: CHART_CSP,
    }))
    .use(httpMetrics(metrics))
    .get("/metrics", metricsHandler(metrics))
    .get("/openapi.json", (c) => c.json(openapi))
    .get("/docs", (c) => {
      c.header("vary", "cookie");
      return c.html(themedDocsPage(docsHtml, getCookie(c, "theme")));
    })
    .use("/charts/*", limit)
    .use("/render/*", limit); // Hono's "/render/*" also matches "/render" itself
  for (const group of CHART_ROUTE_GROUPS) group.mount(app, routeDeps);
  const onError = errorHandler(deps.logger);
  app.onError((err, c) => {
    if (err instanceof RenderBusyError) c.header("Retry-After", String(err.retryAfterS));
    return onError(err, c);
  });
  app.notFound(notFoundHandler);
  return app;
}

/** Type of the chart app. */
export type ChartApp = ReturnType<typeof createChartApp>;
