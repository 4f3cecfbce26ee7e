import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

Deno.test("GET /health - healthy from real database and data checks", async () => {
  const { app, deps } = await testCoreApp();
  const res = await app.request("/health");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.status, "healthy");
  assert.equal(body.service, "core-api");
  assert.equal(body.checks.database.ok, true);
  assert.equal(body.checks.data.ok, true);
  await deps.db.close();
});

Deno.test("GET /health - 503 degraded when no data is loaded", async () => {
  const { app, deps } = await testCoreApp({ SEED_DATA: "none" });
  const res = await app.request("/health");
  assert.equal(res.status, 503);
  const body = await res.json();
  assert.equal(body.status, "degraded");
  assert.equal(body.checks.data.ok, false);
  await deps.db.close();
});

Deno.test("GET /health - 503 degraded when the database is gone", async () => {
  const { app, deps } = await testCoreApp();
  await deps.db.close();
  const res = await app.request("/health");
  assert.equal(res.status, 503);
  assert.equal((await res.json()).checks.database.ok, false);
});
