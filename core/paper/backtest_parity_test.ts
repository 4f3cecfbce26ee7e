import assert from "node:assert/strict";
import { runEngine } from "../backtest/engine.ts";
import { decider } from "../backtest/run.ts";
import { DEFAULT_OPTIONS } from "../backtest/types.ts";
import { firstBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { findStrategy } from "../strategies/mod.ts";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { PaperService } from "./service.ts";

const { deps } = await testCoreApp();
const svc = new PaperService(deps.db, (s) => deps.series.get(s));
const aapl = await deps.series.get("AAPL");
/** The day before AAPL's first bar (1998-01-02): the account's clock starts before every bar. */
const BEFORE_FIRST = new Date(Date.parse(aapl.dates[0]!) - 86_400_000).toISOString().slice(0, 10);

/** The columns of a stored fill this test compares. */
type FillRow = { date: string; side: "buy" | "sell"; qty: number; price: number; fee: number };

const COSTS = { fee_bps: 5, min_fee: 1, slippage_bps: 2 };
const PERCENT = 45;

/**
 * The fills of `strategy` on AAPL's first `n` bars as a paper bot (replayed from before the
 * first bar, SQLite in memory) and as a backtest on the engine, with the same costs, sizing
 * and risk limits.
 */
async function both(
  strategy: string,
  params: Record<string, unknown>,
  n: number,
  maxOrderValue: number | null = null,
) {
  const user = `parity-${strategy}-${maxOrderValue}`;
  const acc = await svc.create(user, {
    name: "parity",
    cash: 100_000,
    start: BEFORE_FIRST,
    ...COSTS,
    max_position_pct: null,
    max_order_value: maxOrderValue,
  });
  const s = findStrategy(strategy)!;
  const p = s.params.parse(params) as Record<string, unknown>; // as the route gives them
  await svc.addBot(user, acc.id, { symbol: "AAPL", strategy, params: p, percent: PERCENT });
  const end = aapl.dates[n - 1]!;
  // two requests: the bot's slot is saved and reloaded between them
  await svc.advance(user, acc.id, { to: aapl.dates[Math.floor(n / 2)]! });
  await svc.advance(user, acc.id, { to: end });
  const stored = await svc.fills(user, acc.id) as unknown as FillRow[];
  const paper = stored.map(({ date, side, qty, price, fee }) => ({
    date,
    side,
    qty,
    price,
    fee,
  }));
  // a refused bot order is stored as `bot-<bot>-<date of the open>-rejected`
  const rejected = (await svc.orders(user, acc.id, "rejected"))
    .map((o) => o.client_order_id.match(/(\d{4}-\d\d-\d\d)-rejected$/)?.[1]).sort();

  const cols = firstBars(aapl, n);
  const decide = decider(s, cols, p, s.prepare(cols, p, new IndicatorCache()));
  const r = runEngine([{ symbol: "AAPL", cols, decide }], {
    ...DEFAULT_OPTIONS,
    cash: 100_000,
    feeBps: COSTS.fee_bps,
    minFee: COSTS.min_fee,
    slippageBps: COSTS.slippage_bps,
    sizing: { mode: "percent_equity", percent: PERCENT },
    risk: { maxPositionPct: null, maxOrderValue, killSwitch: false },
  });
  const backtest = r.fills.map(({ date, side, qty, price, fee }) => ({
    date,
    side,
    qty,
    price,
    fee,
  }));
  return { paper, backtest, engine: r, rejected };
}

Deno.test("paper bot and backtest - sma_cross gives identical fills (dates, quantities, prices, fees)", async () => {
  const { paper, backtest } = await both("sma_cross", { fast: 5, slow: 20 }, 700);
  assert.ok(backtest.length >= 20, `the strategy trades (${backtest.length} fills)`);
  assert.ok(backtest.every((f) => f.fee > 0 && f.price > 0));
  assert.deepEqual(paper, backtest);
});

Deno.test("paper bot and backtest - pattern_breakout's stop-loss/take-profit exits fill identically", async () => {
  const { paper, backtest, engine } = await both("pattern_breakout", {}, 1260);
  const reasons = new Set(engine.fills.map((f) => f.reason));
  assert.ok(
    reasons.has("stop_loss") || reasons.has("take_profit"),
    `exit levels are exercised (${[...reasons]})`,
  );
  assert.ok(backtest.length >= 4, `the strategy trades (${backtest.length} fills)`);
  assert.deepEqual(paper, backtest);
});

Deno.test("paper bot and backtest - the account's risk limits refuse the same orders", async () => {
  const { paper, backtest, engine, rejected } = await both(
    "sma_cross",
    { fast: 5, slow: 20 },
    700,
    47_000,
  );
  assert.ok(engine.rejections.length > 0, "some entries break the max order value");
  assert.ok(backtest.length > 0, "others pass");
  assert.deepEqual(rejected, engine.rejections.map((x) => x.date));
  assert.deepEqual(paper, backtest);
});
