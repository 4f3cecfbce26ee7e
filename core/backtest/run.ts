/**
 * `runBacktest`: one strategy on one symbol (or a basket), with metrics and the buy-and-hold
 * benchmark. Chooses the fast kernel when the options allow it and the strategy has a
 * vectorised `targets`, else the general engine with the strategy's `decide` callback; both
 * give the same result (tested). Pure.
 *
 * @module
 */
import { atr } from "../indicators/atr.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { type AnyStrategy, decideAll, type DecideContext } from "../strategies/types.ts";
import { type EngineInput, type Rejection, runEngine } from "./engine.ts";
import { simulateTargets } from "./kernel.ts";
import { computeMetrics, type Metrics, yearOf } from "./metrics.ts";
import { type BacktestOptions, type Cols, DEFAULT_OPTIONS, newTally, type Trade } from "./types.ts";

/** Result of a backtest. */
export interface BacktestResult {
  /** Strategy metrics. */
  metrics: Metrics;
  /** Buy-and-hold metrics over the same bars with the same costs. */
  benchmark: Metrics;
  /** Round trips. */
  trades: Trade[];
  /** Dates of the equity curve (the input's own array, not a copy). */
  dates: readonly string[];
  /** Strategy equity per bar. */
  equity: Float64Array;
  /** Buy-and-hold equity per bar. */
  benchmarkEquity: Float64Array;
  /** Orders the risk limits refused (always empty without `risk`). */
  rejections: Rejection[];
  /** Which path ran. */
  path: "vectorised" | "callback";
}

/** How to run. */
export interface RunOptions {
  /** `auto` (default) picks the kernel when it can; `callback` forces the decide loop. */
  path?: "auto" | "callback";
  /** Reuse indicator results across runs on the same cols (grid searches). */
  cache?: IndicatorCache;
}

/**
 * Whether the options need the general engine: protective exits, ATR sizing or risk limits
 * (the fast kernel applies none of them).
 */
export function needsEngine(o: BacktestOptions): boolean {
  return o.stopLossPct !== null || o.takeProfitPct !== null || o.trailingStopPct !== null ||
    o.maxHoldingBars !== null || o.sizing.mode === "atr_risk" || hasRisk(o);
}

/** Whether `o` carries a risk limit the engine must check. */
export function hasRisk(o: BacktestOptions): boolean {
  const r = o.risk;
  return !!r && (r.killSwitch || r.maxOrderValue !== null || r.maxPositionPct !== null);
}

/**
 * A `decide(i)` closure over a strategy, reusing one context object (no per-bar allocation):
 * the decide loop of backtests and paper bots. `target` is the previous decision the strategy
 * sees first (0, or a paper bot's last one when its replay resumes).
 */
export function decider(
  strategy: AnyStrategy,
  cols: Cols,
  params: unknown,
  state: unknown,
  target = 0,
): (i: number) => ReturnType<AnyStrategy["decide"]> {
  const ctx: DecideContext<unknown, unknown> = { i: 0, cols, params, state, target };
  return (i: number) => {
    ctx.i = i;
    const d = strategy.decide(ctx);
    ctx.target = typeof d === "number" ? d : d.target;
    return d;
  };
}

/**
 * Backtests `strategy` with validated `params` on `cols`.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { STRATEGIES } from "../strategies/mod.ts";
 * import { runBacktest } from "./run.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const r = runBacktest(series, STRATEGIES.sma_cross!, { fast: 10, slow: 50 }, { feeBps: 5 });
 * r.metrics.sharpe;
 * ```
 */
export function runBacktest(
  cols: Cols,
  strategy: AnyStrategy,
  params: unknown,
  options: Partial<BacktestOptions> = {},
  { path = "auto", cache = new IndicatorCache() }: RunOptions = {},
  symbol = "",
): BacktestResult {
  const opts: BacktestOptions = { ...DEFAULT_OPTIONS, ...options };
  const n = cols.close.length;
  const state = strategy.prepare(cols, params, cache);
  let equity: Float64Array, trades: Trade[], tally, used: BacktestResult["path"];
  let rejections: Rejection[] = [];
  if (path === "auto" && strategy.targets && !needsEngine(opts)) {
    const targets = new Int8Array(n);
    strategy.targets(cols, params, state, targets);
    equity = new Float64Array(n);
    tally = newTally();
    trades = [];
    simulateTargets(cols, targets, opts, { start: 0, end: n }, equity, tally, trades, symbol);
    used = "vectorised";
  } else {
    const input: EngineInput = { symbol, cols, decide: decider(strategy, cols, params, state) };
    if (opts.sizing.mode === "atr_risk") {
      const p = opts.sizing.atrPeriod;
      input.atr = cache.get(`atr:${p}`, () => atr(cols.high, cols.low, cols.close, p));
    }
    const r = runEngine([input], opts);
    equity = r.equity;
    trades = r.trades;
    tally = r.tally;
    rejections = r.rejections;
    used = "callback";
  }
  const bench = buyAndHold(cols, opts);
  return {
    metrics: computeMetrics(equity, opts.cash, tally, yearOf(opts)),
    benchmark: bench.metrics,
    trades,
    dates: cols.dates,
    equity,
    benchmarkEquity: bench.equity,
    rejections,
    path: used,
  };
}

/**
 * Buy-and-hold with all the cash (same costs, whole or fractional shares). One rule for one
 * symbol and for a basket: it decides long at the first bar's close and enters at the second
 * bar's open, the earliest a strategy can enter, so both start from the same bar.
 */
export function buyAndHold(
  cols: Cols,
  opts: BacktestOptions,
): { metrics: Metrics; equity: Float64Array } {
  const n = cols.close.length;
  const equity = new Float64Array(n);
  const tally = newTally();
  const targets = ones(n);
  simulateTargets(
    cols,
    targets,
    { ...opts, sizing: { mode: "percent_equity", percent: 100 }, allowShort: false },
    { start: 0, end: n },
    equity,
    tally,
  );
  return { metrics: computeMetrics(equity, opts.cash, tally, yearOf(opts)), equity };
}

let allLong = new Int8Array(0);

/**
 * A read-only array of at least `n` long targets (1), shared by every buy-and-hold run instead
 * of allocating and filling one per run; the kernel only reads it.
 */
function ones(n: number): Int8Array {
  if (allLong.length < n) allLong = new Int8Array(n).fill(1);
  return allLong;
}

/** Targets of the decide loop (the reference for vectorised `targets`). */
export function callbackTargets(
  strategy: AnyStrategy,
  cols: Cols,
  params: unknown,
  cache = new IndicatorCache(),
): Int8Array {
  const out = new Int8Array(cols.close.length);
  decideAll(strategy, cols, params, strategy.prepare(cols, params, cache), out);
  return out;
}
