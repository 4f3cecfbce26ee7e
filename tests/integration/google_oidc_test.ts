/**
 * Google sign-in end to end against a real OpenID provider (`npm:oidc-provider`) on 127.0.0.1:
 * core's `GOOGLE_ISSUER` points at it, and the whole authorization-code flow (PKCE, state,
 * nonce, ID token signed with the provider's key) runs through the core app. The refusals the
 * issue names — wrong state, replayed code, expired ID token, wrong audience — are each checked,
 * plus linking rules for verified and unverified e-mails.
 *
 * @module
 */
import assert from "node:assert/strict";
import { generateKeyPair, SignJWT } from "jose";
import { createCoreApp } from "../../core/app.ts";
import { accountsApp, cookiesOf, register } from "../../core/auth/test_http.ts";
import { startOidcProvider } from "../helpers/oidc_provider.ts";

const REDIRECT = "http://app.test/api/auth/google/callback";
const CORE_CLIENT = { client_id: "core-client", client_secret: "core-client-secret-0123456789" };
const OTHER_CLIENT = { client_id: "other-client", client_secret: "other-client-secret-0123456789" };
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  alice: { email: "alice@example.com", email_verified: true },
  bob: { email: "bob@example.com", email_verified: true },
  mallory: { email: "victim@example.com", email_verified: false },
};

/** Knobs the tests turn: who logs in at the provider, the ID token lifetime, a forged token. */
const knobs = { login: "alice", idTokenTtl: 600, forgedIdToken: null as string | null };

function startProvider() {
  return startOidcProvider({
    clients: [CORE_CLIENT, OTHER_CLIENT],
    redirectUris: [REDIRECT],
    accounts: ACCOUNTS,
    autoLogin: () => knobs.login,
    idTokenTtl: () => knobs.idTokenTtl,
    forgedIdToken: () => knobs.forgedIdToken,
  });
}

/** Drives the provider from an authorization URL to the redirect back; returns that URL. */
async function authorize(url: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = url;
  for (let i = 0; i < 10; i++) {
    const res = await fetch(next, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const [k, v] of Object.entries(cookiesOf(res))) jar.set(k, v);
    await res.body?.cancel();
    const loc = res.headers.get("location");
    if (!loc) throw new Error(`provider stopped at ${next} with ${res.status}`);
    next = new URL(loc, next).href;
    if (next.startsWith(REDIRECT)) return new URL(next);
  }
  throw new Error("too many redirects at the provider");
}

async function setup() {
  const op = await startProvider();
  const { deps, logs } = await accountsApp({
    GOOGLE_CLIENT_ID: CORE_CLIENT.client_id,
    GOOGLE_CLIENT_SECRET: CORE_CLIENT.client_secret,
    OAUTH_REDIRECT_URL: REDIRECT,
    GOOGLE_ISSUER: op.issuer,
  });
  const clock = { offsetMs: 0 };
  const app = createCoreApp(Object.assign(deps, { now: () => Date.now() + clock.offsetMs }));
  /** The reasons core logged for refused sign-ins since the last call. */
  const refusals = () => {
    const out = logs.filter((l) => l.includes("google sign-in refused"));
    logs.length = 0;
    return out.map((l) => l.trim()).join("\n");
  };
  return { app, deps, op, clock, refusals };
}

type App = Awaited<ReturnType<typeof setup>>["app"];

/** GET /api/auth/google/login: the provider URL and the state cookie. */
async function begin(app: App): Promise<{ url: URL; state: string }> {
  const res = await app.request("/api/auth/google/login?return_to=/dashboard");
  assert.equal(res.status, 302, await res.clone().text());
  const state = cookiesOf(res).oidc_state;
  assert.ok(state, "state cookie set");
  assert.match(res.headers.getSetCookie().join(), /oidc_state=[^;]+;.*HttpOnly/);
  return { url: new URL(res.headers.get("location")!), state };
}

function callback(app: App, url: URL, state: string | null) {
  return app.request(url.pathname + url.search, {
    headers: state === null ? {} : { cookie: `oidc_state=${state}` },
  });
}

