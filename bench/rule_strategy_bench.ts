/**
 * Rule strategy vs built-in strategy: `sma(10) crosses_above sma(50)` / `sma(10)
 * crosses_below sma(50)` through the `rule` strategy against the built-in `sma_cross` (10/50),
 * each end to end (indicators, targets, simulation with costs, trades, metrics, buy-and-hold) on
 * one 1,000,000-bar series, in the same process, alternating runs, fresh indicator cache per
 * run. Same for RSI (14; < 30 / > 50 vs `rsi_reversion`). The target: rule ≤ 1.3× built-in.
 *
 * Data: the bundled real SPX daily bars tiled end to end to 1,000,000 bars (as in
 * backtest_bench.ts; never generated prices).
 *
 *     deno run -A bench/rule_strategy_bench.ts
 *
 * @module
 */
import { runBacktest } from "../core/backtest/run.ts";
import { type Cols, DEFAULT_OPTIONS } from "../core/backtest/types.ts";
import { IndicatorCache } from "../core/indicators/indicator_cache.ts";
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import { STRATEGIES, strategyFor } from "../core/strategies/mod.ts";
import type { AnyStrategy } from "../core/strategies/types.ts";

const bars = parseOhlcvCsv(
  await Deno.readTextFile(new URL("../core/data/market/extra/SPX.csv", import.meta.url)),
).bars;

function tiled(n: number): Cols {
  const b = (i: number) => bars[i % bars.length]!;
  return {
    dates: Array.from({ length: n }, (_, i) => b(i).date),
    open: Float64Array.from({ length: n }, (_, i) => b(i).open),
    high: Float64Array.from({ length: n }, (_, i) => b(i).high),
    low: Float64Array.from({ length: n }, (_, i) => b(i).low),
    close: Float64Array.from({ length: n }, (_, i) => b(i).close),
    volume: Float64Array.from({ length: n }, (_, i) => b(i).volume),
  };
}

const big = tiled(1_000_000);
const opts = { ...DEFAULT_OPTIONS, feeBps: 5, slippageBps: 2 };

const CASES: { name: string; builtin: [AnyStrategy, unknown]; rule: Record<string, string> }[] = [
  {
    name: "SMA(10/50) crossover",
    builtin: [STRATEGIES.sma_cross!, { fast: 10, slow: 50 }],
    rule: { entry: "sma(10) crosses_above sma(50)", exit: "sma(10) crosses_below sma(50)" },
  },
  {
    name: "RSI(14) reversion",
    builtin: [STRATEGIES.rsi_reversion!, STRATEGIES.rsi_reversion!.params.parse({})],
    rule: { entry: "rsi(14) < 30", exit: "rsi(14) > 50" },
  },
];

let sink = 0;
const run = (s: AnyStrategy, p: unknown) => {
  const r = runBacktest(big, s, p, opts, { cache: new IndicatorCache() });
  sink += r.metrics.final_equity;
  return r;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

for (const c of CASES) {
  const rule = strategyFor("rule", c.rule)!;
  const ruleParams = rule.params.parse(c.rule);
  Deno.bench(`${c.name}, 1,000,000 bars, built-in`, { group: c.name, baseline: true }, () => {
    run(...c.builtin);
  });
  Deno.bench(`${c.name}, 1,000,000 bars, rule strategy`, { group: c.name }, () => {
    run(rule, ruleParams);
  });
}

if (import.meta.main) {
  const out = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));
  for (const c of CASES) {
    const rule = strategyFor("rule", c.rule)!;
    const ruleParams = rule.params.parse(c.rule);
    const a = run(...c.builtin), b = run(rule, ruleParams); // warm-up, and the same result
    if (JSON.stringify(a.metrics) !== JSON.stringify(b.metrics)) throw new Error("results differ");
    const tb: number[] = [], tr: number[] = [];
    for (let k = 0; k < 9; k++) {
      let t = performance.now();
      run(...c.builtin);
      tb.push(performance.now() - t);
      t = performance.now();
      run(rule, ruleParams);
      tr.push(performance.now() - t);
    }
    const [mb, mr] = [median(tb), median(tr)];
    out(
      `${c.name}, 1,000,000 tiled real SPX bars, end to end (${a.trades.length} trades): ` +
        `built-in ${mb.toFixed(1)} ms, rule strategy ${mr.toFixed(1)} ms (median of 9, ` +
        `alternating) → ratio ${(mr / mb).toFixed(2)}× (target ≤ 1.3×)`,
    );
  }
  if (sink === 0) out("");
}
