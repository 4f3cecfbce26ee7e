import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import fc from "fast-check";
import { z } from "zod";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { type Series, seriesFromBars } from "../market_data/series.ts";
import type { Strategy } from "../strategies/types.ts";
import { runEngine } from "./engine.ts";
import { simulateTargets } from "./kernel.ts";
import { type BacktestOptions, type Cols, DEFAULT_OPTIONS, newTally } from "./types.ts";
import { buyAndHold, runBacktest } from "./run.ts";
import { smaCross } from "../strategies/sma_cross.ts";

const load = async (s: string) =>
  seriesFromBars(
    s,
    parseOhlcvCsv(await Deno.readTextFile(bundledCsvUrl(s)))
      .bars,
  );
const spx = await load("SPX");
const aapl = await load("AAPL");

function slice(s: Series, from: number, to: number): Cols {
  return {
    dates: s.dates.slice(from, to),
    open: s.open.subarray(from, to),
    high: s.high.subarray(from, to),
    low: s.low.subarray(from, to),
    close: s.close.subarray(from, to),
    volume: s.volume.subarray(from, to),
  };
}

/** A strategy that always wants to be long (to test the engine's own exits). */
const alwaysLong: Strategy<Record<string, never>, null> = {
  id: "always_long",
  name: "always long",
  description: "test strategy",
  params: z.object({}),
  warmup: () => 0,
  prepare: () => null,
  decide: () => 1,
  grid: {},
};

const optsArb = fc.record({
  feeBps: fc.constantFrom(0, 5, 25),
  minFee: fc.constantFrom(0, 1, 10),
  slippageBps: fc.constantFrom(0, 10, 100),
  fractional: fc.boolean(),
  allowShort: fc.boolean(),
  sizing: fc.constantFrom(
    { mode: "percent_equity" as const, percent: 100 },
    { mode: "percent_equity" as const, percent: 40 },
    { mode: "fixed_cash" as const, amount: 30_000 },
  ),
  stopLossPct: fc.constantFrom(null, 2, 8),
  takeProfitPct: fc.constantFrom(null, 3, 15),
  trailingStopPct: fc.constantFrom(null, 4),
  maxHoldingBars: fc.constantFrom(null, 5, 30),
});
const windowArb = fc.tuple(fc.integer({ min: 0, max: 4800 }), fc.integer({ min: 2, max: 300 }));

