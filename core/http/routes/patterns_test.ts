import assert from "node:assert/strict";
import { patternToWire } from "../../patterns/wire.ts";
import { PatternsResponseSchema } from "@trading/shared/schemas";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { detectChartPatterns } from "../../patterns/mod.ts";
import { firstBars } from "../../market_data/series.ts";

const { app, deps } = await testCoreApp();

Deno.test("GET /api/symbols/:symbol/patterns - patterns, candlesticks and levels of a range", async () => {
  const res = await app.request(
    "/api/symbols/aapl/patterns?from=2016-01-01&to=2017-12-31&candles=1",
  );
  assert.equal(res.status, 200);
  const body = PatternsResponseSchema.parse(await res.json());
  assert.equal(body.symbol, "AAPL");
  assert.equal(body.from, "2016-01-04");
  assert.equal(body.to, "2017-12-29");
  assert.ok(body.patterns.length > 0 && body.candlesticks.length > 0 && body.levels.length > 0);
  for (const p of body.patterns) {
    assert.ok(p.end_date >= "2016-01-04" && p.end_date <= "2017-12-29");
  }
  for (const c of body.candlesticks) assert.ok(c.date >= "2016-01-04" && c.date <= "2017-12-29");
  // detection reads the history up to `to` only: the same as detecting on the cut series
  const s = await deps.series.get("AAPL");
  const end = s.dates.indexOf("2017-12-29") + 1;
  const cut = detectChartPatterns(firstBars(s, end)).filter((m) => m.endDate >= "2016-01-04");
  assert.deepEqual(body.patterns, JSON.parse(JSON.stringify(cut.map(patternToWire))));
});

Deno.test("GET /api/symbols/:symbol/patterns - kinds, candles and min_confidence filter", async () => {
  const res = await app.request(
    "/api/symbols/SPX/patterns?kinds=double_top,double_bottom&min_confidence=0.6",
  );
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.ok(body.patterns.length > 0);
  for (const p of body.patterns) {
    assert.ok(["double_top", "double_bottom"].includes(p.kind));
    assert.ok(p.confidence >= 0.6);
  }
  assert.deepEqual(body.candlesticks, [], "candlesticks only on request");
  const hammers = await (await app.request("/api/symbols/SPX/patterns?kinds=hammer")).json();
  assert.deepEqual(hammers.patterns, []);
  assert.ok(hammers.candlesticks.length > 0);
  assert.ok(hammers.candlesticks.every((c: { kind: string }) => c.kind === "hammer"));
  const none = await (await app.request("/api/symbols/SPX/patterns?kinds=hammer&candles=0")).json();
  assert.deepEqual(none.candlesticks, []);
});

Deno.test("GET /api/symbols/:symbol/patterns - an empty range answers empty lists", async () => {
  const res = await app.request("/api/symbols/NVDA/patterns?from=2030-01-01");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(body, {
    symbol: "NVDA",
    from: null,
    to: null,
    patterns: [],
    candlesticks: [],
    levels: [],
    interval: "1d",
  });
});

Deno.test("GET /api/symbols/:symbol/patterns - bad kind, date or confidence is a 422 naming the field", async () => {
  for (
    const [qs, field] of [
      ["kinds=double_top,triple_top", "kinds"],
      ["from=2017-02-30", "from"],
      ["from=2017-05-02&to=2017-05-01", "from"],
      ["min_confidence=1.5", "min_confidence"],
      ["min_confidence=abc", "min_confidence"],
      ["candles=yes", "candles"],
    ]
  ) {
    const res = await app.request(`/api/symbols/AAPL/patterns?${qs}`);
    assert.equal(res.status, 422, qs);
    const body = await res.json();
    assert.equal(body.error.code, "validation_error");
    assert.equal(body.error.details[0].field, field, qs);
  }
  const res = await app.request("/api/symbols/AAPL/patterns?kinds=triple_top");
  assert.match((await res.json()).error.message, /triple_top/);
});

Deno.test("GET /api/symbols/:symbol/patterns - unknown symbol is a 404", async () => {
  const res = await app.request("/api/symbols/ZZZZ/patterns");
  assert.equal(res.status, 404);
  assert.match((await res.json()).error.message, /ZZZZ/);
});

Deno.test("GET /openapi.json - documents the patterns route", async () => {
  const doc = await (await app.request("/openapi.json")).json();
  assert.ok(doc.paths["/api/symbols/{symbol}/patterns"].get);
});
