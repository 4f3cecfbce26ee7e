// The `rule` strategy through the HTTP API: the same trades and metrics as the built-in
// strategies it restates, rule errors as 422 rule_invalid with a span, and the optimiser's grid
// over `$parameters` (workers rebuild the strategy from its parameters alone).
import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

const { app, deps } = await testCoreApp();

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const RANGE = { symbol: "AAPL", from: "2013-06-01", to: "2018-05-11", fee_bps: 5, slippage_bps: 2 };

const CASES = [
  {
    id: "sma_cross",
    params: { fast: 10, slow: 50 },
    rule: { entry: "sma(10) crosses_above sma(50)", exit: "sma(10) crosses_below sma(50)" },
  },
  {
    id: "rsi_reversion",
    params: {},
    rule: { entry: "rsi(14) < 30", exit: "rsi(14) > 50" },
  },
  {
    id: "macd_trend",
    params: {},
    rule: {
      entry: "macd(12, 26, 9).macd crosses_above macd(12, 26, 9).signal",
      exit: "macd(12, 26, 9).macd crosses_below macd(12, 26, 9).signal",
    },
  },
];

for (const { id, params, rule } of CASES) {
  Deno.test(`POST /api/backtests - the rule strategy restating ${id} gives exactly its trades and metrics on real data`, async () => {
    const a = await post("/api/backtests", { ...RANGE, strategy: id, params });
    const b = await post("/api/backtests", { ...RANGE, strategy: "rule", params: rule });
    assert.equal(a.status, 201, await a.clone().text());
    assert.equal(b.status, 201, await b.clone().text());
    const [x, y] = [await a.json(), await b.json()];
    assert.ok(x.trades.length > 3, `${id} trades on AAPL`);
    assert.deepEqual(y.trades, x.trades);
    assert.deepEqual(y.metrics, x.metrics);
    assert.deepEqual(y.equity, x.equity);
    assert.equal(y.strategy, "rule");
    assert.deepEqual(y.params, rule);
  });
}

Deno.test("POST /api/backtests - $parameters take their values from params (and their declared defaults)", async () => {
  const entry = "sma($fast = 10) crosses_above sma($slow = 50)";
  const exit = "sma($fast) crosses_below sma($slow)";
  const a = await post("/api/backtests", {
    ...RANGE,
    strategy: "sma_cross",
    params: { fast: 20, slow: 50 },
  });
  const b = await post("/api/backtests", {
    ...RANGE,
    strategy: "rule",
    params: { entry, exit, fast: 20 },
  });
  assert.equal(b.status, 201, await b.clone().text());
  const y = await b.json();
  assert.deepEqual(y.trades, (await a.json()).trades);
  assert.deepEqual(y.params, { entry, exit, fast: 20, slow: 50 });
});

Deno.test("POST /api/backtests - a broken rule is a 422 rule_invalid naming the field and the span", async () => {
  const res = await post("/api/backtests", {
    ...RANGE,
    strategy: "rule",
    params: { entry: "close > 1", exit: "rsl(14) > 70" },
  });
  assert.equal(res.status, 422);
  const { error } = await res.json();
  assert.equal(error.code, "rule_invalid");
  assert.match(error.message, /did you mean "rsi"/);
  assert.equal(error.details.field, "params.exit");
  assert.deepEqual(error.details.span, { line: 1, column: 1, end_line: 1, end_column: 4 });
  const unknown = await post("/api/backtests", {
    ...RANGE,
    strategy: "rule",
    params: { entry: "close > sma($n = 20)", m: 3 },
  });
  assert.equal(unknown.status, 422);
  assert.equal((await unknown.json()).error.code, "validation_error");
  const notText = await post("/api/backtests", {
    ...RANGE,
    strategy: "rule",
    params: { entry: 3 },
  });
  assert.equal(notText.status, 422);
});

Deno.test("POST /api/optimisations - a grid over a rule's $parameters runs with walk-forward on workers", async () => {
  const res = await post("/api/optimisations", {
    symbol: "SPX",
    strategy: "rule",
    fixed: {
      entry: "sma($fast = 10) crosses_above sma($slow = 50)",
      exit: "sma($fast) crosses_below sma($slow)",
    },
    grid: { fast: [5, 10, 20], slow: [50, 100] },
    walk_forward: { in_sample: 504, out_of_sample: 252 },
    workers: 1,
  });
  assert.equal(res.status, 202, await res.clone().text());
  const { id } = await res.json();
  let job;
  for (let k = 0; k < 300; k++) {
    job = await (await app.request(`/api/optimisations/${id}`)).json();
    if (job.status !== "running") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(job.status, "done", job.error);
  assert.equal(job.result.combinations, 6);
  assert.ok(job.result.walk_forward.segments.length > 0);
  // the best row backtests to the same metrics through POST /api/backtests
  const best = job.result.top[0];
  const bt = await post("/api/backtests", { symbol: "SPX", strategy: "rule", params: best.params });
  assert.equal(bt.status, 201);
  assert.equal((await bt.json()).metrics.total_return, best.metrics.total_return);
  const unknown = await post("/api/optimisations", {
    symbol: "SPX",
    strategy: "rule",
    fixed: { entry: "rsi($n = 14) < 30" },
    grid: { m: [1, 2] },
  });
  assert.equal(unknown.status, 422);
  assert.equal((await unknown.json()).error.details[0].field, "grid.m");
});

Deno.test({
  name: "close the database",
  fn: () => deps.db.close(),
  sanitizeResources: false,
  sanitizeOps: false,
});
