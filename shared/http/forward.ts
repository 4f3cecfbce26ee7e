import type { Context } from "hono";

/** Header carrying the request id across services. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Headers for a call to another service made while serving `c`: `init` plus this request's
 * `x-request-id`, so core, chart and web log the same id for one user action.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { forwardHeaders } from "./forward.ts";
 *
 * const core = "http://127.0.0.1:8002";
 * const app = new Hono();
 * app.get("/candles", async (c) => {
 *   const res = await fetch(`${core}/api/symbols/AAPL/candles`, { headers: forwardHeaders(c) });
 *   return c.json(await res.json(), 200);
 * });
 * ```
 */
export function forwardHeaders(c: Context, init?: HeadersInit): Headers {
  const h = new Headers(init);
  const id = c.get("requestId") as string | undefined;
  if (id) h.set(REQUEST_ID_HEADER, id);
  return h;
}

/**
 * Wraps `fetchFn` so every call carries `requestId` (unless the caller set one), for clients
 * built per request (e.g. chart's core client).
 */
export function tracedFetch(fetchFn: typeof fetch, requestId: string): typeof fetch {
  return function traced(input: RequestInfo | URL, init?: RequestInit) {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}));
    if (!headers.has(REQUEST_ID_HEADER)) headers.set(REQUEST_ID_HEADER, requestId);
    return fetchFn(input, { ...init, headers });
  };
}
