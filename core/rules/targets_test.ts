import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import { z } from "zod";
import { runBacktest } from "../backtest/run.ts";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { STRATEGIES } from "../strategies/mod.ts";
import type { AnyStrategy } from "../strategies/types.ts";
import { compileRuleSet, type RuleSetText, ruleTargets } from "./targets.ts";

const load = async (s: string): Promise<Cols> =>
  seriesFromBars(
    s,
    parseOhlcvCsv(await Deno.readTextFile(bundledCsvUrl(s)))
      .bars,
  );
const DATA: [string, Cols][] = [["AAPL", await load("AAPL")], ["SPX", await load("SPX")], [
  "GOOG",
  await load("GOOG"),
]];

/** The built-in strategies and the rules that say the same thing (long rules, short rules). */
const CASES: { id: string; long: RuleSetText; short: Omit<RuleSetText, "entry"> }[] = [
  {
    id: "sma_cross",
    long: { entry: "sma(10) crosses_above sma(50)", exit: "sma(10) crosses_below sma(50)" },
    short: {
      shortEntry: "sma(10) crosses_below sma(50)",
      shortExit: "sma(10) crosses_above sma(50)",
    },
  },
  {
    id: "rsi_reversion",
    long: { entry: "rsi(14) < 30", exit: "rsi(14) > 50" },
    short: { shortEntry: "rsi(14) > 70", shortExit: "rsi(14) < 50" },
  },
  {
    id: "macd_trend",
    long: {
      entry: "macd(12, 26, 9).macd crosses_above macd(12, 26, 9).signal",
      exit: "macd(12, 26, 9).macd crosses_below macd(12, 26, 9).signal",
    },
    short: {
      shortEntry: "macd(12, 26, 9).macd crosses_below macd(12, 26, 9).signal",
      shortExit: "macd(12, 26, 9).macd crosses_above macd(12, 26, 9).signal",
    },
  },
];

function builtinTargets(id: string, cols: Cols): Int8Array {
  const s = STRATEGIES[id]!;
  const params = s.params.parse({});
  const out = new Int8Array(cols.close.length);
  s.targets!(cols, params, s.prepare(cols, params, new IndicatorCache()), out);
  return out;
}

/** A rule strategy as the registry will hold it (targets precomputed in `prepare`). */
function ruleStrategy(text: RuleSetText): AnyStrategy {
  const set = compileRuleSet(text);
  return {
    id: "rule",
    name: "Rule",
    description: "rule",
    params: z.object({}),
    warmup: () => set.entry.lookback,
    prepare: (cols: Cols, _p: unknown, cache: IndicatorCache) => ruleTargets(set, cols, { cache }),
    decide: ({ i, state }: { i: number; state: Int8Array }) => state[i]!,
    targets: (_c: Cols, _p: unknown, state: Int8Array, out: Int8Array) => out.set(state),
    grid: {},
  };
}

for (const { id, long, short } of CASES) {
  Deno.test(`ruleTargets() - the ${id} rules give exactly the built-in ${id} targets on real bars`, () => {
    const seen = new Set<number>();
    for (const [symbol, cols] of DATA) {
      const builtin = builtinTargets(id, cols);
      for (const t of builtin) seen.add(t);
      const withShorts = ruleTargets(compileRuleSet({ ...long, ...short }), cols);
      assert.deepEqual(withShorts, builtin, `${symbol} long and short`);
      const longOnly = ruleTargets(compileRuleSet(long), cols);
      assert.deepEqual(longOnly, builtin.map((t) => Math.max(0, t)), `${symbol} long only`);
    }
    assert.deepEqual([...seen].sort(), [-1, 0, 1], "the data exercises long, flat and short");
  });

  Deno.test(`ruleTargets() - a ${id} rule strategy backtests to the same trades and metrics`, () => {
    const [symbol, cols] = DATA[0]!;
    const builtin = STRATEGIES[id]!;
    for (const allowShort of [false, true]) {
      for (const path of ["auto", "callback"] as const) {
        const opts = { feeBps: 5, slippageBps: 2, allowShort };
        const rule = ruleStrategy(allowShort ? { ...long, ...short } : long);
        const a = runBacktest(cols, builtin, builtin.params.parse({}), opts, { path }, symbol);
        const b = runBacktest(cols, rule, {}, opts, { path }, symbol);
        assert.deepEqual(b.trades, a.trades, `${path} shorts=${allowShort}`);
        assert.deepEqual(b.metrics, a.metrics);
        assert.ok(a.trades.length > 3);
      }
    }
  });
}

Deno.test("ruleTargets() - without an exit, long exactly while the entry holds", () => {
  const [, cols] = DATA[0]!;
  const t = ruleTargets(compileRuleSet({ entry: "close > sma(50)" }), cols);
  const e = ruleTargets(
    compileRuleSet({ entry: "close > sma(50)", exit: "not (close > sma(50))" }),
    cols,
  );
  assert.deepEqual(t, e);
  assert.ok(t.every((x) => x === 0 || x === 1));
});

Deno.test("compileRuleSet() - a broken rule names its field", () => {
  assert.throws(
    () => compileRuleSet({ entry: "close > 1", shortExit: "rsl(14) < 30" }),
    (e: unknown) => (e as { details: { field: string } }).details.field === "short_exit",
  );
});
