import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { callbackTargets } from "../../backtest/run.ts";
import { PaperService } from "../../paper/service.ts";
import { smaCross } from "../../strategies/sma_cross.ts";
import { paperTestApp } from "./test_paper_app.ts";

const { deps, logs } = await testCoreApp();
const { call } = paperTestApp(deps, "u1");
void logs;

const aapl = await deps.series.get("AAPL");
const at = (d: string) => aapl.dates.indexOf(d);

Deno.test("paper - market and limit orders fill on the replayed bars with the shared fill model", async () => {
  const acc = await call("POST", "/api/paper/accounts", {
    cash: 100_000,
    start: "2016-01-04",
    fee_bps: 10,
    min_fee: 1,
  });
  assert.equal(acc.status, 201);
  const id = acc.body.id;
  const order = { client_order_id: "o-1", symbol: "AAPL", side: "buy", qty: 100 };
  const placed = await call("POST", `/api/paper/accounts/${id}/orders`, order);
  assert.equal(placed.status, 201);
  assert.equal(placed.body.status, "open");
  const retry = await call("POST", `/api/paper/accounts/${id}/orders`, order);
  assert.equal(retry.status, 200); // the retried request returns the same order, no second fill
  assert.equal(retry.body.id, placed.body.id);

  const adv = await call("POST", `/api/paper/accounts/${id}/advance`, { bars: 1 });
  assert.equal(adv.status, 200, JSON.stringify(adv.body));
  const i = at("2016-01-05"), open = aapl.open[i]!;
  assert.equal(adv.body.account.clock, "2016-01-05");
  assert.deepEqual(adv.body.fills.map((f: { price: number }) => f.price), [open]);
  const fee = Math.max(100 * open * 0.001, 1);
  assert.ok(Math.abs(adv.body.account.cash - (100_000 - 100 * open - fee)) < 1e-6);
  assert.deepEqual(
    adv.body.account.positions.map((p: { qty: number; avg_cost: number }) => [p.qty, p.avg_cost]),
    [[100, open]],
  );
  const again = await call("POST", `/api/paper/accounts/${id}/orders`, order);
  assert.equal(again.body.status, "filled"); // still one order, filled once

  const level = Math.round(aapl.close[i]! * 1.05 * 100) / 100;
  const sell = await call("POST", `/api/paper/accounts/${id}/orders`, {
    client_order_id: "o-2",
    symbol: "AAPL",
    side: "sell",
    type: "limit",
    price: level,
    qty: 100,
  });
  assert.equal(sell.body.status, "open");
  await call("POST", `/api/paper/accounts/${id}/advance`, { to: "2016-12-30" });
  let hit = i + 1;
  while (aapl.high[hit]! < level) hit++; // the first bar whose high reaches the limit
  const fills = (await call("GET", `/api/paper/accounts/${id}/fills`)).body.fills;
  assert.equal(fills.length, 2);
  assert.equal(fills[1].date, aapl.dates[hit]);
  assert.equal(fills[1].price, Math.max(aapl.open[hit]!, level));
  assert.ok(Math.abs(fills[1].realised - 100 * (fills[1].price - open)) < 1e-6);
  const final = (await call("GET", `/api/paper/accounts/${id}`)).body;
  assert.deepEqual(final.positions, []);
  assert.equal(final.clock, "2016-12-30");
  assert.ok(Math.abs(final.realised - fills[1].realised) < 1e-9);
  assert.ok(Math.abs(final.equity - final.cash) < 1e-9);
});

Deno.test("paper - risk limits, kill switch and cancel", async () => {
  const id = (await call("POST", "/api/paper/accounts", {
    cash: 10_000,
    start: "2017-03-01",
    max_order_value: 2_000,
  })).body.id;
  const o = (n: string, qty: number, extra = {}) =>
    call("POST", `/api/paper/accounts/${id}/orders`, {
      client_order_id: n,
      symbol: "AAPL",
      side: "buy",
      qty,
      ...extra,
    });
  const big = await o("a", 100);
  assert.equal(big.body.status, "rejected");
  assert.match(big.body.reason, /max order value 2000/);
  await call("PATCH", `/api/paper/accounts/${id}/risk`, {
    max_order_value: null,
    max_position_pct: 10,
  });
  // AAPL closed at 34.9475 split-adjusted on 2017-03-01 (139.79 / 4): 40 shares are ~14% of 10,000
  assert.match((await o("b", 40)).body.reason, /% of equity/);
  await call("PATCH", `/api/paper/accounts/${id}/risk`, {
    max_position_pct: null,
    kill_switch: true,
  });
  assert.match((await o("c", 1)).body.reason, /kill switch/);
  await call("PATCH", `/api/paper/accounts/${id}/risk`, { kill_switch: false });
  const low = await o("d", 1, { type: "limit", price: 12.5 }); // far below the market
  assert.equal(low.body.status, "open");
  const del = await call("DELETE", `/api/paper/accounts/${id}/orders/${low.body.id}`);
  assert.equal(del.body.status, "cancelled");
  assert.equal(
    (await call("DELETE", `/api/paper/accounts/${id}/orders/${low.body.id}`)).status,
    422,
  );
  const hist = (await call("GET", `/api/paper/accounts/${id}/orders?status=rejected`)).body.orders;
  assert.equal(hist.length, 3);
});

