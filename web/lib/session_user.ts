/**
 * Who is signed in, for the header: a request with a session cookie is checked with core
 * (`GET /api/me`); an expired or revoked session, or core not answering, reads as signed out.
 *
 * @module
 */
import type { MeResponse } from "./api_types.ts";
import type { CoreClient } from "./core_client.ts";

/** The signed-in account as the header shows it. */
export interface SessionUser {
  /** E-mail address. */
  email: string;
  /** True for an administrator. */
  admin: boolean;
}

/** True when a `Cookie` header carries a session cookie (it may have expired). */
export function hasSessionCookie(cookie: string | undefined): boolean {
  return /(^|;\s*)(__Host-)?session=[^;]/.test(cookie ?? "");
}

/** The signed-in account of a request, or null. */
export async function sessionUser(
  core: CoreClient,
  cookie: string | undefined,
): Promise<SessionUser | null> {
  if (!hasSessionCookie(cookie)) return null;
  const me = await core.get<MeResponse>("/api/me");
  return me.ok ? { email: me.data.user.email, admin: me.data.user.role === "admin" } : null;
}
