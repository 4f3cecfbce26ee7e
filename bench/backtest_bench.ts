/**
 * Backtest benchmark.
 *
 * 1. SMA(10)/SMA(50) crossover end to end on one 1,000,000-bar series — indicators, targets,
 *    simulation with costs, trade list, metrics and the buy-and-hold benchmark — through the
 *    vectorised path and through the strategy-callback path (`decide` per bar in the engine).
 * 2. A 1,000-combination SMA grid (fast 2..26 × slow 30..225 step 5) on 2,520 bars: on one core
 *    with indicator results cached across combinations, against a naive run that recomputes the
 *    indicators for every combination (same code with a non-caching cache), and on a warm pool
 *    of 1 and 2 Web Workers (scaling ratio).
 *
 * Data (real prices only, never generated): the 1,000,000-bar series is the bundled SPX daily
 * bars (2000-01-03..2020, 5,105 bars, `core/data/market/extra/SPX.csv`) repeated end to end (tiled);
 * a seam is one real bar followed by the first real bar again (a jump from the 2020 level back to
 * the 2000 level), and dates are the tile's dates (only used as labels). The 2,520-bar series is
 * the last 2,520 real SPX bars, untiled.
 *
 * Run the report: `deno run -A bench/backtest_bench.ts` (prints bars/s, backtests/s and the
 * ratios). `deno bench -A bench/backtest_bench.ts` runs the same cases as Deno.bench entries.
 *
 * The machine is shared: numbers vary with the load; each figure is the median of several runs.
 *
 * @module
 */
import { Evaluator, expandGrid } from "../core/backtest/grid.ts";
import { runBacktest } from "../core/backtest/run.ts";
import { type Cols, DEFAULT_OPTIONS } from "../core/backtest/types.ts";
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import { WorkerPool } from "../core/optimise/pool.ts";
import { IndicatorCache, NoCache } from "../core/indicators/indicator_cache.ts";
import { smaCross } from "../core/strategies/sma_cross.ts";

const bars = parseOhlcvCsv(
  await Deno.readTextFile(new URL("../core/data/market/extra/SPX.csv", import.meta.url)),
).bars;

