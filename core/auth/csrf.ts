/**
 * Cross-site request forgery protection for browser (cookie) requests, by checking where the
 * request comes from rather than with a token: the algorithm of Go 1.25's
 * `http.CrossOriginProtection`.
 *
 * For an unsafe method (anything but GET, HEAD, OPTIONS) that does not carry an
 * `Authorization: Bearer` token:
 * 1. `Sec-Fetch-Site: same-origin` or `none` → allowed; any other value (`cross-site`,
 *    `same-site`) → 403. Every current browser sends this header.
 * 2. Without `Sec-Fetch-Site`: no `Origin` either → allowed (not a browser, so no ambient
 *    cookie to abuse); an `Origin` whose host equals the request's host (`X-Forwarded-Host`
 *    when a proxy set it, else `Host`) → allowed; otherwise 403.
 *
 * Bearer requests are exempt: a browser never attaches that header on its own. The session
 * cookie is also `SameSite=Lax`, a second layer for older browsers.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `c` is a cross-origin browser request that must not change state. */
export function isCrossOriginWrite(c: Context): boolean {
  if (SAFE.has(c.req.method)) return false;
  if (/^Bearer\s/i.test(c.req.header("authorization") ?? "")) return false;
  const site = c.req.header("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = c.req.header("origin");
  if (!origin) return false;
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim() || c.req.header("host") ||
    new URL(c.req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Middleware answering 403 to cross-origin state-changing browser requests. */
export function crossOriginGuard(): MiddlewareHandler {
  return async function crossOriginGuardMiddleware(c, next) {
    if (isCrossOriginWrite(c)) {
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
