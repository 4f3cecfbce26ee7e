import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

const { app } = await testCoreApp();

Deno.test("GET /symbols - the 13 symbols of the default universe with their extent", async () => {
  const res = await app.request("/symbols");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.total, 13);
  assert.deepEqual(
    body.symbols.map((s: { symbol: string }) => s.symbol).sort(),
    [
      "AAPL",
      "AMD",
      "AMZN",
      "CSCO",
      "FB",
      "GOOGL",
      "INTC",
      "MSFT",
      "NFLX",
      "NVDA",
      "QQQ",
      "SPY",
      "TSLA",
    ],
  );
  // LEAN's daily AAPL: lean/AAPL.csv has 5,849 rows, 1998-01-02 .. 2021-03-31
  const aapl = body.symbols.find((s: { symbol: string }) => s.symbol === "AAPL");
  assert.deepEqual([aapl.first, aapl.last, aapl.bars], ["1998-01-02", "2021-03-31", 5849]);
});

Deno.test("GET /api/symbols/:symbol/candles - range and limit from the stored real bars", async () => {
  const res = await app.request("/api/symbols/aapl/candles?from=2018-05-01&to=2018-05-11&limit=3");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.symbol, "AAPL");
  assert.deepEqual(body.candles.map((c: { date: string }) => c.date), [
    "2018-05-09",
    "2018-05-10",
    "2018-05-11",
  ]);
  // lean/AAPL.csv: 188.59 as traded on 2018-05-11, served split-adjusted for 2020's 4:1 split
  assert.equal(body.candles[2].close, 188.59 / 4);
  const raw = await (await app.request(
    "/api/symbols/AAPL/candles?from=2018-05-11&to=2018-05-11&adjust=none",
  )).json();
  assert.equal(raw.candles[0].close, 188.59);
});

Deno.test("GET /api/symbols/:symbol/candles - rejects bad input with 422 naming the field", async () => {
  for (
    const [qs, field] of [["from=2018-02-30", "from"], ["from=2018-05-02&to=2018-05-01", "from"], [
      "limit=0",
      "limit",
    ], ["limit=abc", "limit"]]
  ) {
    const res = await app.request(`/api/symbols/AAPL/candles?${qs}`);
    assert.equal(res.status, 422, qs);
    const body = await res.json();
    assert.equal(body.error.code, "validation_error");
    assert.equal(body.error.details[0].field, field, qs);
  }
  const bad = await app.request("/api/symbols/%3Cscript%3E/candles");
  assert.equal(bad.status, 422);
});

Deno.test("GET /api/symbols/:symbol/candles - unknown symbol is a 404 naming it", async () => {
  const res = await app.request("/api/symbols/ZZZZ/candles");
  assert.equal(res.status, 404);
  const body = await res.json();
  assert.match(body.error.message, /ZZZZ/);
  assert.match(body.error.message, /deno task import/);
});

Deno.test("GET /api/symbols/:symbol/quote - last close, change and 52-week range", async () => {
  const res = await app.request("/api/symbols/AAPL/quote");
  const q = await res.json();
  // the last two rows of lean/AAPL.csv (after the 2020 split: as traded = split-adjusted)
  assert.equal(q.date, "2021-03-31");
  assert.equal(q.close, 122.15);
  assert.equal(q.previous_close, 119.9);
  assert.ok(q.high_52w >= q.close && q.low_52w <= q.close);
});

Deno.test("unknown route - JSON 404 with the error body and a request id header", async () => {
  const res = await app.request("/nope", { headers: { "x-request-id": "abc-123" } });
  assert.equal(res.status, 404);
  assert.equal(res.headers.get("x-request-id"), "abc-123");
  const body = await res.json();
  assert.equal(body.error.code, "not_found");
  assert.equal(body.error.request_id, "abc-123");
});

Deno.test("GET /openapi.json and /docs - document every route", async () => {
  const doc = await (await app.request("/openapi.json")).json();
  assert.ok(doc.paths["/api/symbols/{symbol}/candles"].get);
  assert.ok(doc.paths["/symbols"].get);
  const html = await (await app.request("/docs")).text();
  assert.match(html, /\/api\/symbols\/\{symbol\}\/candles/);
});
