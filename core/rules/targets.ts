/**
 * Target positions from entry and exit rules, in the shape a strategy's `targets()` writes
 * (an `Int8Array` of −1 short, 0 flat, 1 long per bar), so a `rule` strategy can run in the
 * backtester, the optimiser and paper bots.
 *
 * @module
 */
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { T } from "./kernels.ts";
import { type CompiledRule, compileRule } from "./compile.ts";
import { checkBudget, DEFAULT_BUDGET, evaluateRaw } from "./evaluate.ts";

/** The rules of a rule strategy, as text (wire names: entry, exit, short_entry, short_exit). */
export interface RuleSetText {
  /** Go (or stay) long when true. */
  entry: string;
  /** Leave a long when true (default: when `entry` is no longer true). */
  exit?: string | undefined;
  /** Go short when true (default: never). */
  shortEntry?: string | undefined;
  /** Cover a short when true (default: when `shortEntry` is no longer true). */
  shortExit?: string | undefined;
}

/** The compiled rules of a rule strategy. */
export interface RuleSet {
  /** Entry condition. */
  entry: CompiledRule;
  /** Exit condition, if given. */
  exit?: CompiledRule | undefined;
  /** Short entry condition, if given. */
  shortEntry?: CompiledRule | undefined;
  /** Short exit condition, if given. */
  shortExit?: CompiledRule | undefined;
}

const FIELDS = { entry: "entry", exit: "exit", shortEntry: "short_entry", shortExit: "short_exit" };

/**
 * Compiles each rule of a set as a condition with the same `$parameter` values; a
 * {@link RuleError} names the rule in `details.field` (`entry`, `exit`, `short_entry`,
 * `short_exit`).
 *
 * @example
 * ```ts
 * import { compileRuleSet } from "./targets.ts";
 * const set = compileRuleSet({ entry: "sma(10) crosses_above sma(50)", exit: "sma(10) crosses_below sma(50)" });
 * ```
 */
export function compileRuleSet(
  text: RuleSetText,
  { params = {} }: { params?: Readonly<Record<string, number>> } = {},
): RuleSet {
  const one = (k: keyof RuleSetText) => {
    const src = text[k];
    return src === undefined
      ? undefined
      : compileRule(src, { params, expect: "condition", field: FIELDS[k] });
  };
  return {
    entry: one("entry")!,
    exit: one("exit"),
    shortEntry: one("shortEntry"),
    shortExit: one("shortExit"),
  };
}

/** Options of {@link ruleTargets}. */
export interface RuleTargetOptions {
  /** Cache shared across parameter sets on the same bars (default: a fresh one). */
  cache?: IndicatorCache;
  /** Most bars × cost units allowed for the whole set (default {@link DEFAULT_BUDGET}). */
  budget?: number;
  /** Where to write (default: a new array of one entry per bar). */
  out?: Int8Array;
}

/**
 * The target position at each bar, decided at its close from the rules' values at that bar
 * and the previous target (so it is causal like every strategy):
 * - long: leave when `exit` is true (or, without `exit`, when `entry` is not); then go short
 *   at once if `shortEntry` is true and `shortExit` is not;
 * - short: cover when `shortExit` is true (or, without it, when `shortEntry` is not); then go
 *   long at once if `entry` is true and `exit` is not;
 * - flat: go long when `entry` is true and `exit` is not, else short when `shortEntry` is
 *   true and `shortExit` is not.
 * A condition that is undefined on a bar (warm-up) counts as not true.
 *
 * @example
 * ```ts
 * import { compileRuleSet, ruleTargets } from "./targets.ts";
 * import type { OhlcvColumns as Cols } from "../market_data/series.ts";
 * const set = compileRuleSet({ entry: "rsi(14) < 30", exit: "rsi(14) > 50" });
 * const targetsOf = (cols: Cols): Int8Array => ruleTargets(set, cols); // 0/1 per bar
 * ```
 */
export function ruleTargets(
  set: RuleSet,
  cols: Cols,
  { cache = new IndicatorCache(), budget = DEFAULT_BUDGET, out }: RuleTargetOptions = {},
): Int8Array {
  const n = cols.close.length;
  const rules = [set.entry, set.exit, set.shortEntry, set.shortExit].filter((r) => r !== undefined);
  checkBudget(set.entry, n * rules.reduce((s, r) => s + r.cost, 0), budget);
  const values = (r: CompiledRule | undefined) =>
    r ? evaluateRaw(r, cols, cache) as Uint8Array : undefined;
  const entry = values(set.entry)!, exit = values(set.exit);
  const shortEntry = values(set.shortEntry), shortExit = values(set.shortExit);
  const t = out ?? new Int8Array(n);
  let pos = 0;
  if (!shortEntry && !shortExit && exit) {
    // long only with an exit (the usual rule strategy): the loop below without its short cases
    for (let i = 0; i < n; i++) {
      if (pos === 1) {
        if (exit[i] === T) pos = 0;
      } else if (entry[i] === T && exit[i] !== T) pos = 1;
      t[i] = pos;
    }
    return t;
  }
  for (let i = 0; i < n; i++) {
    const enterLong = entry[i] === T;
    const leaveLong = exit ? exit[i] === T : !enterLong;
    const enterShort = shortEntry ? shortEntry[i] === T : false;
    const leaveShort = shortExit ? shortExit[i] === T : !enterShort;
    if (pos === 1 && leaveLong) pos = enterShort && !leaveShort ? -1 : 0;
    else if (pos === -1 && leaveShort) pos = enterLong && !leaveLong ? 1 : 0;
    else if (pos === 0) pos = enterLong && !leaveLong ? 1 : enterShort && !leaveShort ? -1 : 0;
    t[i] = pos;
  }
  return t;
}
