/**
 * Kill the chart service (SIGKILL) under load: core and web keep answering (their own routes
 * 200; chart-backed routes 502/503/504 JSON, quickly), and after chart restarts on the same
 * port they serve charts again within 5 s.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  freePort,
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "../helpers/services.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

Deno.test({
  name: "fault - chart killed under load: core and web keep answering, charts recover within 5 s",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("fault-chart");
    const running: RunningService[] = [];
    try {
      const chartPort = freePort();
      const core = await startService("core", {
        DATABASE_URL: dbUrl,
        LOG_LEVEL: "warn",
        CHART_SERVICE_URL: `http://127.0.0.1:${chartPort}`,
      });
      running.push(core);
      const chart = await startService("chart", { CORE_SERVICE_URL: core.url, LOG_LEVEL: "warn" }, {
        port: chartPort,
      });
      running.push(chart);
      const web = await startService("web", {
        CORE_SERVICE_URL: core.url,
        CHART_SERVICE_URL: chart.url,
        LOG_LEVEL: "warn",
      }, { readyPath: "/health" });
      running.push(web);

      const own = [
        `${core.url}/api/symbols/AAPL/candles?limit=250`,
        `${core.url}/symbols`,
        `${web.url}/`,
      ];
      const chartBacked = [`${core.url}/chart/AAPL?format=svg`, `${web.url}/charts/AAPL.svg`];
      const failures: string[] = [];
      let served = 0;
      let degraded = 0;
      let stop = false;
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const all = [...own, ...chartBacked];
          const url = all[(w + i) % all.length]!;
          const t0 = performance.now();
          try {
            const r = await fetch(url, { signal: AbortSignal.timeout(8000) });
            const type = r.headers.get("content-type") ?? "";
            await r.arrayBuffer();
            if (own.includes(url)) {
              if (r.status !== 200) failures.push(`${url} ${r.status}`);
            } else if (r.status !== 200) {
              degraded++;
              if (!(r.status >= 502 && r.status <= 504 && type.includes("json"))) {
                failures.push(`${url} ${r.status} ${type}`);
              }
            }
            if (performance.now() - t0 > 7000) {
              failures.push(`${url} took ${performance.now() - t0} ms`);
            }
            served++;
          } catch (e) {
            failures.push(`${url} ${(e as Error).message}`);
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      await sleep(1500);
      chart.child.kill("SIGKILL");
      await chart.child.status;
      await sleep(2500);
      const restarted = await startService("chart", {
        CORE_SERVICE_URL: core.url,
        LOG_LEVEL: "warn",
      }, {
        port: chart.port,
        readyPath: "/health/live",
      });
      running[1] = restarted;
      const t0 = performance.now();
      let recovered = NaN;
      while (performance.now() - t0 < 10_000) {
        const a = await fetch(chartBacked[0]!);
        const b = await fetch(chartBacked[1]!);
        await a.arrayBuffer();
        await b.arrayBuffer();
        if (a.status === 200 && b.status === 200) {
          recovered = performance.now() - t0;
          break;
        }
        await sleep(100);
      }
      stop = true;
      await Promise.all(workers);
      assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
      assert.ok(degraded > 0, "chart-backed routes did notice the outage");
      assert.ok(recovered <= 5000, `charts served again ${recovered} ms after chart restarted`);
      // deno-lint-ignore no-console
      console.log(
        `chart kill: ${served} requests, ${degraded} degraded JSON answers, recovered in ${
          Math.round(recovered)
        } ms`,
      );
    } finally {
      for (const s of running.reverse()) await s.stop();
      removeSqlite(dbUrl);
    }
  },
});
