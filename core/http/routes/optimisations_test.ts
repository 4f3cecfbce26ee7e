import { Hono } from "hono";
import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { errorHandler } from "@trading/shared/http";
import { OptimisationJobSchema, OptimisationResultSchema } from "@trading/shared/schemas";
import { optimisationJobsFor, optimisationsRoutes } from "./optimisations.ts";
// The worker module joins the static graph so it is type-checked with the test, not at run time.
import type {} from "../../optimise/grid_worker.ts";

const { app, deps } = await testCoreApp();

const post = (body: unknown) =>
  app.request("/api/optimisations", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function until(id: string) {
  for (let k = 0; k < 600; k++) {
    const job = await (await app.request(`/api/optimisations/${id}`)).json();
    if (job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("job did not finish in 30 s");
}

Deno.test("POST /api/optimisations - grid on workers, heat-map, walk-forward, progress and SSE", async (t) => {
  try {
    await t.step("a grid with a heat-map and walk-forward finishes with ranked rows", async () => {
      const res = await post({
        symbol: "SPY",
        strategy: "sma_cross",
        grid: { fast: [5, 10, 20, 40], slow: [50, 100, 150, 200] },
        from: "2004-01-01",
        to: "2012-12-31",
        fee_bps: 5,
        walk_forward: { in_sample: 504, out_of_sample: 126 },
      });
      assert.equal(res.status, 202);
      const started = await res.json();
      assert.equal(started.status, "running");
      assert.equal(started.kind, "walk_forward");
      assert.ok(started.total > 16);
      const job = await until(started.id);
      assert.equal(job.status, "done", job.error);
      assert.equal(job.done, job.total);
      assert.equal(job.progress, 1);
      // the wire type web imports describes exactly what core sends (strict: no extra keys)
      const strict = OptimisationJobSchema.extend({
        result: OptimisationResultSchema.strict(),
      }).strict();
      strict.parse(job);
      const r = job.result;
      assert.equal(r.combinations, 16);
      assert.ok(r.top[0].score >= r.top[1].score);
      assert.deepEqual(r.heatmap.x.values, [5, 10, 20, 40]);
      assert.deepEqual(r.heatmap.y.values, [50, 100, 150, 200]);
      assert.ok(r.heatmap.robust);
      const wf = r.walk_forward;
      assert.ok(wf.segments.length >= 10);
      assert.equal(wf.equity[0].date, wf.segments[0].oos_from);
      assert.ok(wf.segments.every((s: { params: unknown }) => s.params !== null));
    });

    await t.step("invalid combinations are skipped; impossible requests are 422", async () => {
      const res = await post({
        symbol: "AAPL",
        strategy: "sma_cross",
        grid: { fast: [10, 60], slow: [20, 50] }, // 60 ≥ 20 and 60 ≥ 50 are invalid
      });
      assert.equal(res.status, 202);
      const job = await until((await res.json()).id);
      assert.equal(job.result.combinations, 2);
      assert.equal(job.result.skipped, 2);
      for (
        const [body, field] of [
          [{ symbol: "AAPL", strategy: "sma_cross", grid: { speed: [1] } }, "grid.speed"],
          [{ symbol: "AAPL", strategy: "sma_cross", grid: { fast: [60], slow: [20] } }, "grid"],
          [{ symbol: "AAPL", strategy: "sma_cross", stop_loss_pct: 5 }, "stop_loss_pct"],
          [{ symbol: "AAPL", strategy: "nope" }, "strategy"],
          [{ symbol: "AAPL", strategy: "pattern_breakout" }, "strategy"],
          [{
            symbol: "SPY",
            strategy: "sma_cross",
            walk_forward: { in_sample: 300, out_of_sample: 5 }, // 5,849 bars: 1,110 windows
          }, "walk_forward.out_of_sample"],
          [{
            symbol: "AAPL",
            strategy: "sma_cross",
            from: "2013-05-13", // 1,260 bars of lean/AAPL.csv, fewer than in_sample + 1
            to: "2018-05-11",
            walk_forward: { in_sample: 1500, out_of_sample: 100 },
          }, "walk_forward.in_sample"],
        ] as const
      ) {
        const bad = await post(body);
        assert.equal(bad.status, 422, JSON.stringify(body));
        assert.equal((await bad.json()).error.details[0].field, field);
      }
    });

    await t.step("a second job while one runs is 429 with Retry-After", async () => {
      // the routes alone, their request rate limit counting in a later window: the earlier steps
      // used up this client's 10 requests a minute, and this step tests the one-job-per-client
      // limit of the job queue, not the request limit
      const direct = new Hono();
      direct.use(async (c, next) => {
        const runtime = { db: deps.db, now: () => Date.now() + 3_600_000, proxyHops: 0 };
        c.set("authRuntime" as never, runtime as never);
        c.set("user" as never, null as never);
        await next();
      });
      optimisationsRoutes.mount(direct, deps);
      direct.onError(errorHandler(deps.logger));
      const postDirect = (body: unknown) =>
        direct.request("/api/optimisations", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const body = { symbol: "SPY", strategy: "sma_cross", walk_forward: {} };
      const first = await postDirect(body);
      assert.equal(first.status, 202);
      const second = await postDirect(body); // the same anonymous client
      assert.equal(second.status, 429);
      assert.equal(second.headers.get("retry-after"), "10");
      assert.match((await second.json()).error.message, /already running for you/);
      assert.equal((await until((await first.json()).id)).status, "done");
    });

    await t.step("the SSE stream reports progress then done", async () => {
      const res = await post({
        symbol: "SPY",
        strategy: "rsi_reversion",
        grid: { period: [2, 5, 10, 14, 21], lower: [10, 20, 30], upper: [70, 80, 90] },
      });
      const { id } = await res.json();
      const sse = await app.request(`/api/optimisations/${id}/events`);
      assert.equal(sse.headers.get("content-type"), "text/event-stream");
      const text = await sse.text();
      assert.match(text, /event: progress\ndata: \{"done":\d+,"total":45\}/);
      assert.match(text, /event: done\ndata: \{"id":"/);
      assert.equal((await app.request(`/api/optimisations/${crypto.randomUUID()}`)).status, 404);
    });
  } finally {
    await optimisationJobsFor(deps).close();
    await deps.db.close();
  }
});
