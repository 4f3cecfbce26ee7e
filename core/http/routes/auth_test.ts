// Apps from testCoreApp() (tests/helpers/core_app.ts): tests/integration/postgres_suites_test.ts
// re-runs this suite on PostgreSQL.
import assert from "node:assert/strict";
import { accountsApp, apiToken, cookiesOf, json, register } from "../../auth/test_http.ts";

Deno.test("POST /api/auth/register - creates the account, signs in with an HttpOnly Lax cookie", async () => {
  const { app, deps } = await accountsApp();
  const res = await app.request(
    "/api/auth/register",
    json("POST", { email: " Trader@Example.com ", password: "correct horse" }),
  );
  assert.equal(res.status, 201);
  const body = await res.json();
  assert.equal(body.user.email, "trader@example.com");
  assert.equal(body.user.role, "user");
  assert.equal(body.quota.remaining, 4);
  const sc = res.headers.getSetCookie().find((c) => c.startsWith("session="))!;
  assert.match(sc, /HttpOnly/);
  assert.match(sc, /SameSite=Lax/);
  assert.match(sc, /Path=\//);
  assert.doesNotMatch(sc, /Secure/, "no Secure outside production (plain http on localhost)");
  const me = await app.request("/api/me", {
    headers: { cookie: `session=${cookiesOf(res).session}` },
  });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).user.email, "trader@example.com");
  const again = await app.request(
    "/api/auth/register",
    json("POST", { email: "trader@example.com", password: "another password" }),
  );
  assert.equal(again.status, 422);
  assert.equal((await again.json()).error.details[0].field, "email");
  const short = await app.request(
    "/api/auth/register",
    json("POST", { email: "x@example.com", password: "short" }),
  );
  assert.equal(short.status, 422);
  assert.equal((await short.json()).error.details[0].field, "password");
  await deps.db.close();
});

Deno.test("POST /api/auth/register - a taken e-mail is refused exactly like a malformed one", async () => {
  const { app, deps } = await accountsApp();
  await register(app, "taken@example.com");
  const refusal = async (email: string, password = "long enough pw") => {
    const res = await app.request("/api/auth/register", json("POST", { email, password }));
    const { error } = await res.json();
    delete error.request_id;
    return { status: res.status, error };
  };
  const taken = await refusal("Taken@example.com");
  const malformed = await refusal("not-an-address");
  assert.equal(taken.status, 422);
  assert.deepEqual(taken, malformed, "same status, code, message and details");
  assert.doesNotMatch(JSON.stringify(taken), /exists|already|taken/i);
  // A weak password is refused before the address is looked at, so it tells nothing either.
  const weakTaken = await refusal("taken@example.com", "short");
  const weakFree = await refusal("free@example.com", "short");
  assert.deepEqual(weakTaken, weakFree);
  assert.equal(weakTaken.error.details[0].field, "password");
  await deps.db.close();
});

Deno.test("POST /api/auth/login - one generic 401 for a wrong password and an unknown account", async () => {
  const { app, deps } = await accountsApp();
  await register(app, "a@example.com", "right password");
  const wrong = await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password: "wrong password" }),
  );
  const unknown = await app.request(
    "/api/auth/login",
    json("POST", { email: "nobody@example.com", password: "wrong password" }),
  );
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  const [w, u] = [await wrong.json(), await unknown.json()];
  assert.equal(w.error.message, u.error.message);
  assert.equal(w.error.message, "Invalid e-mail or password");
  const ok = await app.request(
    "/api/auth/login",
    json("POST", { email: "A@example.com", password: "right password" }),
  );
  assert.equal(ok.status, 200);
  assert.ok(cookiesOf(ok).session);
  await deps.db.close();
});

Deno.test("POST /api/auth/login - failed attempts are throttled per account and IP, with Retry-After", async () => {
  const { app, deps } = await accountsApp();
  await register(app, "a@example.com", "right password");
  for (let i = 0; i < 5; i++) {
    const r = await app.request(
      "/api/auth/login",
      json("POST", { email: "a@example.com", password: `nope ${i}` }),
    );
    assert.equal(r.status, 401);
  }
  const blocked = await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password: "right password" }),
  );
  assert.equal(blocked.status, 429, "even the right password waits");
  assert.ok(Number(blocked.headers.get("retry-after")) > 0);
  const stored = await deps.db.query<{ bucket: string }>("SELECT bucket FROM rate_limits");
  assert.ok(stored.some((r) => r.bucket.startsWith("login:acct:")), "counted in the database");
  assert.ok(!JSON.stringify(stored).includes("a@example.com"), "no address in the counters");
  const other = await app.request(
    "/api/auth/register",
    json("POST", { email: "b@example.com", password: "right password" }),
  );
  assert.equal(other.status, 201, "other accounts are not blocked");
  await deps.db.close();
});

