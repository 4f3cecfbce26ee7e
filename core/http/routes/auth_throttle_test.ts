// Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { accountsApp, cookiesOf, json, register } from "../../auth/_test_http.ts";

/** The status of a response from `app.request()`. */
const statusOf = async (r: Response | Promise<Response>) => (await r).status;

Deno.test("POST /api/auth/login - 25 parallel wrong passwords: only 5 are checked, and the owner still signs in from elsewhere", async () => {
  const { app, deps } = await accountsApp({ TRUST_PROXY_HOPS: "1" });
  await register(app, "victim@example.com", "the right password");
  const from = (ip: string, password: string) =>
    app.request(
      "/api/auth/login",
      json("POST", { email: "victim@example.com", password }, { "x-forwarded-for": ip }),
    );
  const statuses = await Promise.all(
    Array.from({ length: 25 }, (_, i) => statusOf(from("198.51.100.66", `guess ${i}`))),
  );
  assert.equal(statuses.filter((s) => s === 401).length, 5, `checked: ${statuses}`);
  assert.equal(statuses.filter((s) => s === 429).length, 20, `refused: ${statuses}`);
  const attacker = await from("198.51.100.66", "the right password");
  assert.equal(attacker.status, 429, "the guessing address stays blocked for this account");
  const owner = await from("203.0.113.9", "the right password");
  assert.equal(owner.status, 200, "a stranger cannot lock the owner out");
  assert.ok(cookiesOf(owner).session);
  await deps.db.close();
});

Deno.test("POST /api/auth/password - wrong current passwords in parallel are limited before they are checked", async () => {
  const { app, deps } = await accountsApp({ TRUST_PROXY_HOPS: "1" });
  const cookie = await register(app, "a@example.com", "the right password");
  const change = (i: number) =>
    app.request(
      "/api/auth/password",
      json("POST", { current_password: `guess ${i}`, new_password: "a new password" }, {
        cookie,
        "x-forwarded-for": "198.51.100.7",
      }),
    );
  const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => statusOf(change(i))));
  assert.equal(statuses.filter((s) => s === 422).length, 5, `checked: ${statuses}`);
  assert.equal(statuses.filter((s) => s === 429).length, 7, `refused: ${statuses}`);
  await deps.db.close();
});
