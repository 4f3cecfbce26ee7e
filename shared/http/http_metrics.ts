import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { MetricsRegistry } from "./metrics.ts";

/** Content type of the Prometheus text format. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** The route pattern that answered (e.g. `/api/symbols/:symbol/candles`), never the raw path. */
function routeLabel(c: Context): string {
  const pattern = routePath(c);
  return !pattern || pattern.endsWith("*") ? "(unmatched)" : pattern;
}

/** The methods of HTTP (RFC 9110 and PATCH); any other is labelled `OTHER`. */
const STANDARD_METHODS = new Set([
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "CONNECT",
  "OPTIONS",
  "TRACE",
  "PATCH",
]);

/** The `method` label: a standard method as is, anything a client invented as `OTHER`. */
export function methodLabel(method: string): string {
  return STANDARD_METHODS.has(method) ? method : "OTHER";
}

/**
 * Counts requests and records their latency by method, route pattern and status in
 * `http_requests_total` and `http_request_duration_seconds`, plus `http_requests_in_flight`.
 * Labels use the route pattern and a bounded set of methods so that user input (raw paths,
 * invented methods) never creates series.
 */
export function httpMetrics(registry: MetricsRegistry): MiddlewareHandler {
  const total = registry.counter(
    "http_requests_total",
    "HTTP requests by method, route pattern and status",
    ["method", "route", "status"],
  );
  const duration = registry.histogram(
    "http_request_duration_seconds",
    "HTTP request latency by method, route pattern and status",
    ["method", "route", "status"],
  );
  const inFlight = registry.gauge("http_requests_in_flight", "Requests being served");
  return async function httpMetricsMiddleware(c, next) {
    const started = performance.now();
    inFlight.inc({}, 1);
    try {
      await next();
    } finally {
      inFlight.inc({}, -1);
      const labels = {
        method: methodLabel(c.req.method),
        route: routeLabel(c),
        status: c.res.status,
      };
      total.inc(labels);
      duration.observe(labels, (performance.now() - started) / 1000);
    }
  };
}

/** `GET /metrics` handler rendering `registry` in the Prometheus text format. */
export function metricsHandler(registry: MetricsRegistry) {
  return function metrics(c: Context): Response {
    return c.body(registry.render(), 200, { "content-type": PROMETHEUS_CONTENT_TYPE });
  };
}
