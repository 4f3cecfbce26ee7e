import assert from "node:assert/strict";
import { removeSqlite, startService, tempSqliteUrl } from "./services.ts";

Deno.test({
  name: "startService() - a port answered by another service is not taken for ours being ready",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    // a parallel test's core took the port between freePort() and our bind: before the check, a
    // chart (or web) started on it was "ready" because the core answered /health/live
    const dbUrl = tempSqliteUrl("port-race");
    const core = await startService("core", { DATABASE_URL: dbUrl, LOG_LEVEL: "warn" });
    try {
      await assert.rejects(
        startService("chart", { CORE_SERVICE_URL: core.url }, { port: core.port }),
        /port \d+ (answered as core-api|taken)/,
      );
      const r = await fetch(`${core.url}/health/live`);
      assert.equal(
        (await r.json()).service,
        "core-api",
        "the core that held the port is untouched",
      );
    } finally {
      await core.stop();
      removeSqlite(dbUrl);
    }
  },
});