Deno.test("runEngine() - equity = cash + positions at every bar, fills within the bar's high/low", () => {
  fc.assert(
    fc.property(
      windowArb,
      optsArb,
      fc.integer({ min: 1, max: 2 ** 30 }),
      ([from, len], o, seed) => {
        const cols = slice(spx, from, from + len);
        const opts: BacktestOptions = { ...DEFAULT_OPTIONS, ...o };
        let x = seed;
        const decide = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 3) - 1;
        const r = runEngine([{ symbol: "SPX", cols, decide }], opts);
        // cash and quantity rebuilt independently from the fills, equity from them and the
        // closes: cash₀ − Σ signed qty × price − Σ fees, qty = Σ signed fill qty
        let k = 0, cash = opts.cash, qty = 0;
        for (let d = 0; d < r.dates.length; d++) {
          for (; k < r.fills.length && r.fills[k]!.bar === d; k++) {
            const f = r.fills[k]!, signed = f.side === "buy" ? f.qty : -f.qty;
            cash -= signed * f.price + f.fee;
            qty += signed;
          }
          const tol = 1e-9 * opts.cash;
          assert.ok(Math.abs(r.cash[d]! - cash) <= tol, `cash at ${d}: ${r.cash[d]} vs ${cash}`);
          assert.ok(Math.abs(r.qty[0]![d]! - qty) <= 1e-9, `qty at ${d}`);
          const equity = cash + qty * cols.close[d]!;
          assert.ok(Math.abs(r.equity[d]! - equity) <= tol, `equity at ${d}`);
        }
        assert.equal(k, r.fills.length);
        for (const f of r.fills) {
          assert.ok(f.price >= cols.low[f.bar]! && f.price <= cols.high[f.bar]!, JSON.stringify(f));
        }
        if (r.fills.length === 0) {
          assert.equal(r.tally.fees, 0);
          assert.ok(r.equity.every((e) => e === opts.cash));
        }
        const paid = r.fills.reduce((a, f) => a + f.fee, 0);
        assert.ok(Math.abs(paid - r.tally.fees) < 1e-6);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("simulateTargets() and runEngine() agree bar for bar when no protective exit is set", () => {
  fc.assert(
    fc.property(
      windowArb,
      optsArb,
      fc.integer({ min: 1, max: 2 ** 30 }),
      ([from, len], o, seed) => {
        const cols = slice(spx, from, from + len);
        const opts: BacktestOptions = {
          ...DEFAULT_OPTIONS,
          ...o,
          stopLossPct: null,
          takeProfitPct: null,
          trailingStopPct: null,
          maxHoldingBars: null,
        };
        const targets = new Int8Array(len);
        let x = seed;
        for (let i = 0; i < len; i++) {
          targets[i] = ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 3) - 1;
        }
        const eq = new Float64Array(len);
        const tally = newTally();
        simulateTargets(cols, targets, opts, { start: 0, end: len }, eq, tally);
        const r = runEngine([{ symbol: "SPX", cols, decide: (i) => targets[i]! }], opts);
        for (let i = 0; i < len; i++) assert.ok(Math.abs(eq[i]! - r.equity[i]!) < 1e-6);
        assert.deepEqual({ ...tally, fees: Math.round(tally.fees * 1e6) }, {
          ...r.tally,
          fees: Math.round(r.tally.fees * 1e6),
        });
      },
    ),
    { seed: 7, numRuns: 200 },
  );
});

Deno.test("runEngine() - zero trades means zero commission and flat equity", () => {
  const cols = slice(spx, 0, 100);
  const r = runEngine([{ symbol: "SPX", cols, decide: () => 0 }], {
    ...DEFAULT_OPTIONS,
    feeBps: 50,
    minFee: 5,
  });
  assert.equal(r.tally.fees, 0);
  assert.equal(r.trades.length, 0);
  assert.ok(r.equity.every((e) => e === DEFAULT_OPTIONS.cash));
});

/** First bar ≥ `from` whose low reaches `level`, found independently of the engine. */
function firstLowAtOrBelow(c: Cols, from: number, level: number): number {
  for (let i = from; i < c.close.length; i++) if (c.low[i]! <= level) return i;
  return -1;
}

Deno.test("runEngine() - a stop loss fills at the stop, or at the open when the bar gaps through it", () => {
  // SPX from 2008-09-02: the autumn 2008 fall hits any stop
  const at = spx.dates.indexOf("2008-09-02");
  const cols = slice(spx, at, at + 60);
  const r = runBacktest(cols, alwaysLong, {}, { stopLossPct: 5, fractional: true });
  const t = r.trades[0]!;
  assert.equal(t.entry_date, cols.dates[1]); // decided at bar 0's close, filled at bar 1's open
  assert.equal(t.entry_price, cols.open[1]);
  const stop = t.entry_price * 0.95;
  const hit = firstLowAtOrBelow(cols, 1, stop);
  assert.equal(t.exit_reason, "stop_loss");
  assert.equal(t.exit_date, cols.dates[hit]);
  assert.equal(t.exit_price, Math.min(cols.open[hit]!, stop));
  // always-long never re-enters after the stop: the decision never changed
  assert.equal(r.trades.length, 1);
});

Deno.test("runEngine() - take profit, trailing stop and max holding close the position", () => {
  // AAPL rose from 2016-06-27 (about 92) to 2017 highs
  const at = aapl.dates.indexOf("2016-06-27");
  const cols = slice(aapl, at, at + 120);
  const tp = runBacktest(cols, alwaysLong, {}, { takeProfitPct: 10 }).trades[0]!;
  assert.equal(tp.exit_reason, "take_profit");
  const level = tp.entry_price * 1.1;
  let hit = -1;
  for (let i = 1; i < cols.close.length && hit < 0; i++) if (cols.high[i]! >= level) hit = i;
  assert.equal(tp.exit_date, cols.dates[hit]);
  assert.equal(tp.exit_price, Math.max(cols.open[hit]!, level));

  const mh = runBacktest(cols, alwaysLong, {}, { maxHoldingBars: 7 }).trades[0]!;
  assert.equal(mh.exit_reason, "max_holding");
  assert.equal(mh.bars_held, 7);
  assert.equal(mh.exit_price, cols.open[8]); // held bars 1..7, out at the open of bar 8

  const tr = runBacktest(cols, alwaysLong, {}, { trailingStopPct: 3 }).trades[0]!;
  assert.equal(tr.exit_reason, "trailing_stop");
  // independent check: the first bar whose low breaks 97 % of the best high seen before it
  let best = tr.entry_price, exitBar = -1;
  for (let i = 1; i < cols.close.length && exitBar < 0; i++) {
    if (cols.low[i]! <= best * 0.97) exitBar = i;
    else best = Math.max(best, cols.high[i]!);
  }
  assert.equal(tr.exit_date, cols.dates[exitBar]);
  assert.equal(tr.exit_price, Math.min(cols.open[exitBar]!, best * 0.97));
});

Deno.test("runEngine() - a basket shares one cash account across symbols", () => {
  const a = slice(aapl, 0, 200);
  const at = spx.dates.indexOf(aapl.dates[0]!);
  const spxCols = slice(spx, at, at + 200);
  const r = runEngine([
    { symbol: "AAPL", cols: a, decide: () => 1 },
    { symbol: "SPX", cols: spxCols, decide: () => 1 },
  ], { ...DEFAULT_OPTIONS, sizing: { mode: "percent_equity", percent: 50 }, fractional: true });
  assert.equal(r.trades.length, 2);
  const d = 5;
  // each bought about half of the starting equity with the shared cash
  const spent = DEFAULT_OPTIONS.cash - r.cash[d]!;
  assert.ok(spent > 0.99 * DEFAULT_OPTIONS.cash && spent <= DEFAULT_OPTIONS.cash);
  const expected = r.cash[d]! + r.qty[0]![d]! * r.marks[0]![d]! + r.qty[1]![d]! * r.marks[1]![d]!;
  assert.ok(Math.abs(r.equity[d]! - expected) < 1e-6);
});

Deno.test("buyAndHold() - enters at the second bar's open, the same rule as the basket benchmark", () => {
  const cols = slice(aapl, 100, 400);
  const opts = { ...DEFAULT_OPTIONS, feeBps: 5, minFee: 1 };
  const hold = buyAndHold(cols, opts);
  const engine = runEngine([{ symbol: "AAPL", cols, decide: () => 1 }], opts);
  assert.equal(hold.equity[0], opts.cash); // nothing bought on the first bar
  assert.equal(engine.fills[0]!.bar, 1);
  assert.equal(engine.fills[0]!.price, cols.open[1]);
  for (let i = 0; i < cols.close.length; i++) {
    assert.ok(Math.abs(hold.equity[i]! - engine.equity[i]!) < 1e-6, `bar ${i}`);
  }
  assert.equal(hold.metrics.trade_count, 1);
});

Deno.test("simulateTargets() and runEngine() agree on a series longer than the kernel's read-ahead threshold", () => {
  // 70,000 bars (the kernel reads fill bars ahead from 65,536): the real SPX bars tiled end to
  // end, as in bench/backtest_bench.ts; targets from the SMA(10)/SMA(50) crossover
  const n = 70_000, m = spx.close.length;
  const pick = (a: Float64Array) => Float64Array.from({ length: n }, (_, i) => a[i % m]!);
  const cols: Cols = {
    dates: Array.from({ length: n }, (_, i) => spx.dates[i % m]!),
    open: pick(spx.open),
    high: pick(spx.high),
    low: pick(spx.low),
    close: pick(spx.close),
    volume: pick(spx.volume),
  };
  const opts = { ...DEFAULT_OPTIONS, feeBps: 5, minFee: 1, slippageBps: 2, allowShort: true };
  const vec = runBacktest(cols, smaCross, { fast: 10, slow: 50 }, opts);
  const cb = runBacktest(cols, smaCross, { fast: 10, slow: 50 }, opts, { path: "callback" });
  assert.equal(vec.path, "vectorised");
  assert.equal(cb.path, "callback");
  assert.ok(vec.trades.length > 1000, `${vec.trades.length} trades`);
  assert.equal(vec.trades.length, cb.trades.length);
  for (let k = 0; k < vec.trades.length; k++) {
    const a = vec.trades[k]!, b = cb.trades[k]!;
    assert.deepEqual([a.entry_date, a.exit_date, a.side, a.qty], [
      b.entry_date,
      b.exit_date,
      b.side,
      b.qty,
    ]);
    assert.ok(Math.abs(a.pnl - b.pnl) < 1e-6);
  }
  for (let i = 0; i < n; i++) assert.ok(Math.abs(vec.equity[i]! - cb.equity[i]!) < 1e-6);
});

Deno.test("runEngine() - the account's risk limits refuse orders before they fill, and report them", () => {
  const cols = slice(aapl, 0, 400);
  const targets = new Int8Array(400);
  const fast = 5, slow = 20; // any alternating decisions will do: a plain crossover of closes
  for (let i = slow; i < 400; i++) {
    let a = 0, b = 0;
    for (let k = 0; k < fast; k++) a += cols.close[i - k]! / fast;
    for (let k = 0; k < slow; k++) b += cols.close[i - k]! / slow;
    targets[i] = a > b ? 1 : 0;
  }
  const input = () => [{ symbol: "AAPL", cols, decide: (i: number) => targets[i]! }];
  const opts = { ...DEFAULT_OPTIONS, feeBps: 5, sizing: { mode: "percent_equity", percent: 50 } };
  const free = runEngine(input(), opts as BacktestOptions);
  const none = { maxPositionPct: null, maxOrderValue: null, killSwitch: false };
  // limits that nothing breaks change nothing
  const loose = runEngine(input(), { ...opts, risk: none } as BacktestOptions);
  assert.deepEqual(loose.fills, free.fills);
  assert.deepEqual(loose.rejections, []);
  // a max order value below half the equity refuses the entries that exceed it
  const capped = runEngine(
    input(),
    { ...opts, risk: { ...none, maxOrderValue: 50_500 } } as BacktestOptions,
  );
  assert.ok(capped.rejections.length > 0 && capped.fills.length > 0);
  for (const f of capped.fills) assert.ok(f.side === "sell" || f.qty * f.price <= 50_500);
  for (const r of capped.rejections) assert.match(r.reason, /max order value 50500/);
  // the kill switch refuses every order: no fill at all
  const killed = runEngine(
    input(),
    { ...opts, risk: { ...none, killSwitch: true } } as BacktestOptions,
  );
  assert.equal(killed.fills.length, 0);
  assert.equal(killed.rejections.length, free.fills.filter((f) => f.side === "buy").length);
});
