/**
 * What every successful sign-in does (password, registration, Google, password change): a new
 * session, its cookie, and the `{user, quota}` answer.
 *
 * @module
 */
import type { Context } from "hono";
import type { QuotaStatus } from "@trading/shared/schemas";
import type { AuthUser } from "./auth_context.ts";
import { type AuthDeps, clockOf } from "./auth_deps.ts";
import { writeSessionCookie } from "./cookies.ts";
import { quotaStatus } from "./quota.ts";
import { createSession } from "./sessions.ts";
import { toAuthUser, type UserRow } from "./users.ts";

/** Creates a session for `user` and sets its cookie on the response. */
export async function startSession(c: Context, deps: AuthDeps, user: UserRow): Promise<void> {
  const maxAgeS = deps.config.SESSION_MAX_AGE_S;
  const { token } = await createSession(deps.db, user.id, { now: clockOf(deps)(), maxAgeS });
  writeSessionCookie(c, token, { production: deps.config.ENVIRONMENT === "production", maxAgeS });
}

/** The `{user, quota}` body of sign-in answers and `GET /api/me`. */
export async function meBody(
  deps: AuthDeps,
  user: AuthUser | UserRow,
): Promise<{ user: AuthUser; quota: QuotaStatus }> {
  const u = "password_hash" in user ? toAuthUser(user) : user;
  // the wire's user: an API token's id and scopes (on `AuthUser`) are not sent back
  const wire = { id: u.id, email: u.email, role: u.role, plan: u.plan };
  return { user: wire, quota: await quotaStatus(deps.db, u.id, { now: clockOf(deps)() }) };
}
