import type { MiddlewareHandler } from "hono";
import type { Logger } from "../log.ts";

/** Variables the shared middleware puts on Hono's context. */
export interface RequestVars {
  /** The request id (accepted from `x-request-id` or generated). */
  requestId: string;
}

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Accepts a well-formed `x-request-id` or generates one, returns it on the response, and writes
 * one JSON log line per request (method, path, status, ms, request id).
 */
export function requestContext(logger: Logger): MiddlewareHandler<{ Variables: RequestVars }> {
  return async function requestContextMiddleware(c, next) {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const id = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", id);
    await next();
    c.res.headers.set("x-request-id", id);
    const status = c.res.status;
    logger.log(status >= 500 ? "error" : "info", "request", {
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      request_id: id,
    });
  };
}
