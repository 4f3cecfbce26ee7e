import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

const { app } = await testCoreApp();
const post = (path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

Deno.test("GET /api/symbols/:symbol/signals - signals within the range and the score at its last bar", async () => {
  const res = await app.request("/api/symbols/SPY/signals?from=2008-01-01&to=2008-12-31");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.to, "2008-12-31");
  assert.ok(body.signals.length > 5);
  for (const s of body.signals) {
    assert.ok(s.date >= "2008-01-01" && s.date <= "2008-12-31" && s.reason.length > 0);
  }
  assert.equal(body.score.date, "2008-12-31");
  assert.ok(["BUY", "SELL", "HOLD"].includes(body.score.stance));
  const death = body.signals.find((s: { name: string }) => s.name === "death_cross_50_200");
  assert.ok(death === undefined || death.type === "sell");
});

Deno.test("GET /api/symbols/:symbol/signals - filters by family and type; 422 and 404 on bad input", async () => {
  const body = await (await app.request("/api/symbols/AAPL/signals?family=analyst&type=buy"))
    .json();
  assert.ok(body.signals.length > 0);
  assert.ok(
    body.signals.every((s: { family: string; type: string }) =>
      s.family === "analyst" && s.type === "buy"
    ),
  );
  assert.equal((await app.request("/api/symbols/AAPL/signals?family=magic")).status, 422);
  assert.equal((await app.request("/api/symbols/AAPL/signals?from=2030-01-01")).status, 422);
  assert.equal((await app.request("/api/symbols/NOPE/signals")).status, 404);
});

Deno.test("POST /analyze/:symbol - the seed's analysis answer on real data", async () => {
  const res = await post("/analyze/AAPL", { period: "6mo", include_patterns: true });
  assert.equal(res.status, 200);
  const a = await res.json();
  for (
    const k of [
      "symbol",
      "market",
      "period",
      "current_price",
      "price_change",
      "price_change_percent",
      "volume",
      "indicators",
      "patterns",
      "signals",
      "score",
      "ai_analysis",
      "data_points",
      "last_updated",
    ]
  ) {
    assert.ok(k in a, k);
  }
  assert.equal(a.symbol, "AAPL");
  // the last row of lean/AAPL.csv (after the 2020 split: as traded = split-adjusted)
  assert.equal(a.current_price, 122.15);
  assert.equal(a.last_updated, "2021-03-31");
  assert.ok(a.data_points >= 120 && a.data_points <= 130, `6 months of bars, got ${a.data_points}`);
  assert.ok(a.indicators.rsi_14 > 0 && a.indicators.rsi_14 < 100);
  assert.ok(Array.isArray(a.patterns.chart) && Array.isArray(a.patterns.levels));
  assert.equal(a.ai_analysis, null);
  assert.ok(!JSON.stringify(a).includes("NaN"));
});

Deno.test("POST /analyze/:symbol - 422 naming the field for bad bodies, 404 for unknown symbols", async () => {
  for (
    const [body, field] of [[{ period: "7y" }, "period"], [{ language: "fr" }, "language"], [{
      include_ai: "yes",
    }, "include_ai"], [{ extra: 1 }, "body"]] as const
  ) {
    const res = await post("/analyze/AAPL", body);
    assert.equal(res.status, 422, JSON.stringify(body));
    const err = await res.json();
    assert.ok(
      JSON.stringify(err.error.details).includes(field) || err.error.message.includes(field),
      JSON.stringify(err),
    );
  }
  const bad = await app.request("/analyze/AAPL", {
    method: "POST",
    body: "{not json",
    headers: { "content-type": "application/json" },
  });
  assert.equal(bad.status, 422);
  assert.equal((await post("/analyze/NOPE", {})).status, 404);
});
