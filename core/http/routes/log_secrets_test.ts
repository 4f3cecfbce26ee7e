// Apps from testCoreApp() (tests/helpers/core_app.ts): tests/integration/postgres_suites_test.ts
// re-runs this suite on PostgreSQL.
import assert from "node:assert/strict";
import { accountsApp, apiToken, cookiesOf, json } from "../../auth/test_http.ts";

Deno.test("logs - no password, session token, API token or redemption code is ever written", async () => {
  const { app, deps, logs } = await accountsApp();
  const password = "Sup3r-secret-passphrase";
  const newPassword = "An0ther-secret-passphrase";
  const reg = await app.request(
    "/api/auth/register",
    json("POST", { email: "a@example.com", password }),
  );
  const session1 = cookiesOf(reg).session!;
  const login = await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password }),
  );
  const session2 = cookiesOf(login).session!;
  await app.request(
    "/api/auth/login",
    json("POST", { email: "a@example.com", password: password + "x" }),
  );
  const token = await apiToken(app, `session=${session2}`);
  assert.equal(
    (await app.request("/api/me", { headers: { authorization: `Bearer ${token}` } })).status,
    200,
  );
  await deps.db.run("UPDATE users SET role = 'admin'");
  const mint = await app.request(
    "/api/admin/redemption-codes",
    json("POST", { amount: 1 }, { authorization: `Bearer ${token}` }),
  );
  const code: string = (await mint.json()).codes[0].code;
  await app.request(
    "/api/redemption/redeem",
    json("POST", { code }, { cookie: `session=${session2}` }),
  );
  const change = await app.request(
    "/api/auth/password",
    json("POST", { current_password: password, new_password: newPassword }, {
      cookie: `session=${session2}`,
    }),
  );
  const session3 = cookiesOf(change).session!;
  await app.request("/api/me", { headers: { authorization: `Bearer ${token}x` } });
  await app.request("/api/auth/logout", {
    method: "POST",
    headers: { cookie: `session=${session3}` },
  });

  const text = logs.join("");
  assert.ok(logs.length >= 10, "requests were logged");
  assert.match(text, /"msg":"password changed"/);
  const secrets = {
    password,
    newPassword,
    session1,
    session2,
    session3,
    token,
    code,
    codeBare: code.replaceAll("-", ""),
  };
  for (const [name, value] of Object.entries(secrets)) {
    assert.ok(value && value.length >= 12, `${name} captured`);
    assert.ok(!text.includes(value), `${name} must not appear in the logs`);
  }
  await deps.db.close();
});
