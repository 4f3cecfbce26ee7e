/**
 * Cross-site request forgery protection for browser (cookie) requests, by checking where the
 * request comes from rather than with a token: the algorithm of Go 1.25's
 * `http.CrossOriginProtection`.
 *
 * For an unsafe method (anything but GET, HEAD, OPTIONS), and for the GET routes that change
 * state (they spend quota or credits: `STATE_CHANGING_GETS`), when the request does not carry an
 * `Authorization: Bearer` token:
 * 1. `Sec-Fetch-Site: same-origin` or `none` → allowed; any other value (`cross-site`,
 *    `same-site`) → 403. Every current browser sends this header.
 * 2. Without `Sec-Fetch-Site`: no `Origin` either → allowed (not a browser, so no ambient
 *    cookie to abuse); an `Origin` whose host equals the request's host → allowed; otherwise
 *    403. The request's host is `Host`; `X-Forwarded-Host` only when proxy hops are trusted
 *    (anyone can send that header to a service reached directly).
 *
 * Bearer requests are exempt: a browser never attaches that header on its own. The session
 * cookie is also `SameSite=Lax`, a second layer for older browsers (it does not stop top-level
 * GET navigations, hence the guarded GETs).
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import { routeKey } from "@trading/shared/http";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Options of the cross-origin check. */
export interface CrossOriginOptions {
  /** Trust `X-Forwarded-Host` (only when a trusted proxy sets it). Default false. */
  trustForwardedHost?: boolean;
  /** Route keys (`"GET /path/:param"`) of safe-method routes that still change state. */
  guardedGets?: readonly string[];
}

/** Whether `c` is a cross-origin browser request that must not change state. */
export function isCrossOriginWrite(
  c: Context,
  { trustForwardedHost = false, guardedGets = [] }: CrossOriginOptions = {},
): boolean {
  if (SAFE.has(c.req.method)) {
    const key = guardedGets.length ? routeKey(c) : undefined;
    if (key === undefined || !guardedGets.includes(key)) return false;
  }
  if (/^Bearer\s/i.test(c.req.header("authorization") ?? "")) return false;
  const site = c.req.header("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = c.req.header("origin");
  if (!origin) return false;
  const forwarded = trustForwardedHost
    ? c.req.header("x-forwarded-host")?.split(",")[0]?.trim()
    : undefined;
  const host = forwarded || c.req.header("host") || new URL(c.req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Middleware answering 403 to cross-origin state-changing browser requests. */
export function crossOriginGuard(options: CrossOriginOptions = {}): MiddlewareHandler {
  return async function crossOriginGuardMiddleware(c, next) {
    if (isCrossOriginWrite(c, options)) {
      const requestId = c.get("requestId") as string | undefined;
      return c.json({
        error: {
          code: "forbidden",
          message: "Cross-origin request refused",
          ...(requestId ? { request_id: requestId } : {}),
        },
      }, 403);
    }
    await next();
  };
}
