/**
 * Slow clients cannot hold the services' connections: against real core, chart and web
 * processes, connections trickling one header line every 2 s, or a partial body, are closed
 * at the header (10 s) / body (30 s) deadline, while a normal request is answered meanwhile.
 * (Before the guard, such connections stayed open for as long as the client kept them.)
 *
 * @module
 */
import assert from "node:assert/strict";
import { readAll } from "../helpers/raw_http.ts";
import {
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "../helpers/services.ts";

const enc = new TextEncoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HEADER_DEADLINE_MS = 10_000;
const BODY_DEADLINE_MS = 30_000;
const SLACK_MS = 2_000;

/** A connection that sends `first`, then `more` every 2 s; resolves with how long it stayed open. */
async function trickle(port: number, first: string, more: (i: number) => string) {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const t0 = performance.now();
  await conn.write(enc.encode(first));
  let open = true;
  const closed = readAll(conn).then(() => {
    open = false;
    return performance.now() - t0;
  });
  (async () => {
    for (let i = 0; open; i++) {
      await sleep(2000);
      if (open) await conn.write(enc.encode(more(i))).catch(() => {});
    }
  })();
  const limit = sleep(BODY_DEADLINE_MS + 3 * SLACK_MS).then(() => {
    try {
      conn.close();
    } catch { /* closed */ }
    return Infinity;
  });
  return Promise.race([closed, limit]);
}

Deno.test({
  name:
    "fault - trickled headers (core, chart, web) and a partial body (web) are cut at their deadlines",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("slow-client");
    const running: RunningService[] = [];
    try {
      const core = await startService("core", { DATABASE_URL: dbUrl, LOG_LEVEL: "warn" });
      running.push(core);
      const chart = await startService("chart", { CORE_SERVICE_URL: core.url, LOG_LEVEL: "warn" });
      running.push(chart);
      const web = await startService("web", {
        CORE_SERVICE_URL: core.url,
        CHART_SERVICE_URL: chart.url,
        LOG_LEVEL: "warn",
      });
      running.push(web);
      const header = (port: number) =>
        trickle(port, "GET /health/live HTTP/1.1\r\nhost: x\r\n", (i) => `x-${i}: y\r\n`);
      const heads = [core, chart, web].flatMap((s) =>
        Array.from({ length: 16 }, () => header(s.port))
      );
      const bodies = Array.from({ length: 4 }, () =>
        trickle(
          web.port,
          "POST /api/auth/login HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n" +
            "content-length: 4096\r\n\r\n{",
          () => " ",
        ));
      await sleep(1000);
      const t0 = performance.now();
      const live = await fetch(`${core.url}/health/live`);
      assert.equal(live.status, 200);
      await live.body?.cancel();
      assert.ok(performance.now() - t0 < 1000, "a normal request is answered meanwhile");
      const headMs = await Promise.all(heads);
      const bodyMs = await Promise.all(bodies);
      const worst = (xs: number[]) => Math.round(Math.max(...xs));
      // deno-lint-ignore no-console
      console.log(
        `trickled headers open ≤ ${worst(headMs)} ms, partial bodies ≤ ${worst(bodyMs)} ms`,
      );
      for (const ms of headMs) {
        assert.ok(ms < HEADER_DEADLINE_MS + SLACK_MS, `a trickled header stayed open ${ms} ms`);
      }
      for (const ms of bodyMs) {
        assert.ok(ms < BODY_DEADLINE_MS + SLACK_MS, `a partial body stayed open ${ms} ms`);
      }
    } finally {
      for (const s of running.reverse()) await s.stop();
      removeSqlite(dbUrl);
    }
  },
});