Deno.test("POST /api/auth/logout - revokes the session server-side", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "a@example.com");
  const out = await app.request("/api/auth/logout", { method: "POST", headers: { cookie } });
  assert.equal(out.status, 200);
  assert.equal(cookiesOf(out).session, "", "cookie cleared");
  const me = await app.request("/api/me", { headers: { cookie } });
  assert.equal(me.status, 401, "the old cookie no longer works");
  await deps.db.close();
});

Deno.test("POST /api/auth/password - checks the current password and revokes every other session and API token", async () => {
  const { app, deps } = await accountsApp();
  const first = await register(app, "a@example.com", "old password 1");
  const token = await apiToken(app, first);
  const bearer = { authorization: `Bearer ${token}` };
  assert.equal((await app.request("/api/me", { headers: bearer })).status, 200);
  const login = await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password: "old password 1" }),
  );
  const second = `session=${cookiesOf(login).session}`;
  const bad = await app.request(
    "/api/auth/password",
    json("POST", { current_password: "nope", new_password: "new password 2" }, { cookie: first }),
  );
  assert.equal(bad.status, 422);
  assert.equal((await bad.json()).error.details[0].field, "current_password");
  const ok = await app.request(
    "/api/auth/password",
    json("POST", { current_password: "old password 1", new_password: "new password 2" }, {
      cookie: first,
    }),
  );
  assert.equal(ok.status, 200);
  const fresh = `session=${cookiesOf(ok).session}`;
  assert.equal((await app.request("/api/me", { headers: { cookie: first } })).status, 401);
  assert.equal((await app.request("/api/me", { headers: { cookie: second } })).status, 401);
  assert.equal((await app.request("/api/me", { headers: { cookie: fresh } })).status, 200);
  assert.equal(
    (await app.request("/api/me", { headers: bearer })).status,
    401,
    "API tokens made with the old password are revoked too",
  );
  const oldPw = await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password: "old password 1" }),
  );
  assert.equal(oldPw.status, 401);
  const newPw = await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password: "new password 2" }),
  );
  assert.equal(newPw.status, 200);
  await deps.db.close();
});

Deno.test("sessions - idle timeout from SESSION_IDLE_TIMEOUT_S, production cookie is __Host- and Secure", async () => {
  let t = Date.UTC(2024, 0, 1);
  const { app: base, deps } = await accountsApp({ SESSION_IDLE_TIMEOUT_S: "600" });
  const { createCoreApp } = await import("../../app.ts");
  const app = createCoreApp(Object.assign(deps, { now: () => t }));
  void base;
  const cookie = await register(app, "a@example.com");
  t += 599_000;
  assert.equal((await app.request("/api/me", { headers: { cookie } })).status, 200);
  t += 600_000;
  assert.equal((await app.request("/api/me", { headers: { cookie } })).status, 401, "idle 10 min");
  const prod = createCoreApp(Object.assign({}, deps, {
    config: { ...deps.config, ENVIRONMENT: "production" as const },
  }));
  const res = await prod.request(
    "/api/auth/register",
    json("POST", { email: "p@example.com", password: "long enough pw" }),
  );
  const sc = res.headers.getSetCookie()[0] ?? "";
  assert.match(sc, /^__Host-session=/);
  assert.match(sc, /Secure/);
  assert.match(sc, /HttpOnly/);
  assert.equal(res.headers.get("strict-transport-security"), "max-age=63072000; includeSubDomains");
  await deps.db.close();
});

Deno.test("CSRF - cross-site cookie writes are refused; same-origin, non-browser and Bearer pass", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "a@example.com");
  const create = (headers: Record<string, string>) =>
    app.request("/api/tokens", json("POST", { name: "t" }, { cookie, ...headers }));
  assert.equal((await create({ "sec-fetch-site": "cross-site" })).status, 403);
  assert.equal((await create({ "sec-fetch-site": "same-site" })).status, 403);
  assert.equal((await create({ origin: "https://evil.example", host: "app.example" })).status, 403);
  assert.equal((await create({ "sec-fetch-site": "same-origin" })).status, 201);
  assert.equal((await create({ origin: "https://app.example", host: "app.example" })).status, 201);
  assert.equal((await create({})).status, 201, "no Origin, no Sec-Fetch-Site: not a browser");
  const loginCsrf = await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password: "long enough pw" }, {
      "sec-fetch-site": "cross-site",
    }),
  );
  assert.equal(loginCsrf.status, 403, "login CSRF refused too");
  const read = await app.request("/api/me", {
    headers: { cookie, "sec-fetch-site": "cross-site" },
  });
  assert.equal(read.status, 200, "reads are not state changes");
  await deps.db.close();
});
