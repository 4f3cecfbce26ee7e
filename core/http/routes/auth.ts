import { z } from "zod";
import { UnauthorizedError, ValidationError } from "@trading/shared/errors";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  ChangePasswordBodySchema,
  CREDENTIALS_EXAMPLE,
  LoginBodySchema,
  ME_RESPONSE_EXAMPLE,
  MeResponseSchema,
  ProvidersResponseSchema,
  RegisterBodySchema,
  SignedOutSchema,
} from "@trading/shared/schemas";
import { type AuthDeps, clockOf } from "../../auth/auth_deps.ts";
import {
  clearSessionCookie,
  clearStateCookie,
  readSessionCookie,
  readStateCookie,
  writeStateCookie,
} from "../../auth/cookies.ts";
import { GoogleSignIn, LOGIN_TTL_S } from "../../auth/google.ts";
import { userForGoogle } from "../../auth/google_accounts.ts";
import { claimLoginAttempt, loginSucceeded } from "../../auth/login_throttle.ts";
import { hashPassword, verifyPassword } from "../../auth/password.ts";
import { clientIp, rateLimit, tooManyRequests } from "../../auth/rate_limit.ts";
import { revokeSession } from "../../auth/sessions.ts";
import { meBody, startSession } from "../../auth/sign_in.ts";
import { replacePassword } from "../../auth/user_updates.ts";
import {
  createUser,
  findUserByEmail,
  findUserById,
  REGISTRATION_REFUSED,
} from "../../auth/users.ts";
import { requireUser } from "../../auth/auth_context.ts";

const GoogleLoginQuery = z.object({ return_to: z.string().max(512).optional() });
const TAG = "accounts";

/**
 * Parses a registration body. Every refusal of the e-mail (malformed or already registered) is
 * the same {@link REGISTRATION_REFUSED} issue, so the answer alone does not say which.
 */
function validateRegistration(data: unknown) {
  const r = RegisterBodySchema.safeParse(data);
  if (r.success || !r.error.issues.some((i) => i.path[0] === "email")) {
    return validate(RegisterBodySchema, data, "body");
  }
  const others = r.error.issues.filter((i) => i.path[0] !== "email").map((i) => ({
    field: i.path.length ? i.path.join(".") : "body",
    message: i.message,
  }));
  throw new ValidationError(REGISTRATION_REFUSED.message, [REGISTRATION_REFUSED.issue, ...others]);
}

/** Sign-in attempts per IP (shared by register, login and the Google flow). */
const signInLimit = rateLimit({ key: "sign-in", limit: 30, windowS: 60 });

