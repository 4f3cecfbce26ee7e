// Paper bots on weekly and monthly bars (issue 17): a bot decides at the close of its
// interval's bar, and its fills are the fills of a backtest on the same aggregated bars.
import assert from "node:assert/strict";
import { runEngine } from "../backtest/engine.ts";
import { decider } from "../backtest/run.ts";
import { DEFAULT_OPTIONS } from "../backtest/types.ts";
import { firstBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { findStrategy } from "../strategies/mod.ts";
import { calendarView, completeBarCount } from "../timeframes/mod.ts";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { PaperService } from "./service.ts";
import { closeDays } from "./_replay.ts";

const { deps } = await testCoreApp();
const svc = new PaperService(deps.db, (s) => deps.series.get(s));
const aapl = await deps.series.get("AAPL");
/** The day before AAPL's first bar (1998-01-02): the replay covers every bar. */
const BEFORE_FIRST = new Date(Date.parse(aapl.dates[0]!) - 86_400_000).toISOString().slice(0, 10);

type FillRow = { date: string; side: "buy" | "sell"; qty: number; price: number; fee: number };
const pick = ({ date, side, qty, price, fee }: FillRow) => ({ date, side, qty, price, fee });

async function weeklyBoth(
  interval: "1w" | "1mo",
  strategy: string,
  params: Record<string, unknown>,
) {
  const user = `weekly-${interval}-${strategy}`;
  const acc = await svc.create(user, {
    name: "weekly",
    cash: 100_000,
    start: BEFORE_FIRST,
    fee_bps: 5,
    min_fee: 1,
    slippage_bps: 2,
    max_position_pct: null,
    max_order_value: null,
  });
  const s = findStrategy(strategy)!;
  const p = s.params.parse(params) as Record<string, unknown>;
  await svc.addBot(user, acc.id, { symbol: "AAPL", strategy, params: p, percent: 50, interval });
  // three requests ending mid-week and mid-month: the slot is saved between them and a period
  // still in progress at a request's end is decided on in the next one
  const n = aapl.dates.length;
  for (const k of [Math.floor(n / 3) + 2, Math.floor((2 * n) / 3) + 1, n - 1]) {
    await svc.advance(user, acc.id, { to: aapl.dates[k]! });
  }
  const paper = (await svc.fills(user, acc.id) as unknown as FillRow[]).map(pick);

  const view = calendarView(aapl, interval);
  const cols = firstBars(view, completeBarCount(view));
  const decide = decider(s, cols, p, s.prepare(cols, p, new IndicatorCache()));
  const r = runEngine([{ symbol: "AAPL", cols, decide }], {
    ...DEFAULT_OPTIONS,
    cash: 100_000,
    feeBps: 5,
    minFee: 1,
    slippageBps: 2,
    sizing: { mode: "percent_equity", percent: 50 },
    risk: { maxPositionPct: null, maxOrderValue: null, killSwitch: false },
  });
  return { paper, engine: r, view };
}

Deno.test("weekly paper bot - the fills of a weekly backtest: dates, quantities, prices, fees", async () => {
  const { paper, engine, view } = await weeklyBoth("1w", "sma_cross", { fast: 5, slow: 20 });
  const backtest = engine.fills.map(pick);
  assert.ok(backtest.length >= 6, `the strategy trades on weekly bars (${backtest.length} fills)`);
  // every fill is at a week's open, on the week's first trading day
  const labels = new Set(view.dates);
  assert.ok(paper.every((f) => labels.has(f.date)), "fills on the first day of a week");
  assert.deepEqual(paper, backtest);
});

Deno.test("monthly paper bot - the fills of a monthly backtest", async () => {
  const { paper, engine } = await weeklyBoth("1mo", "sma_cross", { fast: 3, slow: 10 });
  const backtest = engine.fills.map(pick);
  assert.ok(backtest.length >= 2, `the strategy trades on monthly bars (${backtest.length} fills)`);
  assert.deepEqual(paper, backtest);
});

Deno.test("weekly paper bot - stop-loss/take-profit exits fill as in the backtest, dated the week's last day", async () => {
  const { paper, engine, view } = await weeklyBoth("1w", "pattern_breakout", {});
  const closes = closeDays(aapl, view, view.partial);
  const at = new Map(view.dates.map((d, i) => [d, closes[i]!]));
  // the backtest dates an exit within a bar by the bar's label; the paper broker, stepping day
  // by day, sees the whole week's range only on its last day and dates the exit then
  const backtest = engine.fills.map((f) =>
    pick({ ...f, date: f.reason === "entry" || f.reason === "signal" ? f.date : at.get(f.date)! })
  );
  const exits = engine.fills.filter((f) => f.reason === "stop_loss" || f.reason === "take_profit");
  assert.ok(exits.length >= 1, `exit levels are exercised (${engine.fills.map((f) => f.reason)})`);
  assert.ok(
    exits.some((f) => at.get(f.date) !== f.date),
    "an exit dated apart from its week's label",
  );
  assert.deepEqual(paper, backtest);
});

Deno.test("closeDays - a week closes on its last trading day; a week still going has none", () => {
  const daily = {
    ...aapl,
    dates: ["2018-04-30", "2018-05-01", "2018-05-04", "2018-05-07", "2018-05-08"],
  };
  const weekly = { ...daily, dates: ["2018-04-30", "2018-05-07"] };
  assert.deepEqual(closeDays(daily, weekly, false), ["2018-05-04", "2018-05-08"]);
  assert.deepEqual(closeDays(daily, weekly, true), ["2018-05-04", null]);
});