const testOpts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  name: "Google sign-in - full code flow with PKCE, state and nonce creates a session",
  ...testOpts,
  fn: async () => {
    const { app, deps, op, refusals } = await setup();
    try {
      const providers = await (await app.request("/api/auth/providers")).json();
      assert.deepEqual(providers, {
        password: true,
        google: true,
        google_login_url: "/api/auth/google/login",
      });
      knobs.login = "alice";
      const { url, state } = await begin(app);
      assert.equal(url.origin, op.issuer);
      assert.equal(url.searchParams.get("redirect_uri"), REDIRECT, "the exact redirect URI");
      assert.equal(url.searchParams.get("client_id"), CORE_CLIENT.client_id);
      assert.equal(url.searchParams.get("code_challenge_method"), "S256");
      assert.ok(url.searchParams.get("code_challenge"));
      assert.ok(url.searchParams.get("nonce"));
      assert.equal(url.searchParams.get("state"), state);
      const back = await authorize(url.href);
      const res = await callback(app, back, state);
      assert.equal(res.status, 302, await res.clone().text());
      assert.equal(res.headers.get("location"), "/dashboard");
      const session = cookiesOf(res).session;
      assert.ok(session);
      const me = await (await app.request("/api/me", { headers: { cookie: `session=${session}` } }))
        .json();
      assert.equal(me.user.email, "alice@example.com");
      const [row] = await deps.db.query<{ google_sub: string; password_hash: string | null }>(
        "SELECT google_sub, password_hash FROM users WHERE email = 'alice@example.com'",
      );
      assert.deepEqual({ ...row }, { google_sub: "alice", password_hash: null });

      // a replay of the same callback: the state was consumed
      const replay = await callback(app, back, state);
      assert.equal(replay.status, 401);
      assert.equal(cookiesOf(replay).session, undefined);
      assert.match(refusals(), /already used state/);
      // the used code with a fresh, valid state: the provider refuses the code (and PKCE differs)
      const fresh = await begin(app);
      const reused = new URL(back);
      reused.searchParams.set("state", fresh.state);
      const again = await callback(app, reused, fresh.state);
      assert.equal(again.status, 401);
      assert.equal(cookiesOf(again).session, undefined);
      assert.match(refusals(), /"oauth_error":"invalid_grant"/);
    } finally {
      await deps.db.close();
      await op.close();
    }
  },
});

