// Apps from testCoreApp() (tests/helpers/core_app.ts): tests/integration/postgres_suites_test.ts
// re-runs this suite on PostgreSQL.
import assert from "node:assert/strict";
import { accountsApp, json, register } from "../../auth/test_http.ts";

async function setup() {
  const ctx = await accountsApp();
  const admin = await register(ctx.app, "admin@example.com");
  await ctx.deps.db.run("UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'");
  const user = await register(ctx.app, "user@example.com");
  return { ...ctx, admin, user };
}

Deno.test("admin routes - 403 for a signed-in user, 401 anonymous", async () => {
  const { app, deps, user } = await setup();
  for (const path of ["/api/admin/redemption-codes", "/api/admin/usage"]) {
    assert.equal((await app.request(path)).status, 401);
    const res = await app.request(path, { headers: { cookie: user } });
    assert.equal(res.status, 403);
  }
  const mint = await app.request(
    "/api/admin/redemption-codes",
    json("POST", { amount: 5 }, { cookie: user }),
  );
  assert.equal(mint.status, 403);
  await deps.db.close();
});

Deno.test("redemption codes - admin mints, user redeems once, /api/me shows the credits, admin revokes", async () => {
  const { app, deps, admin, user } = await setup();
  const mint = await app.request(
    "/api/admin/redemption-codes",
    json("POST", { amount: 5, max_uses: 2, count: 2, note: "launch" }, { cookie: admin }),
  );
  assert.equal(mint.status, 201, await mint.clone().text());
  const { codes } = await mint.json();
  assert.equal(codes.length, 2);
  assert.match(codes[0].code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const redeem = await app.request(
    "/api/redemption/redeem",
    json("POST", { code: codes[0].code.toLowerCase() }, { cookie: user }),
  );
  assert.equal(redeem.status, 200);
  const r = await redeem.json();
  assert.equal(r.credits_added, 5);
  assert.equal(r.quota.credits, 5);
  const again = await app.request(
    "/api/redemption/redeem",
    json("POST", { code: codes[0].code }, { cookie: user }),
  );
  assert.equal(again.status, 422);
  assert.equal((await again.json()).error.details[0].field, "code");
  const me = await (await app.request("/api/me", { headers: { cookie: user } })).json();
  assert.deepEqual([me.quota.credits, me.quota.remaining], [5, 9]);
  const list =
    await (await app.request("/api/admin/redemption-codes", { headers: { cookie: admin } })).json();
  assert.equal(list.codes.length, 2);
  assert.ok(!JSON.stringify(list).includes(codes[0].code), "listing shows hints, not codes");
  const del = await app.request(`/api/admin/redemption-codes/${codes[1].id}`, {
    method: "DELETE",
    headers: { cookie: admin },
  });
  assert.equal(del.status, 200);
  const revoked = await app.request(
    "/api/redemption/redeem",
    json("POST", { code: codes[1].code }, { cookie: user }),
  );
  assert.equal(revoked.status, 422);
  const bad = await app.request(
    "/api/admin/redemption-codes",
    json("POST", { amount: 0 }, { cookie: admin }),
  );
  assert.equal(bad.status, 422);
  assert.equal((await bad.json()).error.details[0].field, "amount");
  await deps.db.close();
});

Deno.test("GET /api/admin/usage - analyses per user from the usage events", async () => {
  const { app, deps, admin } = await setup();
  const { consumeAnalysis } = await import("../../auth/quota.ts");
  const [u] = await deps.db.query<{ id: string }>(
    "SELECT id FROM users WHERE email = 'user@example.com'",
  );
  await consumeAnalysis(deps.db, u!.id, { now: Date.now() });
  await consumeAnalysis(deps.db, u!.id, { now: Date.now() });
  const res = await app.request("/api/admin/usage", { headers: { cookie: admin } });
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.totals.users, 2);
  assert.equal(body.totals.analyses, 2);
  assert.equal(body.users[0].email, "user@example.com");
  assert.equal(body.users[0].analyses_today, 2);
  await deps.db.close();
});

Deno.test("PATCH /api/admin/users/:id - an admin makes a user premium (unlimited analyses); 403/404/422", async () => {
  const { app, deps, admin, user } = await setup();
  const [u] = await deps.db.query<{ id: string }>(
    "SELECT id FROM users WHERE email = 'user@example.com'",
  );
  const patch = (id: string, body: unknown, cookie: string) =>
    app.request(`/api/admin/users/${id}`, json("PATCH", body, { cookie }));
  assert.equal((await patch(u!.id, { plan: "premium" }, user)).status, 403);
  const res = await patch(u!.id, { plan: "premium" }, admin);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).plan, "premium");
  const { consumeAnalysis } = await import("../../auth/quota.ts");
  for (let i = 0; i < 6; i++) {
    assert.equal((await consumeAnalysis(deps.db, u!.id, { now: Date.now() })).source, "premium");
  }
  assert.equal((await patch("nope", { plan: "free" }, admin)).status, 404);
  assert.equal((await patch(u!.id, { plan: "gold" }, admin)).status, 422);
  assert.equal((await patch(u!.id, {}, admin)).status, 422);
  await deps.db.close();
});
