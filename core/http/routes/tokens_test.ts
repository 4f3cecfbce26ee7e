// Apps from testCoreApp() (tests/helpers/core_app.ts): tests/integration/postgres_suites_test.ts
// re-runs this suite on PostgreSQL.
import assert from "node:assert/strict";
import { accountsApp, apiToken, json, register } from "../../auth/test_http.ts";
import { sha256Hex } from "../../auth/crypto.ts";

Deno.test("POST /api/tokens - shown once, stored hashed, works as Bearer, revocable", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "a@example.com");
  const token = await apiToken(app, cookie, "my script");
  assert.match(token, /^tsk_[A-Za-z0-9_-]{43}$/);
  const stored = await deps.db.query<{ token_hash: string; prefix: string }>(
    "SELECT token_hash, prefix FROM api_tokens",
  );
  assert.equal(stored[0]!.token_hash, await sha256Hex(token));
  assert.ok(token.startsWith(stored[0]!.prefix));
  const list = await (await app.request("/api/tokens", { headers: { cookie } })).json();
  assert.equal(list.tokens.length, 1);
  assert.equal(list.tokens[0].name, "my script");
  assert.ok(!JSON.stringify(list).includes(token), "the secret is never listed");
  const bearer = { authorization: `Bearer ${token}` };
  const me = await app.request("/api/me", { headers: bearer });
  assert.equal(me.status, 200);
  const body = await me.json();
  assert.equal(body.user.email, "a@example.com");
  assert.equal(body.auth, "token");
  const del = await app.request(`/api/tokens/${list.tokens[0].id}`, {
    method: "DELETE",
    headers: bearer,
  });
  assert.equal(del.status, 200);
  const after = await app.request("/api/me", { headers: bearer });
  assert.equal(after.status, 401, "revoked token refused");
  assert.match(after.headers.get("www-authenticate") ?? "", /invalid_token/);
  assert.equal(
    (await app.request("/api/me", { headers: { authorization: "Bearer tsk_nope" } })).status,
    401,
  );
  assert.equal(
    (await app.request("/api/me", { headers: { authorization: "Basic abc" } })).status,
    401,
  );
  await deps.db.close();
});

Deno.test("POST /api/tokens - 422 naming the field for a missing name", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "a@example.com");
  const res = await app.request("/api/tokens", json("POST", { name: "  " }, { cookie }));
  assert.equal(res.status, 422);
  assert.equal((await res.json()).error.details[0].field, "name");
  const bad = await app.request("/api/tokens", { method: "POST", body: "{", headers: { cookie } });
  assert.equal(bad.status, 422);
  await deps.db.close();
});
