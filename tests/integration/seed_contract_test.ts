import assert from "node:assert/strict";
import {
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "../helpers/services.ts";

Deno.test({
  name: "seed contract - the three services as real processes answer the seed's checks",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("seed");
    const running: RunningService[] = [];
    try {
      const core = await startService("core", { DATABASE_URL: dbUrl });
      running.push(core);
      const chart = await startService("chart", { CORE_SERVICE_URL: core.url }, { readyPath: "/" });
      running.push(chart);
      const web = await startService("web", {
        CORE_SERVICE_URL: core.url,
        CHART_SERVICE_URL: chart.url,
      }, { readyPath: "/health" });
      running.push(web);

      const health = await fetch(`${core.url}/health`);
      assert.equal(health.status, 200);
      assert.equal((await health.json()).status, "healthy");

      const symbols = await (await fetch(`${core.url}/symbols`)).json();
      assert.equal(symbols.total, 13);

      const bad = await fetch(`${core.url}/api/symbols/AAPL/candles?from=not-a-date`);
      assert.equal(bad.status, 422);
      assert.equal((await bad.json()).error.details[0].field, "from");

      const unknown = await fetch(`${core.url}/no/such/path`);
      assert.equal(unknown.status, 404);
      assert.equal((await unknown.json()).error.code, "not_found");

      const chartIndex = await (await fetch(`${chart.url}/`)).json();
      assert.equal(chartIndex.service, "Chart Generation Service");
      const chartHealth = await fetch(`${chart.url}/health`);
      assert.equal(chartHealth.status, 200);
      assert.equal((await chartHealth.json()).status, "healthy");

      const page = await (await fetch(`${web.url}/`)).text();
      assert.match(page, /AAPL/);

      const lines = core.output().split("\n").filter((l) => l.startsWith("{"));
      const req = lines.map((l) => JSON.parse(l)).find((l) =>
        l.msg === "request" && l.path === "/symbols"
      );
      assert.ok(req, "core logs one JSON line per request");
      assert.ok(req.request_id && typeof req.ms === "number" && req.status === 200);
    } finally {
      for (const s of running.reverse()) await s.stop();
      removeSqlite(dbUrl);
    }
  },
});
