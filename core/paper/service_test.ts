import assert from "node:assert/strict";
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { MAX_REPLAY_BARS } from "./advance.ts";
import { MAX_BOTS } from "./bots.ts";
import { PaperService } from "./service.ts";
import { listBots } from "./store.ts";

const { deps } = await testCoreApp();
const series = (s: string) => deps.series.get(s);

const account = (svc: PaperService, user: string) =>
  svc.create(user, {
    name: "t",
    cash: 100_000,
    start: "2013-03-01",
    fee_bps: 5,
    min_fee: 1,
    slippage_bps: 2,
    max_position_pct: null,
    max_order_value: null,
  });

/** An account with two bots on two symbols. */
async function withBots(svc: PaperService, user: string) {
  const a = await account(svc, user);
  await svc.addBot(user, a.id, {
    symbol: "AAPL",
    strategy: "sma_cross",
    params: { fast: 3, slow: 8 },
    percent: 45,
  });
  await svc.addBot(user, a.id, {
    symbol: "SPY",
    strategy: "rsi_reversion",
    params: { period: 2, lower: 20, upper: 80, exit: 50 },
    percent: 45,
  });
  return a.id;
}

const strip = (fills: Record<string, unknown>[]) =>
  fills.map(({ symbol, side, qty, price, fee, date }) => ({ symbol, side, qty, price, fee, date }));

Deno.test("PaperService.advance() - one replay in chunks equals the old step-by-step replay, bar by bar", async () => {
  // reference: one bar per call, so each bot prepares its strategy on the bars up to that day
  // exactly as the former per-day replay did
  const step = new PaperService(deps.db, series);
  const a = await withBots(step, "eq-step");
  for (let k = 0; k < 90; k++) await step.advance("eq-step", a, { bars: 1 });
  // one call, replayed in chunks of 7 days (13 transactions)
  const chunked = new PaperService(deps.db, series, { replayChunk: 7 });
  const b = await withBots(chunked, "eq-chunk");
  const r = await chunked.advance("eq-chunk", b, { bars: 90 });
  assert.equal(r.replayed_bars, 90);
  const [fa, fb] = [await step.fills("eq-step", a), await chunked.fills("eq-chunk", b)];
  assert.ok(fa.length >= 10, `the bots trade (${fa.length} fills)`);
  assert.deepEqual(strip(fb), strip(fa));
  const [va, vb] = [await step.get("eq-step", a), await chunked.get("eq-chunk", b)];
  assert.equal(vb.clock, va.clock);
  assert.equal(vb.cash, va.cash);
  assert.deepEqual(vb.positions, va.positions);
  const orders = async (svc: PaperService, u: string, id: string) =>
    (await svc.orders(u, id)).map(({ symbol, side, qty, status, placed_clock }) =>
      JSON.stringify({ placed_clock, symbol, side, qty, status })
    ).sort(); // created in the same millisecond: compare as sets
  assert.deepEqual(await orders(chunked, "eq-chunk", b), await orders(step, "eq-step", a));
});

Deno.test("PaperService.addBot() - bots added in the same millisecond run in the order they were added", async () => {
  // a clock that never moves: before, the tie fell back to the bots' random ids, so the
  // replay's order (which bot spends the cash first) differed between identical accounts
  const svc = new PaperService(deps.db, series, { now: () => "2024-01-02T12:00:00.000Z" });
  for (let k = 0; k < 8; k++) {
    const a = await account(svc, `same-ms-${k}`);
    for (const symbol of ["AAPL", "SPY", "MSFT"]) {
      await svc.addBot(`same-ms-${k}`, a.id, {
        symbol,
        strategy: "sma_cross",
        params: { fast: 3, slow: 8 },
        percent: 30,
      });
    }
    const bots = await listBots(deps.db, a.id);
    assert.deepEqual(bots.map((b) => b.symbol), ["AAPL", "SPY", "MSFT"], `account ${k}`);
  }
});

Deno.test("PaperService.place() - an order on a symbol loaded on first use (SPX) is placed, not stuck on its own transaction", async () => {
  // a fresh core: SPX (extra/SPX.csv) is not stored until its first use, and loading it writes
  // through the write lock that placing an order holds (before the fix: a wait without end)
  const { deps: fresh } = await testCoreApp();
  try {
    const svc = new PaperService(fresh.db, (s) => fresh.series.get(s));
    const a = await svc.create("first-use", {
      name: "t",
      cash: 100_000,
      start: "2000-01-03",
      fee_bps: 0,
      min_fee: 0,
      slippage_bps: 0,
      max_position_pct: null,
      max_order_value: null,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const placed = await Promise.race([
      svc.place("first-use", a.id, {
        client_order_id: "spx-1",
        symbol: "SPX",
        side: "buy",
        type: "market",
        qty: 1,
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error("placing the order did not return in 20 s")),
          20_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    assert.equal(placed.order.status, "open", placed.order.reason ?? "");
    assert.equal((await fresh.series.get("SPX")).dates[0], "2000-01-03");
    const unknown = await svc.place("first-use", a.id, {
      client_order_id: "zzzz-1",
      symbol: "ZZZZ",
      side: "buy",
      type: "market",
      qty: 1,
    }).then(() => null, (e) => e);
    assert.ok(unknown instanceof NotFoundError, String(unknown));
  } finally {
    await fresh.db.close();
  }
});

Deno.test("PaperService - bots with exit levels are accepted; too many bots and too long replays are 422", async () => {
  const svc = new PaperService(deps.db, series);
  const a = (await account(svc, "limits")).id;
  const field = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (e) => e);
    assert.ok(e instanceof ValidationError, String(e));
    return e.issues[0]!;
  };
  const pattern = await svc.addBot("limits", a, {
    symbol: "AAPL",
    strategy: "pattern_breakout",
    params: {},
    percent: 10,
  });
  assert.equal(pattern.strategy, "pattern_breakout");
  for (let k = 1; k < MAX_BOTS; k++) {
    await svc.addBot("limits", a, {
      symbol: "AAPL",
      strategy: "sma_cross",
      params: { fast: 5, slow: 20 },
      percent: 5,
    });
  }
  const many = await field(
    svc.addBot("limits", a, { symbol: "AAPL", strategy: "sma_cross", params: {}, percent: 5 }),
  );
  assert.match(many.message, new RegExp(`at most ${MAX_BOTS}`));
  const early = await svc.create("limits", {
    name: "t",
    cash: 100_000,
    start: "2000-01-03",
    fee_bps: 0,
    min_fee: 0,
    slippage_bps: 0,
    max_position_pct: null,
    max_order_value: null,
  });
  await svc.addBot("limits", early.id, {
    symbol: "SPY",
    strategy: "sma_cross",
    params: {},
    percent: 50,
  });
  const long = await field(svc.advance("limits", early.id, { to: "2030-01-01" }));
  assert.equal(long.field, "to");
  assert.match(long.message, new RegExp(`at most ${MAX_REPLAY_BARS}`));
});
