// Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createWebApp } from "../../../web/app.ts";
import { accountsApp, cookiesOf, json, register } from "../../auth/test_http.ts";

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

Deno.test("sign-in through web (TRUST_PROXY_HOPS=1): limits follow each client's own address, a forged X-Forwarded-For does not help", async () => {
  const { app: core, deps } = await accountsApp({ TRUST_PROXY_HOPS: "1" });
  // Core sees every request coming from web's address, as in a real deployment.
  const webToCore =
    ((input: RequestInfo | URL, init?: RequestInit) =>
      core.fetch(new Request(input, init), {
        remoteAddr: { hostname: "10.0.0.2", port: 40000, transport: "tcp" },
      })) as typeof fetch;
  const web = createWebApp({
    config: loadConfig(WebEnvSchema, { CORE_SERVICE_URL: "http://core.internal:8002" }),
    logger: createLogger({ service: "test", level: "error", write: () => {} }),
    fetch: webToCore,
  });
  const client = (ip: string) => ({ remoteAddr: { hostname: ip, port: 50000, transport: "tcp" } });
  const login = (ip: string, email: string, password: string, forged?: string) =>
    web.request(
      "/api/auth/login",
      json("POST", { email, password }, forged ? { "x-forwarded-for": forged } : {}),
      client(ip),
    );
  await register(core, "victim@example.com", "the right password");
  // 20 wrong sign-ins on different accounts, each claiming another address.
  const spray = await Promise.all(
    Array.from(
      { length: 20 },
      (_, i) => statusOf(login("198.51.100.66", `u${i}@example.com`, "guess", `192.0.2.${i}`)),
    ),
  );
  assert.deepEqual([...new Set(spray)], [401]);
  const more = await login("198.51.100.66", "u99@example.com", "guess", "192.0.2.200");
  assert.equal(more.status, 429, "counted under its real address despite the forged header");
  const owner = await login("203.0.113.9", "victim@example.com", "the right password");
  assert.equal(owner.status, 200, "another client is not affected");
  assert.ok(cookiesOf(owner).session);
  await deps.db.close();
});
