/**
 * The screener's core: one compiled rule over many symbols' in-memory columns, as of one date,
 * with requested column values and how long the rule has been true. Pure.
 *
 * @module
 */
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { firstBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { T, U } from "./kernels.ts";
import { PointRule } from "./pointwise.ts";
import type { CompiledRule } from "./compile.ts";
import { checkBudget, DEFAULT_BUDGET } from "./evaluate.ts";

/** Options of {@link screen}. */
export interface ScreenOptions {
  /** ISO date: evaluate at each symbol's last bar on or before it (default: its last bar). */
  asOf?: string | undefined;
  /** Compiled expressions whose values at that bar are returned with each match. */
  columns?: readonly CompiledRule[];
  /** Most bars × cost units for the whole universe (default {@link DEFAULT_BUDGET}). */
  budget?: number;
}

/** One symbol where the rule is true. */
export interface ScreenMatch {
  /** The symbol. */
  symbol: string;
  /** Index of the bar evaluated. */
  index: number;
  /** Date of that bar. */
  asOf: string;
  /** True when that bar is older than the newest bar screened (the symbol's data lag). */
  stale: boolean;
  /** Bars since the rule became true (0: it became true on this bar). */
  barsSinceTrue: number;
  /** Values of the requested columns (numbers; conditions as 1/0; null while undefined). */
  values: (number | null)[];
}

/** Index of the last date ≤ `asOf` (−1 when none). */
function lastOnOrBefore(dates: readonly string[], asOf: string): number {
  let lo = 0, hi = dates.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= asOf) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

function valueAt(point: PointRule, rule: CompiledRule, i: number): number | null {
  const v = point.at(rule.root, i);
  if (rule.kind === "condition") return v === U ? null : v === T ? 1 : 0;
  return Number.isFinite(v) ? v : null;
}

/** One symbol to screen: its full columns and the index of the bar evaluated. */
export type ScreenItem = readonly [symbol: string, cols: Cols, index: number];

/** What {@link planScreen} found: the symbols to evaluate and the newest bar among them. */
export interface ScreenPlan {
  /** Symbols with a bar on or before `asOf`, in the universe's order. */
  items: ScreenItem[];
  /** Date of the newest bar evaluated (a row older than it is stale). */
  newest: string;
}

/**
 * Checks the whole screen's budget (throws {@link RuleError} over it) and picks each symbol's
 * bar as of `asOf`; no rule is evaluated yet.
 */
export function planScreen(
  rule: CompiledRule,
  universe: ReadonlyMap<string, Cols>,
  { asOf, columns = [], budget = DEFAULT_BUDGET }: ScreenOptions = {},
): ScreenPlan {
  if (rule.kind !== "condition") throw new TypeError("screen() needs a condition rule");
  const cost = rule.cost + columns.reduce((s, c) => s + c.cost, 0);
  let units = 0;
  for (const cols of universe.values()) units += cols.close.length * cost;
  checkBudget(rule, units, budget);
  const items: ScreenItem[] = [];
  let newest = "";
  for (const [symbol, cols] of universe) {
    const i = asOf === undefined ? cols.close.length - 1 : lastOnOrBefore(cols.dates, asOf);
    if (i < 0) continue;
    items.push([symbol, cols, i]);
    if (cols.dates[i]! > newest) newest = cols.dates[i]!;
  }
  return { items, newest };
}

/**
 * The match of one planned symbol, or null where the rule is not true at its bar: the rule
 * and `columns` read that symbol's bars up to that bar only. Yields after each node computed
 * over the whole series (a caller with a deadline pauses there); see {@link screenOne}.
 */
export function* screenSteps(
  rule: CompiledRule,
  [symbol, full, i]: ScreenItem,
  newest: string,
  columns: readonly CompiledRule[] = [],
): Generator<void, ScreenMatch | null, void> {
  const cols = i === full.close.length - 1 ? full : firstBars(full, i + 1);
  const cache = new IndicatorCache();
  const point = yield* PointRule.prepare(rule, cols, cache);
  if (point.at(rule.root, i) !== T) return null;
  let k = i;
  while (k > 0 && point.at(rule.root, k - 1) === T) k--;
  const values: (number | null)[] = [];
  for (const c of columns) values.push(valueAt(yield* PointRule.prepare(c, cols, cache), c, i));
  return {
    symbol,
    index: i,
    asOf: cols.dates[i]!,
    stale: cols.dates[i]! < newest,
    barsSinceTrue: i - k,
    values,
  };
}

/** {@link screenSteps} run to its end at once. */
export function screenOne(
  rule: CompiledRule,
  item: ScreenItem,
  newest: string,
  columns: readonly CompiledRule[] = [],
): ScreenMatch | null {
  const steps = screenSteps(rule, item, newest, columns);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * Every symbol of `universe` where the condition `rule` is true at the bar as of `asOf`, in
 * the universe's order, with `columns` evaluated at that bar. Each symbol is evaluated on its
 * bars up to that bar only. Throws {@link RuleError} when the whole screen exceeds the budget.
 * Synchronous: a server screens with `screenPaced` (screen_paced.ts), which yields between
 * symbols and stops at a deadline.
 *
 * @example
 * ```ts
 * import { compileRule } from "./compile.ts";
 * import { screen } from "./screen.ts";
 * import type { OhlcvColumns as Cols } from "../market_data/series.ts";
 * const rule = compileRule("rsi(14) < 30 and close > sma(200)", { expect: "condition" });
 * const oversold = (universe: Map<string, Cols>) =>
 *   screen(rule, universe, { columns: [compileRule("rsi(14)")] });
 * ```
 */
export function screen(
  rule: CompiledRule,
  universe: ReadonlyMap<string, Cols>,
  options: ScreenOptions = {},
): ScreenMatch[] {
  const { items, newest } = planScreen(rule, universe, options);
  const out: ScreenMatch[] = [];
  for (const item of items) {
    const m = screenOne(rule, item, newest, options.columns);
    if (m) out.push(m);
  }
  return out;
}
