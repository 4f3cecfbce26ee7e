import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

const { app } = await testCoreApp();

const post = (body: unknown) =>
  app.request("/api/backtests", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

Deno.test("POST /api/backtests - runs, stores and returns metrics, benchmark, trades and equity", async () => {
  const res = await post({
    symbol: "aapl",
    strategy: "sma_cross",
    params: { fast: 10, slow: 50 },
    from: "2014-01-01",
    to: "2016-12-31",
    cash: 50_000,
    fee_bps: 5,
    slippage_bps: 2,
  });
  assert.equal(res.status, 201);
  const body = await res.json();
  assert.match(body.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(body.symbols, ["AAPL"]);
  assert.equal(body.from, "2014-01-02");
  assert.equal(body.to, "2016-12-30");
  assert.ok(body.metrics.trade_count > 0);
  assert.equal(body.metrics.trade_count, body.trades.length);
  assert.equal(body.equity.length, body.metrics.bars);
  assert.equal(body.equity.at(-1).equity, body.metrics.final_equity);
  assert.ok(body.benchmark.total_return > 0); // AAPL rose over 2014–2016
  assert.equal(body.benchmark.trade_count, 1);
  const again = await app.request(`/api/backtests/${body.id}`);
  assert.equal(again.status, 200);
  assert.deepEqual(await again.json(), body);
});

Deno.test("POST /api/backtests - a basket shares the cash and buy-and-hold splits it evenly", async () => {
  const res = await post({
    symbols: ["AMZN", "NVDA", "TSLA"],
    strategy: "ema_cross",
    params: { fast: 5, slow: 20 },
  });
  assert.equal(res.status, 201);
  const body = await res.json();
  assert.deepEqual(body.symbols, ["AMZN", "NVDA", "TSLA"]);
  assert.deepEqual(new Set(body.trades.map((t: { symbol: string }) => t.symbol)).size, 3);
});

Deno.test("POST /api/backtests - protective exits and ATR sizing go through the engine", async () => {
  const res = await post({
    symbol: "SPY",
    strategy: "rsi_reversion",
    from: "2007-01-01",
    to: "2009-12-31",
    stop_loss_pct: 5,
    trailing_stop_pct: 8,
    max_holding_bars: 30,
    sizing: { mode: "atr_risk", risk_percent: 1 },
  });
  assert.equal(res.status, 201);
  const body = await res.json();
  const reasons = new Set(body.trades.map((t: { exit_reason: string }) => t.exit_reason));
  assert.ok(reasons.size >= 2, [...reasons].join());
});

Deno.test("POST /api/backtests - unknown strategy, bad params and a short range are 422 with the reason", async () => {
  const cases: [unknown, string, RegExp][] = [
    [{ symbol: "AAPL", strategy: "moon" }, "strategy", /Unknown strategy "moon"/],
    [
      { symbol: "AAPL", strategy: "sma_cross", params: { fast: 60, slow: 20 } },
      "params.fast",
      /fast must be below slow/,
    ],
    [
      { symbol: "AAPL", strategy: "sma_cross", params: { fast: "x" } },
      "params.fast",
      /params\.fast/,
    ],
    // lean/AAPL.csv has 31 bars from 2021-02-17 to its end (2021-03-31); SMA(50) warms up 49
    [
      { symbol: "AAPL", strategy: "sma_cross", from: "2021-02-17" },
      "from",
      /Range too short: AAPL has 31 bars in the range, sma_cross needs at least 51/,
    ],
    [{ symbol: "AAPL", strategy: "sma_cross", fee_bps: -1 }, "fee_bps", /fee_bps/],
    [{ strategy: "sma_cross" }, "symbol", /symbol/],
  ];
  for (const [body, field, msg] of cases) {
    const res = await post(body);
    assert.equal(res.status, 422, JSON.stringify(body));
    const err = (await res.json()).error;
    assert.equal(err.details[0].field, field, JSON.stringify(err));
    assert.match(err.message, msg);
  }
  const bad = await app.request("/api/backtests", { method: "POST", body: "{nope" });
  assert.equal(bad.status, 422);
});

Deno.test("POST /api/backtests - unknown symbol 404; GET of an unknown id 404", async () => {
  assert.equal((await post({ symbol: "ZZZZ", strategy: "sma_cross" })).status, 404);
  const res = await app.request(`/api/backtests/${crypto.randomUUID()}`);
  assert.equal(res.status, 404);
  assert.equal((await app.request("/api/backtests/not-a-uuid")).status, 422);
});

Deno.test("GET /api/strategies - ids, descriptions and parameter JSON schemas with bounds", async () => {
  const res = await app.request("/api/strategies");
  assert.equal(res.status, 200);
  const { strategies } = await res.json();
  const ids = strategies.map((s: { id: string }) => s.id);
  for (const id of ["sma_cross", "rsi_reversion", "macd_trend", "bollinger", "analyst_rules"]) {
    assert.ok(ids.includes(id), id);
  }
  const sma = strategies.find((s: { id: string }) => s.id === "sma_cross");
  assert.equal(sma.params.properties.fast.minimum, 2);
  assert.equal(sma.params.properties.fast.maximum, 200);
  assert.deepEqual(sma.defaults, { fast: 10, slow: 50 });
  // only pattern_breakout's decisions carry stop-loss/take-profit levels: not optimisable, but
  // every strategy runs as a paper bot
  const closed = strategies.filter((s: { optimisable: boolean }) => !s.optimisable)
    .map((s: { id: string }) => s.id);
  assert.deepEqual(closed, ["pattern_breakout"]);
  assert.ok(strategies.every((s: { paper_bot: boolean }) => s.paper_bot));
  const doc = await (await app.request("/openapi.json")).json();
  assert.ok(doc.paths["/api/backtests"].post);
});