function tiled(n: number): Cols {
  const c: Cols = {
    dates: new Array<string>(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  const dates = c.dates as string[];
  for (let i = 0; i < n; i++) {
    const b = bars[i % bars.length]!;
    dates[i] = b.date;
    c.open[i] = b.open;
    c.high[i] = b.high;
    c.low[i] = b.low;
    c.close[i] = b.close;
    c.volume[i] = b.volume;
  }
  return c;
}

function lastBars(n: number): Cols {
  const s = bars.slice(bars.length - n);
  return {
    dates: s.map((b) => b.date),
    open: Float64Array.from(s, (b) => b.open),
    high: Float64Array.from(s, (b) => b.high),
    low: Float64Array.from(s, (b) => b.low),
    close: Float64Array.from(s, (b) => b.close),
    volume: Float64Array.from(s, (b) => b.volume),
  };
}

const big = tiled(1_000_000);
const small = lastBars(2_520);
const opts = { ...DEFAULT_OPTIONS, feeBps: 5, slippageBps: 2 };
const params = { fast: 10, slow: 50 };
const combos = expandGrid({
  fast: Array.from({ length: 25 }, (_, i) => i + 2),
  slow: Array.from({ length: 40 }, (_, i) => 30 + 5 * i),
}).map((p, index) => ({ index, params: p }));
if (combos.length !== 1000) throw new Error(`grid has ${combos.length} combinations`);

let sink = 0;
const endToEnd = (path: "auto" | "callback") => {
  const r = runBacktest(big, smaCross, params, opts, { path, cache: new IndicatorCache() });
  if (r.path !== (path === "auto" ? "vectorised" : "callback")) throw new Error("wrong path");
  sink += r.metrics.final_equity;
};
const gridOnce = (cache: IndicatorCache) => {
  const ev = new Evaluator(small, smaCross, opts, cache);
  for (const c of combos) sink += ev.evaluate(c.params).total_return;
};

Deno.bench(
  "SMA crossover, 1,000,000 bars, vectorised end to end",
  { group: "e2e", baseline: true },
  () => endToEnd("auto"),
);
Deno.bench(
  "SMA crossover, 1,000,000 bars, strategy-callback path",
  { group: "e2e" },
  () => endToEnd("callback"),
);
Deno.bench("1,000-combination grid, 2,520 bars, cached indicators", {
  group: "grid",
  baseline: true,
}, () => gridOnce(new IndicatorCache()));
Deno.bench("1,000-combination grid, 2,520 bars, naive (indicators per combination)", {
  group: "grid",
}, () => gridOnce(new NoCache()));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

if (import.meta.main) {
  const out = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));
  const fmtRate = (x: number) =>
    x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : `${Math.round(x).toLocaleString("en")}`;
  const floorEq = new Float64Array(big.close.length);
  const floor = await time(() => {
    const c = big.close;
    for (let i = 0; i < c.length; i++) floorEq[i] = 1000 + 3 * c[i]!;
    sink += floorEq[c.length - 1]!;
  }, 9);
  const vec = await time(() => endToEnd("auto"), 9);
  const cb = await time(() => endToEnd("callback"), 5);
  out(
    `SMA(10/50) crossover on 1,000,000 tiled real SPX bars, end to end (fees, slippage, trades, metrics, buy-and-hold):`,
  );
  out(
    `  vectorised      ${vec.toFixed(1)} ms  → ${
      fmtRate(1e6 / vec * 1000)
    } bars/s  (target ≥ 30 M)`,
  );
  out(
    `  callback path   ${cb.toFixed(1)} ms  → ${fmtRate(1e6 / cb * 1000)} bars/s  (target ≥ 5 M)`,
  );
  out(
    `  floor (one pass writing a + b × close per bar, the least a simulator does): ` +
      `${floor.toFixed(2)} ms → ${fmtRate(1e6 / floor * 1000)} bars/s; vectorised = ` +
      `${(vec / floor).toFixed(1)}× the floor's time, callback = ${(cb / floor).toFixed(1)}×`,
  );

  const cached = await time(() => gridOnce(new IndicatorCache()), 7);
  const naive = await time(() => gridOnce(new NoCache()), 5);
  out(`1,000-combination SMA grid on 2,520 real SPX bars, one core (main thread):`);
  out(
    `  cached indicators  ${cached.toFixed(1)} ms → ${
      fmtRate(1000 / cached * 1000)
    } backtests/s  (target ≥ 30,000)`,
  );
  out(
    `  naive (recompute)  ${naive.toFixed(1)} ms → ${
      fmtRate(1000 / naive * 1000)
    } backtests/s  (cached is ${(naive / cached).toFixed(2)}× faster)`,
  );

  const task = {
    kind: "grid" as const,
    cols: { ...small, dates: [...small.dates] },
    strategy: "sma_cross",
    opts,
    metric: "sharpe" as const,
    combos,
  };
  const p1 = new WorkerPool(1), p2 = new WorkerPool(2);
  const w1 = await time(() => p1.grid(task), 9);
  const w2 = await time(() => p2.grid(task), 9);
  p1.close();
  p2.close();
  out(`Same grid on a warm Web Worker pool (includes posting the bars and the rows back):`);
  out(`  1 worker   ${w1.toFixed(1)} ms → ${fmtRate(1000 / w1 * 1000)} backtests/s`);
  out(
    `  2 workers  ${w2.toFixed(1)} ms → ${fmtRate(1000 / w2 * 1000)} backtests/s  (scaling ${
      (w1 / w2).toFixed(2)
    }×, target ≥ 1.7×)`,
  );
  out(
    `  machine: ${navigator.hardwareConcurrency} logical CPUs, load average ${
      Deno.loadavg().map((x) => x.toFixed(1)).join(" ")
    }`,
  );
  if (!Number.isFinite(sink)) out("(sink)");
}
