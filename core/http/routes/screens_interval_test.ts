import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

Deno.test("POST /api/screens - interval 1w/1mo screens weekly and monthly bars, freshness from the daily data", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const run = async (body: Record<string, unknown>) => {
      const res = await app.request("/api/screens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rule: "close > 0", universe: ["SPY"], columns: ["close"], ...body }),
      });
      return { status: res.status, body: await res.json() };
    };
    const daily = await run({});
    const weekly = await run({ interval: "1w" });
    const monthly = await run({ interval: "1mo", columns: ["close", "sma(3)"] });
    assert.equal(weekly.status, 200);
    // lean/SPY.csv ends on Wednesday 2021-03-31: its week starts 2021-03-29, its month 2021-03-01
    assert.equal(weekly.body.rows[0].as_of, "2021-03-29");
    assert.equal(monthly.body.rows[0].as_of, "2021-03-01");
    const candles = await (await app.request("/api/symbols/SPY/candles?interval=1mo&limit=3"))
      .json();
    const closes = candles.candles.map((c: { close: number }) => c.close);
    assert.equal(monthly.body.rows[0].values[0], closes[2]);
    const mean = (closes[0] + closes[1] + closes[2]) / 3;
    assert.ok(Math.abs(monthly.body.rows[0].values[1] - mean) < 1e-9, "sma(3) of monthly closes");
    assert.equal(weekly.body.rows[0].stale, daily.body.rows[0].stale);
    assert.equal(monthly.body.rows[0].closes.at(-1), closes[2], "the sparkline's monthly closes");
    const bad = await run({ interval: "5m" });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.error.details.some((d: { field: string }) => d.field === "interval"));
  } finally {
    await deps.db.close();
  }
});
