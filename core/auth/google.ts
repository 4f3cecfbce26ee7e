/**
 * Google sign-in: the OpenID Connect authorization-code flow with PKCE (S256), `state` and
 * `nonce`, through `npm:openid-client` v6. The issuer is configurable (`GOOGLE_ISSUER`), so tests
 * run the same code against a real OpenID provider on 127.0.0.1.
 *
 * - `begin()` makes a random state, nonce and code verifier, stores them (state hashed) in the
 *   database for 10 minutes — any instance can finish the flow — and returns the provider URL.
 * - `finish()` consumes the stored state exactly once (it must also equal the browser's state
 *   cookie), then lets openid-client exchange the code at the exact `OAUTH_REDIRECT_URL` and
 *   validate the ID token: issuer, audience, expiry, nonce and signature against the issuer's
 *   JWKS (`enableNonRepudiationChecks`).
 *
 * @module
 */
import * as oidc from "openid-client";
import { UnauthorizedError, UnavailableError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import { type AuthDeps, clockOf } from "./auth_deps.ts";
import { safeEqual, sha256Hex } from "./crypto.ts";

/** How long a started sign-in may take (seconds). */
export const LOGIN_TTL_S = 600;

/** The identity a successful sign-in proves. */
export interface GoogleIdentity {
  /** Stable subject identifier at the issuer. */
  sub: string;
  /** E-mail claim, if granted. */
  email: string | null;
  /** Whether the issuer verified the e-mail. */
  emailVerified: boolean;
}

const BASE = "http://local.invalid";

/**
 * A path on this site, safe to redirect to, else `/`: one leading `/` (not `//`), no whitespace,
 * no control character (NUL and DEL included) and no backslash, resolving on this origin;
 * returned percent-encoded, so it is always a valid `Location` header.
 */
export function safeReturnPath(p: string | undefined): string {
  // deno-lint-ignore no-control-regex
  if (!p || p.length > 512 || !/^\/(?![/\\])[^\s\\\x00-\x1f\x7f]*$/.test(p)) return "/";
  try {
    const url = new URL(p, BASE);
    const path = url.pathname + url.search + url.hash; // percent-encoded: a valid Location
    return url.origin === BASE && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}

const isLoopbackHttp = (u: string) =>
  /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u);

/** The Google sign-in of one core app (discovery and JWKS cached in memory). */
export class GoogleSignIn {
  readonly #deps: AuthDeps;
  readonly #now: () => number;
  #server: Promise<oidc.ServerMetadata> | null = null;
  #jwks: ReturnType<typeof oidc.getJwksCache>;

  /** @param deps database, config (GOOGLE_*), logger and clock */
  constructor(deps: AuthDeps) {
    this.#deps = deps;
    this.#now = clockOf(deps);
  }

  /** Whether client id, secret and redirect URL are all configured. */
  get enabled(): boolean {
    const c = this.#deps.config;
    return Boolean(c.GOOGLE_CLIENT_ID && c.GOOGLE_CLIENT_SECRET && c.OAUTH_REDIRECT_URL);
  }

  async #configuration(): Promise<oidc.Configuration> {
    const c = this.#deps.config;
    const insecure = isLoopbackHttp(c.GOOGLE_ISSUER) && c.ENVIRONMENT !== "production";
    this.#server ??= oidc.discovery(
      new URL(c.GOOGLE_ISSUER),
      c.GOOGLE_CLIENT_ID!,
      undefined,
      undefined,
      { ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}), timeout: 10 },
    ).then((cfg) => cfg.serverMetadata());
    let server: oidc.ServerMetadata;
    try {
      server = await this.#server;
    } catch (e) {
      this.#server = null;
      this.#deps.logger.warn("oidc discovery failed", { error: String(e) });
      throw new UnavailableError("Google sign-in is unavailable: the provider cannot be reached");
    }
    const skewS = Math.round((this.#now() - Date.now()) / 1000);
    const config = new oidc.Configuration(
      server,
      c.GOOGLE_CLIENT_ID!,
      { client_secret: c.GOOGLE_CLIENT_SECRET!, ...(skewS ? { [oidc.clockSkew]: skewS } : {}) },
      oidc.ClientSecretPost(c.GOOGLE_CLIENT_SECRET!),
    );
    if (insecure) oidc.allowInsecureRequests(config);
    oidc.enableNonRepudiationChecks(config);
    if (this.#jwks) oidc.setJwksCache(config, this.#jwks);
    return config;
  }

  /** Starts a sign-in: returns the provider URL to redirect to and the state for the cookie. */
  async begin(returnTo: string): Promise<{ url: URL; state: string }> {
    const config = await this.#configuration();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    const now = this.#now();
    const db: Db = this.#deps.db;
    await db.run("DELETE FROM oidc_logins WHERE expires_at <= ?", [now]);
    await db.run(
      `INSERT INTO oidc_logins (state_hash, nonce, code_verifier, return_to, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
      [await sha256Hex(state), nonce, verifier, safeReturnPath(returnTo), now + LOGIN_TTL_S * 1000],
    );
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#deps.config.OAUTH_REDIRECT_URL!,
      scope: "openid email",
      response_type: "code",
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    return { url, state };
  }

  /**
   * Finishes a sign-in from the callback's query and the browser's state cookie. Every failure
   * (state missing, unknown, reused or not the cookie's; code refused; ID token invalid) is a
   * generic 401; the reason is logged without any token.
   */
  async finish(
    query: URLSearchParams,
    stateCookie: string | undefined,
  ): Promise<{ identity: GoogleIdentity; returnTo: string }> {
    const fail = (reason: string, extra: Record<string, unknown> = {}) => {
      this.#deps.logger.warn("google sign-in refused", { reason, ...extra });
      return new UnauthorizedError("Google sign-in failed; please try again");
    };
    const state = query.get("state");
    if (!state || !stateCookie || !safeEqual(state, stateCookie)) {
      throw fail("state does not match the browser's state cookie");
    }
    const db = this.#deps.db;
    const now = this.#now();
    const hash = await sha256Hex(state);
    const pending = await db.transaction(async (tx) => {
      const rows = await tx.query<{ nonce: string; code_verifier: string; return_to: string }>(
        "SELECT nonce, code_verifier, return_to FROM oidc_logins WHERE state_hash = ? AND expires_at > ?",
        [hash, now],
      );
      const del = await tx.run("DELETE FROM oidc_logins WHERE state_hash = ?", [hash]);
      return del.changes === 1 ? rows[0] ?? null : null;
    });
    if (!pending) throw fail("unknown, expired or already used state");
    if (query.get("error")) throw fail("provider returned an error", { error: query.get("error") });
    const config = await this.#configuration();
    const current = new URL(this.#deps.config.OAUTH_REDIRECT_URL!);
    current.search = query.toString();
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      this.#jwks = oidc.getJwksCache(config) ?? this.#jwks;
    } catch (e) {
      throw fail("code exchange or ID token validation failed", describeError(e));
    }
    if (!claims?.sub) throw fail("no subject in the ID token");
    return {
      identity: {
        sub: claims.sub,
        email: typeof claims.email === "string" ? claims.email : null,
        emailVerified: claims.email_verified === true,
      },
      returnTo: pending.return_to,
    };
  }
}

/** Names an openid-client/oauth4webapi failure without any token or claim value. */
function describeError(e: unknown): Record<string, unknown> {
  const err = e as {
    name?: string;
    code?: string;
    error?: string;
    message?: string;
    cause?: unknown;
  };
  const cause = err.cause as
    | {
      message?: string;
      code?: string;
      error?: string;
      cause?: { claim?: string };
      claim?: string;
    }
    | undefined;
  return {
    error: [err.name, err.code, err.message].filter(Boolean).join(": "),
    ...(typeof err.error === "string" ? { oauth_error: err.error } : {}),
    ...(cause?.message
      ? { cause: [cause.code ?? cause.error, cause.message].filter(Boolean).join(": ") }
      : {}),
    ...(cause?.claim ?? cause?.cause?.claim ? { claim: cause?.claim ?? cause?.cause?.claim } : {}),
  };
}
