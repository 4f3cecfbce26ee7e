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

Deno.test("GET /health - a database failure names neither the database's address nor the driver's error; the log does", async () => {
  const { deps, logs } = await testCoreApp();
  const fail = () => Promise.reject(new Error("connect ECONNREFUSED 10.4.5.6:5432"));
  const { createCoreApp } = await import("../../app.ts");
  const market = Object.create(deps.market, {
    countSymbols: { value: fail },
    universeHealth: { value: fail },
  });
  const app = createCoreApp({ ...deps, market });
  const res = await app.request("/health");
  assert.equal(res.status, 503);
  const text = await res.text();
  assert.ok(!/10\.4\.5\.6|ECONNREFUSED/.test(text), text);
  assert.ok(logs.join("").includes("10.4.5.6"), "the cause is logged");
  await deps.db.close();
});
