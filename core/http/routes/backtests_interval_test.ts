import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { parseOhlcvCsv } from "../../market_data/csv.ts";
import { seriesFromBars } from "../../market_data/series.ts";
import { aggregateCalendar } from "../../timeframes/aggregate.ts";
// The worker module joins the static graph so it is type-checked with the test.
import type {} from "../../optimise/grid_worker.ts";

const post =
  (app: { request: (u: string, i: RequestInit) => Response | Promise<Response> }) =>
  (path: string, body: unknown) =>
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

Deno.test("POST /api/backtests - weekly and monthly bars, never deciding on the partial month, annualised per interval", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const p = post(app);
    const run = async (interval: string) => {
      const res = await p("/api/backtests", {
        symbol: "SPX",
        strategy: "sma_cross",
        params: { fast: 4, slow: 12 },
        from: "2010-01-01",
        interval,
      });
      assert.equal(res.status, 201, await res.clone().text());
      return await res.json();
    };
    const weekly = await run("1w");
    assert.equal(weekly.interval, "1w");
    assert.equal(weekly.from, "2010-01-04");
    assert.equal(weekly.to, "2020-04-13", "the week of Friday 2020-04-17 has ended: it is used");
    const monthly = await run("1mo");
    assert.equal(monthly.to, "2020-03-02", "April 2020 (stored to the 17th) is partial: left out");
    const text = Deno.readTextFileSync(new URL("../../data/market/extra/SPX.csv", import.meta.url));
    const spxMonthly = aggregateCalendar(seriesFromBars("SPX", parseOhlcvCsv(text).bars), "1mo");
    const first = spxMonthly.dates.indexOf("2010-01-04");
    assert.equal(monthly.equity.length, spxMonthly.dates.length - 1 - first);
    // buy-and-hold over the months: CAGR uses 12 bars a year
    const bars = monthly.benchmark.bars;
    const total = monthly.benchmark.total_return;
    assert.ok(Math.abs(monthly.benchmark.cagr - ((1 + total) ** (12 / bars) - 1)) < 1e-9);
    const daily = await run("1d");
    assert.equal(daily.to, "2020-04-17");
    const bad = await p("/api/backtests", { symbol: "SPX", strategy: "sma_cross", interval: "2w" });
    assert.equal(bad.status, 422);
    assert.ok(
      (await bad.json()).error.details.some((d: { field: string }) => d.field === "interval"),
    );
  } finally {
    await deps.db.close();
  }
});

Deno.test("POST /api/optimisations - a weekly grid runs on weekly bars", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const res = await post(app)("/api/optimisations", {
      symbol: "SPX",
      strategy: "sma_cross",
      grid: { fast: [4, 8], slow: [20, 30] },
      interval: "1w",
    });
    assert.equal(res.status, 202, await res.clone().text());
    const { id } = await res.json();
    let job = null;
    for (let k = 0; k < 600; k++) {
      job = await (await app.request(`/api/optimisations/${id}`)).json();
      if (job.status !== "running") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(job.status, "done", JSON.stringify(job));
    const text = Deno.readTextFileSync(new URL("../../data/market/extra/SPX.csv", import.meta.url));
    const weeks = aggregateCalendar(seriesFromBars("SPX", parseOhlcvCsv(text).bars), "1w");
    assert.equal(job.result.top[0].metrics.bars, weeks.dates.length, "one equity point a week");
  } finally {
    await deps.db.close();
  }
});
