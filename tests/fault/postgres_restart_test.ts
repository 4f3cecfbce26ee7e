/**
 * PostgreSQL restarted under a running core: while it is down core answers JSON (503 for what
 * needs the database, never a 500 or a crash), and once it is back core reconnects by itself
 * within 5 s, without a restart.
 *
 * @module
 */
import assert from "node:assert/strict";
import { sharedPostgres } from "../helpers/postgres.ts";
import { startService } from "../helpers/services.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

Deno.test({
  name: "fault - PostgreSQL restart: core answers 503 JSON while it is down and reconnects",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const pg = await sharedPostgres();
    const url = await pg.createDatabase();
    const core = await startService("core", {
      DATABASE_URL: `${url}?retry_for_ms=500`,
      LOG_LEVEL: "warn",
    }, { readyPath: "/health" });
    try {
      assert.equal((await fetch(`${core.url}/health`).then((r) => r.json())).status, "healthy");
      for (const mode of ["fast", "immediate"] as const) {
        await pg.stopServer(mode);
        for (const path of ["/health", "/symbols", "/api/symbols/AAPL/quote"]) {
          const r = await fetch(`${core.url}${path}`, { signal: AbortSignal.timeout(8000) });
          const type = r.headers.get("content-type") ?? "";
          const body = await r.text();
          assert.ok(r.status === 200 || r.status === 503, `${mode} ${path}: ${r.status} ${body}`);
          assert.match(type, /json/, `${path} answers JSON`);
          if (path === "/symbols") assert.equal(r.status, 503, "the database is needed here");
        }
        await sleep(300);
        await pg.startServer();
        const t0 = performance.now();
        let back = NaN;
        while (performance.now() - t0 < 10_000) {
          const r = await fetch(`${core.url}/symbols`);
          await r.body?.cancel();
          if (r.status === 200) {
            back = performance.now() - t0;
            break;
          }
          await sleep(100);
        }
        assert.ok(back <= 5000, `${mode} stop: core served /symbols again after ${back} ms`);
        // deno-lint-ignore no-console
        console.log(
          `PostgreSQL ${mode} restart: core served again ${Math.round(back)} ms after start`,
        );
      }
      const h = await fetch(`${core.url}/health`);
      assert.equal(h.status, 200);
      await h.body?.cancel();
      assert.doesNotMatch(core.output(), /"status":500/, "no 500 during the outage");
    } finally {
      await core.stop();
    }
  },
});
