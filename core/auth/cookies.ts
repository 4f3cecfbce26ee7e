/**
 * The cookies of the account code: the session cookie (`HttpOnly`, `SameSite=Lax`, `Secure` and
 * `__Host-` prefixed in production) and the short-lived OpenID Connect state cookie.
 *
 * @module
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** Name of the session cookie. */
export function sessionCookieName(production: boolean): string {
  return production ? "__Host-session" : "session";
}

/** Name of the cookie binding a Google sign-in to the browser that started it. */
export function stateCookieName(production: boolean): string {
  return production ? "__Host-oidc_state" : "oidc_state";
}

function attrs(production: boolean, maxAgeS: number) {
  return {
    path: "/",
    httpOnly: true,
    secure: production,
    sameSite: "Lax" as const,
    maxAge: maxAgeS,
  };
}

/** The raw session token sent by the browser, if any. */
export function readSessionCookie(c: Context, production: boolean): string | undefined {
  return getCookie(c, sessionCookieName(production));
}

/** Sets the session cookie for `maxAgeS` seconds. */
export function writeSessionCookie(
  c: Context,
  token: string,
  { production, maxAgeS }: { production: boolean; maxAgeS: number },
): void {
  setCookie(c, sessionCookieName(production), token, attrs(production, maxAgeS));
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, production: boolean): void {
  deleteCookie(c, sessionCookieName(production), attrs(production, 0));
}

/** Reads the OIDC state cookie. */
export function readStateCookie(c: Context, production: boolean): string | undefined {
  return getCookie(c, stateCookieName(production));
}

/** Sets the OIDC state cookie for `maxAgeS` seconds. */
export function writeStateCookie(
  c: Context,
  state: string,
  { production, maxAgeS }: { production: boolean; maxAgeS: number },
): void {
  setCookie(c, stateCookieName(production), state, attrs(production, maxAgeS));
}

/** Removes the OIDC state cookie. */
export function clearStateCookie(c: Context, production: boolean): void {
  deleteCookie(c, stateCookieName(production), attrs(production, 0));
}
