/**
 * The caller as routes and services see it ({@link AuthUser}), set on the request by the
 * `authenticate` middleware of this folder, and the helpers that require one (401/403).
 *
 * @module
 */
import type { Context } from "hono";
import { DomainError, UnauthorizedError } from "@trading/shared/errors";
import type { ApiScope } from "@trading/shared/schemas";

/** The signed-in user as routes see it. */
export interface AuthUser {
  /** Stable user id. */
  id: string;
  /** E-mail address. */
  email: string;
  /** `user` or `admin`. */
  role: "user" | "admin";
  /** `free` or `premium`. */
  plan: "free" | "premium";
  /** Set when the caller signed in with an API token: the token's id and scopes. */
  token?: { id: string; scopes: readonly ApiScope[] };
}

/** Context variables set by the authentication middleware (core/auth). */
export interface AuthVars {
  /** The caller, or null when anonymous. */
  user: AuthUser | null;
}

/** The signed-in user; throws 401 when the request is anonymous. */
export function requireUser(c: Context): AuthUser {
  const user = c.get("user") as AuthUser | null | undefined;
  if (!user) throw new UnauthorizedError();
  return user;
}

/** The caller when signed in, else null. */
export function optionalUser(c: Context): AuthUser | null {
  return (c.get("user") as AuthUser | null | undefined) ?? null;
}

/** The signed-in admin; throws 401 when anonymous and 403 when the caller is not an admin. */
export function requireAdmin(c: Context): AuthUser {
  const user = requireUser(c);
  if (user.role !== "admin") throw new DomainError("forbidden", "Admin role required");
  return user;
}
