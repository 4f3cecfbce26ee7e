import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { paperTestApp } from "./test_paper_app.ts";

const { app: core, deps } = await testCoreApp();
const paper = paperTestApp(deps, "risk");
// backtests are public: the whole core app answers them (access, rate limits, errors)
const call = async (method: string, path: string, body?: unknown) => {
  if (!path.startsWith("/api/backtests")) return await paper.call(method, path, body);
  const res = await core.request(path, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};

const aapl = await deps.series.get("AAPL");
/** The day before AAPL's first bar: the paper clock starts before every bar. */
const BEFORE_FIRST = new Date(Date.parse(aapl.dates[0]!) - 86_400_000).toISOString().slice(0, 10);
const N = 700;
const COSTS = { fee_bps: 5, min_fee: 1, slippage_bps: 2 };
const PERCENT = 45;
const STRATEGY = { strategy: "sma_cross", params: { fast: 5, slow: 20 } };

type Fill = { date: string; side: "buy" | "sell"; qty: number; price: number; fee: number };
type Trade = {
  entry_date: string;
  entry_price: number;
  exit_date: string;
  exit_price: number;
  qty: number;
  fees: number;
  exit_reason: string;
};

/** The paper account's fills and refused dates for a bot over AAPL's first N bars. */
async function paperRun(risk: Record<string, number | null>) {
  const acc = await call("POST", "/api/paper/accounts", {
    cash: 100_000,
    start: BEFORE_FIRST,
    ...COSTS,
    ...risk,
  });
  assert.equal(acc.status, 201, JSON.stringify(acc.body));
  const url = `/api/paper/accounts/${acc.body.id}`;
  const bot = await call("POST", `${url}/bots`, { symbol: "AAPL", ...STRATEGY, percent: PERCENT });
  assert.equal(bot.status, 201, JSON.stringify(bot.body));
  const adv = await call("POST", `${url}/advance`, { to: aapl.dates[N - 1] });
  assert.equal(adv.status, 200, JSON.stringify(adv.body));
  const fills = (await call("GET", `${url}/fills`)).body.fills as Fill[];
  const rejected = ((await call("GET", `${url}/orders?status=rejected`)).body.orders as {
    client_order_id: string;
  }[]).map((o) => o.client_order_id.match(/(\d{4}-\d\d-\d\d)-rejected$/)?.[1]).sort();
  return { fills, rejected };
}

/** A backtest of the same bot through POST /api/backtests. */
function backtest(risk: Record<string, unknown>) {
  return call("POST", "/api/backtests", {
    symbol: "AAPL",
    ...STRATEGY,
    from: aapl.dates[0],
    to: aapl.dates[N - 1],
    cash: 100_000,
    ...COSTS,
    sizing: { mode: "percent_equity", percent: PERCENT },
    ...risk,
  });
}

/** Round trips from paper fills (buy then sell, long only), as the backtest reports them. */
function tripsOf(fills: Fill[], lastDate: string, lastClose: number): Trade[] {
  const trips: Trade[] = [];
  for (let k = 0; k < fills.length; k += 2) {
    const buy = fills[k]!, sell = fills[k + 1];
    assert.equal(buy.side, "buy");
    trips.push({
      entry_date: buy.date,
      entry_price: buy.price,
      exit_date: sell?.date ?? lastDate,
      exit_price: sell?.price ?? lastClose,
      qty: buy.qty,
      fees: buy.fee + (sell?.fee ?? 0),
      exit_reason: sell ? "signal" : "end",
    });
  }
  return trips;
}

Deno.test("POST /api/backtests - max_order_value refuses the same orders a paper account with that limit refuses", async () => {
  const limit = { max_order_value: 47_000 };
  const paper = await paperRun(limit);
  const res = await backtest(limit);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const bt = res.body;
  assert.deepEqual(bt.risk, { max_order_value: 47_000, max_position_pct: null });
  assert.ok(bt.rejected_orders.length > 0, "some entries break the max order value");
  assert.ok(bt.trades.length > 0, "others pass");
  for (const r of bt.rejected_orders) {
    assert.equal(r.symbol, "AAPL");
    assert.match(r.reason, /exceeds the account's max order value 47000/);
  }
  assert.deepEqual(paper.rejected, bt.rejected_orders.map((r: { date: string }) => r.date));
  const trades = bt.trades.map((t: Trade) => ({
    entry_date: t.entry_date,
    entry_price: t.entry_price,
    exit_date: t.exit_date,
    exit_price: t.exit_price,
    qty: t.qty,
    fees: t.fees,
    exit_reason: t.exit_reason,
  }));
  assert.deepEqual(tripsOf(paper.fills, aapl.dates[N - 1]!, aapl.close[N - 1]!), trades);
  // stored with the result: the GET answers the same limits and refusals
  const again = await call("GET", `/api/backtests/${bt.id}`);
  assert.deepEqual(again.body.risk, bt.risk);
  assert.deepEqual(again.body.rejected_orders, bt.rejected_orders);
  // without the limit the refused entries fill
  const free = (await backtest({})).body;
  assert.deepEqual(free.risk, { max_order_value: null, max_position_pct: null });
  assert.deepEqual(free.rejected_orders, []);
  assert.ok(free.trades.length > bt.trades.length);
});

Deno.test("POST /api/backtests - max_position_pct refuses entries as a paper account's does", async () => {
  // 45 % of equity per entry against a 44 % limit: every entry is refused, on both
  const limit = { max_position_pct: 44 };
  const paper = await paperRun(limit);
  const bt = (await backtest(limit)).body;
  assert.deepEqual(bt.risk, { max_order_value: null, max_position_pct: 44 });
  assert.equal(bt.trades.length, 0);
  assert.ok(bt.rejected_orders.length > 0);
  assert.match(bt.rejected_orders[0].reason, /above the limit of 44%/);
  assert.deepEqual(paper.fills, []);
  assert.deepEqual(paper.rejected, bt.rejected_orders.map((r: { date: string }) => r.date));
});

Deno.test("POST /api/backtests - out-of-range risk limits are 422 naming the field", async () => {
  const cases: [string, unknown][] = [
    ["max_order_value", 0],
    ["max_order_value", -5],
    ["max_order_value", 2e12],
    ["max_order_value", "1000"],
    ["max_position_pct", 0],
    ["max_position_pct", 1001],
    ["max_position_pct", true],
  ];
  for (const [field, value] of cases) {
    const res = await backtest({ [field]: value });
    assert.equal(res.status, 422, `${field}=${value}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, "validation_error");
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      [field],
      `${field}=${value}`,
    );
  }
  // null is "no limit", as on a paper account
  const ok = await backtest({ max_order_value: null, max_position_pct: null });
  assert.equal(ok.status, 201);
});
