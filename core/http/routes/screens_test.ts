import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { json, register } from "../../auth/test_http.ts";

const { app, deps } = await testCoreApp();
const screen = (body: unknown, headers: Record<string, string> = {}) =>
  app.request("/api/screens", json("POST", body, headers));

Deno.test("GET /api/rules/functions - the catalogue with indicators, terms and bounds", async () => {
  const res = await app.request("/api/rules/functions");
  assert.equal(res.status, 200);
  const body = await res.json();
  const names = body.functions.map((f: { name: string }) => f.name);
  for (const n of ["close", "rsi", "macd", "crosses_above", "within", "pattern", "candle"]) {
    assert.ok(names.includes(n), n);
  }
  assert.deepEqual(body.limits, { max_length: 2000, max_nesting: 32, max_lookback: 5000 });
});

Deno.test("POST /api/screens - every symbol where the rule holds, with columns, freshness and closes", async () => {
  const all = await (await screen({ rule: "close > 0", columns: ["close", "rsi(14)"] })).json();
  const symbols = (await deps.market.listSymbols({ all: true })).filter((s) => s.bars > 0);
  assert.equal(all.screened, symbols.length);
  assert.equal(all.rows.length, symbols.length, "close > 0 everywhere");
  const aapl = all.rows.find((r: { symbol: string }) => r.symbol === "AAPL");
  const s = await deps.series.get("AAPL");
  assert.equal(aapl.as_of, s.dates.at(-1));
  assert.equal(aapl.values[0], s.close.at(-1));
  assert.equal(aapl.closes.length, 60);
  assert.equal(aapl.closes.at(-1), s.close.at(-1));
  assert.equal(aapl.stale, true, "the bundled 2021 bars are older than the last session");
  assert.ok(aapl.bars_since_true > 1000);

  const sorted = await (await screen({
    rule: "close > 0",
    columns: ["rsi(14)"],
    sort: { by: 0, order: "desc" },
    limit: 3,
  })).json();
  assert.equal(sorted.rows.length, 3);
  assert.equal(sorted.matched, symbols.length);
  const v = sorted.rows.map((r: { values: number[] }) => r.values[0]);
  assert.deepEqual(v, [...v].sort((a, b) => b - a));
  assert.equal(v[0], Math.max(...all.rows.map((r: { values: number[] }) => r.values[1] ?? -1)));
});

Deno.test("POST /api/screens - as_of, a symbol list and bars since true", async () => {
  const r = await (await screen({
    rule: "close > sma(50)",
    universe: ["aapl", "spy", "NOPE"],
    as_of: "2016-06-30",
  })).json();
  assert.equal(r.screened, 2, "unknown symbols are left out");
  const s = await deps.series.get("AAPL");
  const i = s.dates.findLastIndex((d) => d <= "2016-06-30");
  for (const row of r.rows) {
    assert.equal(row.as_of, s.dates[i]);
    assert.equal(row.stale, false);
  }
  // bars_since_true counts back to the bar the rule became true
  const w = await (await screen({ rule: "within(close > sma(50), 3)", universe: ["AAPL"] }))
    .json();
  if (w.rows.length) assert.ok(w.rows[0].bars_since_true >= 0);
});

Deno.test("POST /api/screens - symbols served by name but outside the universe are screened on first mention", async () => {
  // SPX and QCOM (extra/SPX.csv, extra/QCOM_2017.csv) are loaded on first use; nothing in this
  // file asked for them before
  const r = await (await screen({
    rule: "close > 0",
    universe: ["SPX", "QCOM", "NOPE"],
    columns: ["close"],
  })).json();
  assert.equal(r.screened, 2, "loaded by the screen itself, as a candles request would");
  assert.deepEqual(
    r.rows.map((x: { symbol: string; as_of: string; values: number[] }) => [
      x.symbol,
      x.as_of,
      x.values[0],
    ]),
    [["SPX", "2020-04-17", 2874.560059], ["QCOM", "2017-12-29", 64.02]],
  );
  const listed = await (await app.request("/symbols")).json();
  assert.ok(!listed.symbols.some((x: { symbol: string }) => x.symbol === "SPX"), "not listed");
});

Deno.test("POST /api/screens - a broken rule or column is a 422 rule_invalid with its span", async () => {
  const bad = await screen({ rule: "rsl(14) < 30" });
  assert.equal(bad.status, 422);
  const e = (await bad.json()).error;
  assert.equal(e.code, "rule_invalid");
  assert.equal(e.details.field, "rule");
  assert.deepEqual(e.details.span, { line: 1, column: 1, end_line: 1, end_column: 4 });
  const col = await screen({ rule: "close > 1", columns: ["close", "close >"] });
  assert.equal((await col.json()).error.details.field, "columns.1");
  const series = await screen({ rule: "rsi(14)" });
  assert.equal((await series.json()).error.code, "rule_invalid", "a screen needs a condition");
  const big = await screen({ rule: "x".repeat(2001) });
  assert.equal(big.status, 422);
});

Deno.test("/api/screens/saved - create, list, read, replace and delete a user's own screens", async () => {
  const cookie = await register(app, "screener@example.com");
  const other = await register(app, "other@example.com");
  assert.equal((await app.request("/api/screens/saved")).status, 401);
  const created = await app.request(
    "/api/screens/saved",
    json("POST", { name: "Oversold", rule: "rsi(14) < 30", columns: ["rsi(14)"] }, { cookie }),
  );
  assert.equal(created.status, 201, await created.clone().text());
  const s = await created.json();
  assert.equal(s.universe, "all");
  assert.deepEqual(s.columns, ["rsi(14)"]);
  const list = await (await app.request("/api/screens/saved", { headers: { cookie } })).json();
  assert.deepEqual(list.screens.map((x: { id: string }) => x.id), [s.id]);
  const theirs = await app.request(`/api/screens/saved/${s.id}`, { headers: { cookie: other } });
  assert.equal(theirs.status, 404, "another user's screen is not found");
  const put = await app.request(
    `/api/screens/saved/${s.id}`,
    json("PUT", { name: "Oversold 25", rule: "rsi(14) < 25", universe: ["AAPL"] }, { cookie }),
  );
  assert.equal(put.status, 200);
  assert.equal((await put.json()).rule, "rsi(14) < 25");
  const broken = await app.request(
    "/api/screens/saved",
    json("POST", { name: "x", rule: "rsi(14) <" }, { cookie }),
  );
  assert.equal((await broken.json()).error.code, "rule_invalid");
  const del = await app.request(`/api/screens/saved/${s.id}`, {
    method: "DELETE",
    headers: { cookie },
  });
  assert.equal(del.status, 200);
  const gone = await app.request(`/api/screens/saved/${s.id}`, { headers: { cookie } });
  assert.equal(gone.status, 404);
});

Deno.test({
  name: "close the database",
  fn: () => deps.db.close(),
  sanitizeResources: false,
  sanitizeOps: false,
});