Deno.test({
  name: "Google sign-in - a wrong or missing state is refused before the code is used",
  ...testOpts,
  fn: async () => {
    const { app, deps, op, refusals } = await setup();
    try {
      knobs.login = "alice";
      const { url, state } = await begin(app);
      const back = await authorize(url.href);
      const tampered = new URL(back);
      tampered.searchParams.set("state", "attacker-state");
      assert.equal((await callback(app, tampered, state)).status, 401, "state ≠ cookie");
      assert.equal((await callback(app, tampered, "attacker-state")).status, 401, "unknown state");
      assert.equal((await callback(app, back, null)).status, 401, "no state cookie");
      const why = refusals().split("\n");
      assert.equal(why.length, 3);
      assert.match(why[0]!, /does not match the browser's state cookie/);
      assert.match(why[1]!, /unknown, expired or already used state/);
      assert.match(why[2]!, /does not match the browser's state cookie/);
      // the genuine callback still works: the refusals did not consume the state
      const ok = await callback(app, back, state);
      assert.equal(ok.status, 302);
      assert.ok(cookiesOf(ok).session);
    } finally {
      await deps.db.close();
      await op.close();
    }
  },
});

Deno.test({
  name: "Google sign-in - an expired ID token is refused",
  ...testOpts,
  fn: async () => {
    const { app, deps, op, clock, refusals } = await setup();
    try {
      knobs.login = "alice";
      knobs.idTokenTtl = 60;
      const { url, state } = await begin(app);
      const back = await authorize(url.href);
      clock.offsetMs = 5 * 60_000; // core reads the token 5 minutes later: exp + 240 s
      const res = await callback(app, back, state);
      assert.equal(res.status, 401);
      assert.equal(cookiesOf(res).session, undefined);
      assert.match(refusals(), /"claim":"exp"/);
      const users = await deps.db.query("SELECT id FROM users");
      assert.equal(users.length, 0);
    } finally {
      knobs.idTokenTtl = 600;
      await deps.db.close();
      await op.close();
    }
  },
});

Deno.test({
  name: "Google sign-in - a genuine ID token issued to another client (wrong audience) is refused",
  ...testOpts,
  fn: async () => {
    const { app, deps, op, refusals } = await setup();
    try {
      knobs.login = "alice";
      const { url, state } = await begin(app);
      // The attacker obtains a real ID token for other-client carrying core's nonce …
      const otherUrl = new URL(url);
      otherUrl.searchParams.set("client_id", OTHER_CLIENT.client_id);
      otherUrl.searchParams.set("code_challenge_method", "S256");
      const verifier = "a".repeat(64);
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
      const challenge = btoa(String.fromCharCode(...new Uint8Array(digest)))
        .replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
      otherUrl.searchParams.set("code_challenge", challenge);
      const otherBack = await authorize(otherUrl.href);
      const tokenRes = await fetch(`${op.issuer}/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: otherBack.searchParams.get("code")!,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
          ...OTHER_CLIENT,
        }),
      });
      assert.equal(tokenRes.status, 200);
      const idToken: string = (await tokenRes.json()).id_token;
      const payload = JSON.parse(
        atob(idToken.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/")),
      );
      assert.equal(payload.aud, OTHER_CLIENT.client_id);
      assert.equal(payload.nonce, url.searchParams.get("nonce"));
      // … and core's token exchange receives it in place of its own.
      knobs.forgedIdToken = idToken;
      const back = await authorize(url.href);
      const res = await callback(app, back, state);
      assert.equal(res.status, 401);
      assert.equal(cookiesOf(res).session, undefined);
      assert.match(refusals(), /"claim":"aud"/);
    } finally {
      knobs.forgedIdToken = null;
      await deps.db.close();
      await op.close();
    }
  },
});

Deno.test({
  name: "Google sign-in - an ID token not signed by the issuer's key is refused",
  ...testOpts,
  fn: async () => {
    const { app, deps, op, refusals } = await setup();
    try {
      knobs.login = "alice";
      const { url, state } = await begin(app);
      const { privateKey } = await generateKeyPair("RS256");
      knobs.forgedIdToken = await new SignJWT({
        nonce: url.searchParams.get("nonce")!,
        email: "alice@example.com",
        email_verified: true,
      })
        .setProtectedHeader({ alg: "RS256", kid: "test-key" }) // the issuer's kid, another key
        .setIssuer(op.issuer)
        .setAudience(CORE_CLIENT.client_id)
        .setSubject("alice")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
      const res = await callback(app, await authorize(url.href), state);
      assert.equal(res.status, 401);
      assert.equal(cookiesOf(res).session, undefined);
      assert.match(refusals(), /signature/i);
    } finally {
      knobs.forgedIdToken = null;
      await deps.db.close();
      await op.close();
    }
  },
});

Deno.test({
  name: "Google sign-in - links an e-mail account only when Google verified the address",
  ...testOpts,
  fn: async () => {
    const { app, deps, op } = await setup();
    try {
      const bobPassword = await register(app, "bob@example.com");
      await register(app, "victim@example.com");
      knobs.login = "mallory"; // claims victim@example.com, unverified
      let flow = await begin(app);
      let res = await callback(app, await authorize(flow.url.href), flow.state);
      assert.equal(res.status, 401);
      const [victim] = await deps.db.query<{ google_sub: string | null }>(
        "SELECT google_sub FROM users WHERE email = 'victim@example.com'",
      );
      assert.equal(victim!.google_sub, null, "not linked");
      knobs.login = "bob"; // verified
      flow = await begin(app);
      res = await callback(app, await authorize(flow.url.href), flow.state);
      assert.equal(res.status, 302);
      const me = await (await app.request("/api/me", {
        headers: { cookie: `session=${cookiesOf(res).session}` },
      })).json();
      assert.equal(me.user.email, "bob@example.com");
      const rows = await deps.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM users");
      assert.equal(Number(rows[0]!.n), 2, "linked, not duplicated");
      // Nothing proved that whoever registered bob@ with a password owns the address: linking
      // hands the account to the Google user and ends every other way in.
      assert.equal(
        (await app.request("/api/me", { headers: { cookie: bobPassword } })).status,
        401,
      );
      const pw = await app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "bob@example.com", password: "long enough pw" }),
      });
      assert.equal(pw.status, 401, "the pre-link password no longer signs in");
    } finally {
      await deps.db.close();
      await op.close();
    }
  },
});

Deno.test("Google sign-in - 404 JSON and hidden from providers when not configured", async () => {
  const { app, deps } = await accountsApp();
  const res = await app.request("/api/auth/google/login");
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error.message, "Google sign-in is not configured");
  const providers = await (await app.request("/api/auth/providers")).json();
  assert.equal(providers.google, false);
  assert.equal(providers.google_login_url, null);
  await deps.db.close();
});
