/**
 * Observability: `/metrics` (Prometheus text, by route pattern and status, DB statements),
 * liveness vs readiness, and one request id across chart → core.
 *
 * @module
 */
import assert from "node:assert/strict";
import { testCoreApp } from "../helpers/core_app.ts";
import {
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "../helpers/services.ts";

Deno.test("core /metrics - requests by route pattern and status, DB statements, in-flight", async () => {
  const { app, deps } = await testCoreApp();
  try {
    await app.request("/api/symbols/AAPL/candles?limit=5");
    await app.request("/api/symbols/MSFT/candles?limit=5");
    await app.request("/api/symbols/AAPL/candles?limit=0");
    await app.request("/health");
    const res = await app.request("/metrics");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0.0.4/);
    const text = await res.text();
    const line = (route: string, status: number) =>
      new RegExp(
        `http_requests_total\\{service="core",method="GET",route="${route}",status="${status}"\\} (\\d+)`,
      );
    assert.equal(text.match(line("/api/symbols/:symbol/candles", 200))?.[1], "2");
    assert.equal(text.match(line("/api/symbols/:symbol/candles", 422))?.[1], "1");
    assert.match(
      text,
      /http_request_duration_seconds_bucket\{service="core",method="GET",route="\/health",status="200",le="0.005"\}/,
    );
    assert.match(
      text,
      /db_queries_total\{service="core",backend="sqlite",op="query",outcome="ok"\} \d+/,
    );
    assert.match(text, /http_requests_in_flight\{service="core"\} 1/, "the scrape itself");
    const live = await app.request("/health/live");
    assert.equal(live.status, 200);
  } finally {
    await deps.db.close();
  }
});

Deno.test({
  name:
    "chart → core - one request id in both services' logs; /metrics and /health/live on all three",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("obs");
    const running: RunningService[] = [];
    try {
      const core = await startService("core", { DATABASE_URL: dbUrl });
      running.push(core);
      const chart = await startService("chart", { CORE_SERVICE_URL: core.url });
      running.push(chart);
      const id = `trace-${crypto.randomUUID().slice(0, 8)}`;
      const svg = await fetch(`${chart.url}/charts/AAPL.svg`, { headers: { "x-request-id": id } });
      assert.equal(svg.status, 200, await svg.clone().text());
      assert.equal(svg.headers.get("x-request-id"), id);
      await svg.body?.cancel();
      const coreLines = core.output().split("\n").filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l));
      assert.ok(
        coreLines.some((l) => l.request_id === id && l.msg === "request"),
        "core logged the chart's call under the caller's request id",
      );
      const web = await startService("web", {
        CORE_SERVICE_URL: core.url,
        CHART_SERVICE_URL: chart.url,
      });
      running.push(web);
      for (const s of [web, chart, core]) {
        assert.equal((await (await fetch(`${s.url}/health/live`)).json()).status, "alive");
        const m = await (await fetch(`${s.url}/metrics`)).text();
        assert.match(m, /# TYPE http_requests_total counter/);
      }
      const m = await (await fetch(`${chart.url}/metrics`)).text();
      assert.match(
        m,
        /http_requests_total\{service="chart",method="GET",route="\/charts\/[^"]+",status="200"\} 1/,
      );
    } finally {
      for (const s of running.reverse()) await s.stop();
      removeSqlite(dbUrl);
    }
  },
});
