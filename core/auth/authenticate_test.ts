import assert from "node:assert/strict";
import { accountsApp } from "./test_http.ts";

Deno.test("authenticate() - warns once when a proxy's X-Forwarded-For arrives but TRUST_PROXY_HOPS=0", async () => {
  const { app, deps, logs } = await accountsApp();
  const warnings = () => logs.filter((l) => l.includes("TRUST_PROXY_HOPS=0")).length;
  await app.request("/api/auth/providers");
  assert.equal(warnings(), 0, "no header, no warning");
  for (let i = 0; i < 3; i++) {
    await app.request("/api/auth/providers", { headers: { "x-forwarded-for": "203.0.113.7" } });
  }
  assert.equal(warnings(), 1, "once per process, not per request");
  const hops = await accountsApp({ TRUST_PROXY_HOPS: "1" });
  await hops.app.request("/api/auth/providers", { headers: { "x-forwarded-for": "203.0.113.7" } });
  assert.equal(hops.logs.filter((l) => l.includes("TRUST_PROXY_HOPS=0")).length, 0);
  await deps.db.close();
  await hops.deps.db.close();
});
