/**
 * The `rule` strategy: the trader's own entry/exit rules (core/rules) as a strategy of the
 * registry, so it runs wherever a built-in one does — backtests, the CLI, the optimiser's
 * workers and paper bots. Its parameters are the rules' text plus the values of their
 * `$parameters`; everything needed to rebuild it travels in the parameters (a worker or a
 * stored bot needs only `strategy: "rule"` and `params`). Pure.
 *
 * @module
 */
import { z } from "zod";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { ruleParams } from "../rules/compile.ts";
import { RuleSourceSchema } from "@trading/shared/schemas";
import { compileRuleSet, type RuleSet, ruleTargets } from "../rules/targets.ts";
import type { IndicatorCache } from "../indicators/indicator_cache.ts";
import type { AnyStrategy } from "./types.ts";

/** The rule fields of the parameters, by wire name. */
export const RULE_FIELDS = ["entry", "exit", "short_entry", "short_exit"] as const;

/** Wire name of a rule field. */
export type RuleField = typeof RULE_FIELDS[number];

const text = RuleSourceSchema;

/** The rules' text (without `$parameter` values). */
export const RuleTextSchema = z.object({
  entry: text.default("close > sma(50)").describe("go (or stay) long when true"),
  exit: text.optional().describe("leave a long when true (default: when entry is not true)"),
  short_entry: text.optional().describe("go short when true (needs allow_short)"),
  short_exit: text.optional().describe("cover a short when true (default: short_entry not true)"),
});

/** Validated parameters of a rule strategy: the rules plus `$parameter` values by name. */
export type RuleParams = z.infer<typeof RuleTextSchema> & Record<string, unknown>;

const memo = new Map<string, RuleSet>();

/** The compiled rules of `params` (memoised by text and values: a grid reuses them). */
export function ruleSetOf(params: RuleParams): RuleSet {
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === "number") values[k] = v;
  const key = JSON.stringify([params.entry, params.exit, params.short_entry, params.short_exit]) +
    JSON.stringify(Object.entries(values).sort());
  let set = memo.get(key);
  if (!set) {
    // a default declared in one rule serves the others (`$slow = 50` in entry, `$slow` in exit)
    for (const src of [params.entry, params.exit, params.short_entry, params.short_exit]) {
      for (const d of src === undefined ? [] : ruleParams(src)) {
        if (values[d.name] === undefined && d.default !== undefined) values[d.name] = d.default;
      }
    }
    set = compileRuleSet({
      entry: params.entry,
      exit: params.exit,
      shortEntry: params.short_entry,
      shortExit: params.short_exit,
    }, { params: values });
    if (memo.size >= 512) memo.clear();
    memo.set(key, set);
  }
  return set;
}

/** Bars of history the set needs before every rule is defined. */
function lookbackOf(set: RuleSet): number {
  return Math.max(
    ...[set.entry, set.exit, set.shortEntry, set.shortExit].map((r) => r?.lookback ?? 0),
  );
}

/** The strategy's behaviour given a parameter schema and a default grid. */
export function ruleStrategyWith(
  params: z.ZodType<RuleParams>,
  grid: Record<string, readonly number[]>,
): AnyStrategy {
  return {
    id: "rule",
    name: "Custom rule",
    description: "Your own rules: long when `entry` is true until `exit` is (or entry stops " +
      "holding), short likewise with `short_entry`/`short_exit` when shorts are allowed. " +
      "Rules are written in the rule language (README); `$name` parameters take their values " +
      "from the parameters of the same name and can be optimised on a grid.",
    params,
    warmup: (p: RuleParams) => lookbackOf(ruleSetOf(p)),
    prepare: (cols: Cols, p: RuleParams, cache: IndicatorCache) =>
      ruleTargets(ruleSetOf(p), cols, { cache }),
    decide: ({ i, state }: { i: number; state: Int8Array }) => state[i]!,
    targets: (_c: Cols, _p: RuleParams, state: Int8Array, out: Int8Array) => out.set(state),
    grid,
  };
}

/**
 * The registry's `rule` strategy: any rules, any `$parameter` values (numbers). Routes
 * specialise it to one set of rules with {@link ruleStrategyFor} (exact parameter names,
 * bounds and grid); workers and paper bots rebuild it from the stored parameters alone.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { ruleStrategy } from "./rule.ts";
 *
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const params = ruleStrategy.params.parse({
 *   entry: "sma($fast = 10) crosses_above sma($slow = 50)",
 *   exit: "sma($fast) crosses_below sma($slow)",
 *   fast: 20,
 * });
 * const { trades } = runBacktest(series, ruleStrategy, params);
 * ```
 */
export const ruleStrategy: AnyStrategy = ruleStrategyWith(
  RuleTextSchema.catchall(z.number().finite()) as unknown as z.ZodType<RuleParams>,
  {},
);
