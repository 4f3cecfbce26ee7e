import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, QuotaExceededError, UpstreamError, ValidationError } from "../errors.ts";
import type { Logger } from "../log.ts";

/** HTTP status of each domain error code. */
const STATUS: Record<string, ContentfulStatusCode> = {
  not_found: 404,
  validation_error: 422,
  unauthorized: 401,
  forbidden: 403,
  quota_exceeded: 429,
  upstream_error: 502,
  upstream_timeout: 504,
  unavailable: 503,
  conflict: 409,
  bad_request: 400,
  rule_invalid: 422,
  rule_timeout: 503,
};

function body(c: Context, code: string, message: string, details?: unknown) {
  const requestId = c.get("requestId") as string | undefined;
  return {
    error: {
      code,
      message,
      ...(details === undefined ? {} : { details }),
      ...(requestId ? { request_id: requestId } : {}),
    },
  };
}

/**
 * The one error handler: domain errors map to their status, Hono's own exceptions keep theirs,
 * anything else is a 500 whose body carries no stack or message (it is logged instead).
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return function onError(err, c) {
    if (err instanceof DomainError) {
      const status = STATUS[err.code] ?? 400;
      if (err instanceof QuotaExceededError && err.retryAfter !== undefined) {
        c.header("Retry-After", String(Math.ceil(err.retryAfter)));
      }
      if (status >= 500 && !(err instanceof UpstreamError)) {
        logger.error("request failed", {
          code: err.code,
          message: err.message,
          ...(err.cause === undefined ? {} : { cause: String(err.cause) }),
        });
      }
      const details = err instanceof ValidationError ? err.issues : err.details;
      return c.json(body(c, err.code, err.message, details), status);
    }
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 413
        ? "payload_too_large"
        : status === 401
        ? "unauthorized"
        : "bad_request";
      return c.json(body(c, code, err.message || "Bad request"), status);
    }
    logger.error("unhandled error", {
      request_id: c.get("requestId"),
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    return c.json(body(c, "internal_error", "Internal server error"), 500);
  };
}

/** JSON 404 for unknown routes. */
export const notFoundHandler: NotFoundHandler = (c) =>
  c.json(body(c, "not_found", `No route for ${c.req.method} ${c.req.path}`), 404);
