/**
 * The authentication middleware: identifies the caller from `Authorization: Bearer tsk_…` (an
 * API token) or the session cookie and sets the context variable `user` (null when anonymous).
 * A Bearer header that is not a live token is a 401, never a silent fall-back to anonymous.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { UnauthorizedError } from "@trading/shared/errors";
import type { AuthVars } from "./auth_context.ts";
import { apiTokenUser } from "./api_tokens.ts";
import { type AuthDeps, clockOf } from "./auth_deps.ts";
import { readSessionCookie } from "./cookies.ts";
import type { AuthRuntime } from "./rate_limit.ts";
import { purgeExpiredSessions, sessionUser } from "./sessions.ts";
import { toAuthUser } from "./users.ts";

/** Dead sessions are deleted at most this often (ms) per instance. */
const PURGE_EVERY_MS = 10 * 60_000;

/** Sets `user` (and the runtime the rate limiter reads) on every request. */
export function authenticate(
  deps: AuthDeps,
): MiddlewareHandler<{ Variables: AuthVars & { authRuntime: AuthRuntime } }> {
  const now = clockOf(deps);
  const production = deps.config.ENVIRONMENT === "production";
  const runtime: AuthRuntime = { db: deps.db, now, proxyHops: deps.config.TRUST_PROXY_HOPS };
  let lastPurge = 0;
  let warnedHops = runtime.proxyHops > 0;
  return async function authenticateMiddleware(c, next) {
    if (!warnedHops && c.req.header("x-forwarded-for") !== undefined) {
      warnedHops = true;
      deps.logger.warn(
        "requests carry X-Forwarded-For but TRUST_PROXY_HOPS=0: rate limits see the proxy's " +
          "address for every client; behind web set TRUST_PROXY_HOPS=1 (2 with a platform proxy " +
          "in front of web)",
      );
    }
    if (now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now();
      // Housekeeping runs beside the request: its failure (database down) must not fail
      // requests that do not need the database, such as /health reporting the outage.
      purgeExpiredSessions(deps.db, { now: lastPurge, idleS: deps.config.SESSION_IDLE_TIMEOUT_S })
        .catch((e) => deps.logger.warn("session purge failed", { error: (e as Error).message }));
    }
    c.set("authRuntime", runtime);
    // An app mounting core may have identified the caller already (tests do); keep it.
    if (c.get("user")) return await next();
    c.set("user", null);
    const header = c.req.header("authorization");
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const found = m ? await apiTokenUser(deps.db, m[1]!, { now: now() }) : null;
      if (!found) {
        c.header("WWW-Authenticate", 'Bearer error="invalid_token"');
        throw new UnauthorizedError("Invalid or revoked API token");
      }
      c.set("user", { ...toAuthUser(found.user), token: found.grant });
    } else {
      const token = readSessionCookie(c, production);
      if (token) {
        const found = await sessionUser(deps.db, token, {
          now: now(),
          idleS: deps.config.SESSION_IDLE_TIMEOUT_S,
        });
        if (found) c.set("user", toAuthUser(found.user));
      }
    }
    await next();
  };
}