Deno.test("paper - a bot trades the same strategy code as the backtester, on the same bars", async () => {
  const id =
    (await call("POST", "/api/paper/accounts", { cash: 100_000, start: "2015-06-01" })).body.id;
  const bot = await call("POST", `/api/paper/accounts/${id}/bots`, {
    symbol: "AAPL",
    strategy: "sma_cross",
    params: { fast: 5, slow: 20 },
  });
  assert.equal(bot.status, 201);
  const adv = await call("POST", `/api/paper/accounts/${id}/advance`, { bars: 120 });
  assert.equal(adv.body.replayed_bars, 120);
  // expected: every change of the backtester's long-only target in the window fills at the next open
  const targets = callbackTargets(smaCross, aapl, { fast: 5, slow: 20 });
  const start = at("2015-06-01"), end = start + 120;
  const expected: string[] = [];
  let prev = 0;
  for (let k = start + 1; k < end; k++) {
    const t = Math.max(0, targets[k]!);
    if (t !== prev && k + 1 <= end) expected.push(aapl.dates[k + 1]!);
    prev = t;
  }
  const got = adv.body.fills.map((f: { date: string }) => f.date);
  assert.ok(expected.length >= 4);
  assert.deepEqual(got, expected.filter((d) => d <= adv.body.account.clock));
});

Deno.test("paper - a replay that fails midway changes nothing (one transaction)", async () => {
  let budget = Infinity;
  const svc = new PaperService(deps.db, (s) => {
    if (--budget < 0) return Promise.reject(new Error("storage went away"));
    return deps.series.get(s);
  }, { replayBudgetMs: Infinity }); // one transaction however slow the machine
  const acc = await svc.create("u9", {
    name: "t",
    cash: 50_000,
    start: "2014-02-03",
    fee_bps: 0,
    min_fee: 0,
    slippage_bps: 0,
    max_position_pct: null,
    max_order_value: null,
  });
  await svc.addBot("u9", acc.id, {
    symbol: "AAPL",
    strategy: "sma_cross",
    params: { fast: 5, slow: 20 },
    percent: 100,
  });
  await svc.place("u9", acc.id, {
    client_order_id: "x",
    symbol: "AAPL",
    side: "buy",
    type: "market",
    qty: 10,
  });
  const before = {
    acc: await svc.get("u9", acc.id),
    orders: await svc.orders("u9", acc.id),
    fills: await svc.fills("u9", acc.id),
  };
  budget = 6; // enough to start the replay and fill, not to finish it
  await assert.rejects(svc.advance("u9", acc.id, { bars: 60 }), /storage went away/);
  budget = Infinity;
  assert.deepEqual(await svc.get("u9", acc.id), before.acc);
  assert.deepEqual(await svc.orders("u9", acc.id), before.orders);
  assert.deepEqual(await svc.fills("u9", acc.id), before.fills);
});

Deno.test("paper - 401 when anonymous, 404 for another user's account, 422 for bad orders", async () => {
  assert.equal((await call("GET", "/api/paper/accounts", undefined, "")).status, 401);
  const id = (await call("POST", "/api/paper/accounts", { start: "2017-01-03" })).body.id;
  assert.equal((await call("GET", `/api/paper/accounts/${id}`, undefined, "u2")).status, 404);
  const bad = await call("POST", `/api/paper/accounts/${id}/orders`, {
    client_order_id: "z",
    symbol: "AAPL",
    side: "buy",
    type: "limit",
    qty: 1,
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details[0].field, "price");
  const early = await call("POST", `/api/paper/accounts/${id}/orders`, {
    client_order_id: "y",
    symbol: "MSFT",
    side: "buy",
    qty: 1,
  });
  assert.equal(early.status, 201); // MSFT bars end in 2001: the last close before the clock prices it
  const none = await call("POST", "/api/paper/accounts", { start: "1990-01-02" });
  const noBar = await call("POST", `/api/paper/accounts/${none.body.id}/orders`, {
    client_order_id: "w",
    symbol: "AAPL",
    side: "buy",
    qty: 1,
  });
  assert.equal(noBar.status, 422);
  assert.equal(noBar.body.error.details[0].field, "symbol");
  const bot = await call("POST", `/api/paper/accounts/${id}/bots`, {
    symbol: "AAPL",
    strategy: "sma_cross",
    params: { fast: 30, slow: 10 },
  });
  assert.equal(bot.status, 422);
  assert.equal(bot.body.error.details[0].field, "params.fast");
});