/** Registration, sign-in and -out, password change, Google sign-in. */
export const authRoutes = routeGroup(
  (deps: AuthDeps) => {
    const now = clockOf(deps);
    const production = deps.config.ENVIRONMENT === "production";
    const google = new GoogleSignIn(deps);
    const ip = (c: Parameters<typeof clientIp>[0]) => clientIp(c, deps.config.TRUST_PROXY_HOPS);
    return { deps, now, production, google, ip };
  },
  [
    {
      method: "post",
      path: "/api/auth/register",
      example: CREDENTIALS_EXAMPLE,
      responseExample: ME_RESPONSE_EXAMPLE,
      summary: "Create an account with e-mail and password and sign in (sets the session cookie)",
      tag: TAG,
      body: RegisterBodySchema,
      response: MeResponseSchema,
      errors: [422, 429],
      access: "public",
      scope: null,
      use: [rateLimit({ key: "register", limit: 10, windowS: 3600 })],
      handler: async (c, { deps, now }) => {
        const body = validateRegistration(await readJson(c.req));
        const user = await createUser(deps.db, {
          email: body.email,
          passwordHash: await hashPassword(body.password),
          now: now(),
        });
        deps.logger.info("account created", { user_id: user.id, method: "password" });
        await startSession(c, deps, user);
        return c.json(await meBody(deps, user), 201);
      },
    },
    {
      method: "post",
      path: "/api/auth/login",
      example: CREDENTIALS_EXAMPLE,
      responseExample: ME_RESPONSE_EXAMPLE,
      summary:
        "Sign in with e-mail and password (sets the session cookie); attempts are throttled per IP, per (account, IP) and per account",
      tag: TAG,
      body: LoginBodySchema,
      response: MeResponseSchema,
      errors: [401, 422, 429],
      access: "public",
      scope: null,
      use: [signInLimit],
      handler: async (c, { deps, now, ip }) => {
        const body = validate(LoginBodySchema, await readJson(c.req), "body");
        // Counted before the (slow) password check, so parallel guesses cannot outrun the limit.
        const claim = await claimLoginAttempt(deps.db, {
          email: body.email,
          ip: ip(c),
          now: now(),
        });
        if (!claim.ok) {
          const wait = claim.retryAfterS;
          return tooManyRequests(c, wait, `Too many failed sign-ins; retry in ${wait} s`);
        }
        const user = await findUserByEmail(deps.db, body.email);
        const ok = await verifyPassword(body.password, user?.password_hash ?? null);
        if (!user || !ok) throw new UnauthorizedError("Invalid e-mail or password");
        await loginSucceeded(deps.db, claim.attempt);
        await startSession(c, deps, user);
        return c.json(await meBody(deps, user));
      },
    },
    {
      method: "post",
      path: "/api/auth/logout",
      summary: "Sign out: revokes this session and clears its cookie",
      tag: TAG,
      response: SignedOutSchema,
      access: "public",
      scope: null,
      handler: async (c, { deps, production }) => {
        const token = readSessionCookie(c, production);
        if (token) await revokeSession(deps.db, token);
        clearSessionCookie(c, production);
        return c.json({ signed_out: true });
      },
    },
    {
      method: "post",
      path: "/api/auth/password",
      summary:
        "Change the password; revokes every session and API token of the account and starts a new session",
      tag: TAG,
      body: ChangePasswordBodySchema,
      response: MeResponseSchema,
      errors: [401, 422, 429],
      access: "user",
      scope: "account",
      use: [signInLimit],
      handler: async (c, { deps, now, ip }) => {
        const me = requireUser(c);
        const body = validate(ChangePasswordBodySchema, await readJson(c.req), "body");
        const user = (await findUserById(deps.db, me.id))!;
        if (user.password_hash !== null) {
          const claim = await claimLoginAttempt(deps.db, {
            email: user.email,
            ip: ip(c),
            now: now(),
          });
          if (!claim.ok) {
            const wait = claim.retryAfterS;
            return tooManyRequests(c, wait, `Too many failed attempts; retry in ${wait} s`);
          }
          if (!(await verifyPassword(body.current_password ?? "", user.password_hash))) {
            throw new ValidationError("Cannot change the password", [
              { field: "current_password", message: "is not the current password" },
            ]);
          }
          await loginSucceeded(deps.db, claim.attempt);
        }
        const hash = await hashPassword(body.new_password);
        const revoked = await replacePassword(deps.db, user.id, hash);
        deps.logger.info("password changed", {
          user_id: user.id,
          sessions_revoked: revoked.sessionsRevoked,
          api_tokens_revoked: revoked.apiTokensRevoked,
        });
        await startSession(c, deps, user);
        return c.json(await meBody(deps, user));
      },
    },
    {
      method: "get",
      path: "/api/auth/providers",
      summary: "Which sign-in methods are enabled",
      tag: TAG,
      response: ProvidersResponseSchema,
      access: "public",
      scope: null,
      handler: (c, { google }) =>
        c.json({
          password: true,
          google: google.enabled,
          google_login_url: google.enabled ? "/api/auth/google/login" : null,
        }),
    },
    {
      method: "get",
      path: "/api/auth/google/login",
      summary: "Start Google sign-in (redirects to the provider); 404 when not configured",
      tag: TAG,
      query: GoogleLoginQuery,
      status: 302,
      redirect: "Google's consent page (a state cookie is set)",
      errors: [404, 503],
      access: "public",
      scope: null,
      use: [signInLimit],
      handler: async (c, { production, google }) => {
        if (!google.enabled) {
          return c.json(
            { error: { code: "not_found", message: "Google sign-in is not configured" } },
            404,
          );
        }
        const q = validate(GoogleLoginQuery, c.req.query(), "query");
        const { url, state } = await google.begin(q.return_to ?? "/");
        writeStateCookie(c, state, { production, maxAgeS: LOGIN_TTL_S });
        return c.redirect(url.href, 302);
      },
    },
    {
      method: "get",
      path: "/api/auth/google/callback",
      summary:
        "Google's redirect back: checks state, exchanges the code, validates the ID token, signs in",
      tag: TAG,
      status: 302,
      redirect: "the page sign-in started from (`return_to`), with the session cookie set",
      errors: [401, 404, 503],
      access: "public",
      scope: null,
      use: [signInLimit],
      handler: async (c, { deps, now, production, google }) => {
        if (!google.enabled) {
          return c.json(
            { error: { code: "not_found", message: "Google sign-in is not configured" } },
            404,
          );
        }
        const query = new URL(c.req.url).searchParams;
        const cookie = readStateCookie(c, production);
        clearStateCookie(c, production);
        const { identity, returnTo } = await google.finish(query, cookie);
        const { user, created, linked } = await userForGoogle(deps.db, identity, { now: now() });
        deps.logger.info("google sign-in", {
          user_id: user.id,
          created,
          linked: linked !== null,
          ...(linked
            ? {
              password_removed: linked.password,
              sessions_revoked: linked.sessions,
              api_tokens_revoked: linked.apiTokens,
            }
            : {}),
        });
        await startSession(c, deps, user);
        return c.redirect(returnTo, 302);
      },
    },
  ],
);
