/**
 * The route a request will be answered by, as the key of the route tables
 * (`"METHOD /pattern/:param"`), readable in a middleware before the handler runs.
 *
 * @module
 */
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";

/**
 * `"GET /api/ai/analyze/:symbol"` for a request to `/api/ai/analyze/AAPL`: the method (HEAD as
 * GET) and the pattern of the last matched handler. Undefined when no handler matched.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { routeKey } from "./route_key.ts";
 *
 * const app = new Hono();
 * const seen: (string | undefined)[] = [];
 * app.use(async (c, next) => {
 *   seen.push(routeKey(c));
 *   await next();
 * });
 * app.get("/api/ai/analyze/:symbol", (c) => c.json({ symbol: c.req.param("symbol") }));
 * await app.request("/api/ai/analyze/AAPL");
 * seen; // ["GET /api/ai/analyze/:symbol"]
 * ```
 */
export function routeKey(c: Context): string | undefined {
  const method = c.req.method === "HEAD" ? "GET" : c.req.method.toUpperCase();
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const r = routes[i]!;
    if (r.method === method) return `${method} ${r.path}`;
  }
  return undefined;
}
