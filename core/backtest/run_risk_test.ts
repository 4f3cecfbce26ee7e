import assert from "node:assert/strict";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { smaCross } from "../strategies/sma_cross.ts";
import { runEngine } from "./engine.ts";
import { decider, needsEngine, runBacktest } from "./run.ts";
import { DEFAULT_OPTIONS } from "./types.ts";

const text = await Deno.readTextFile(
  new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url),
);
const aapl = seriesFromBars("AAPL", parseOhlcvCsv(text).bars);
const params = { fast: 10, slow: 50 };
/** 10,000 cash all-in on AAPL (≈ 60–190 a share): entries are worth about 10,000. */
const opts = { ...DEFAULT_OPTIONS, cash: 10_000, feeBps: 5, minFee: 1 };

Deno.test("runBacktest() - risk limits run on the engine: the fast kernel would ignore them", () => {
  const risk = { maxPositionPct: null, maxOrderValue: 9_000, killSwitch: false };
  assert.equal(needsEngine({ ...opts, risk }), true);
  assert.equal(needsEngine({ ...opts, risk: null }), false);
  assert.equal(needsEngine({ ...opts, risk: { ...risk, maxOrderValue: null } }), false);

  const r = runBacktest(aapl, smaCross, params, { ...opts, risk });
  assert.equal(r.path, "callback");
  // what the engine itself gives with the same limit (the reference of paper/backtest parity)
  const decide = decider(
    smaCross,
    aapl,
    params,
    smaCross.prepare(aapl, params, new IndicatorCache()),
  );
  const e = runEngine([{ symbol: "", cols: aapl, decide }], { ...opts, risk });
  assert.ok(e.rejections.length > 0, "some entries are worth more than 9,000");
  assert.deepEqual(r.rejections, e.rejections);
  assert.deepEqual(r.trades, e.trades);
  // without the limit every one of those entries fills: the limit changed the result
  const free = runBacktest(aapl, smaCross, params, opts);
  assert.equal(free.path, "vectorised");
  assert.deepEqual(free.rejections, []);
  assert.ok(free.trades.length > r.trades.length);
});
