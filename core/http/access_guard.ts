/**
 * The access check of a declared route, run before its handler: `user` routes answer 401 to
 * anonymous callers, `admin` routes also 403 to non-admins. Handlers may still read the caller
 * with `requireUser`; the declaration alone is enough to protect the route.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import type { RouteSpec } from "@trading/shared/http";
import { requireAdmin, requireUser } from "../auth/auth_context.ts";

/** The middleware enforcing `spec.access` (null for public routes). */
export function accessGuard(spec: RouteSpec<never>): MiddlewareHandler | null {
  if (spec.access === "public") return null;
  const check = spec.access === "admin" ? requireAdmin : requireUser;
  return async function accessGuardMiddleware(c, next) {
    check(c);
    await next();
  };
}
