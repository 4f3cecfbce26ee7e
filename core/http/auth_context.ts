import type { Context } from "hono";
import { UnauthorizedError } from "@trading/shared/errors";

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
