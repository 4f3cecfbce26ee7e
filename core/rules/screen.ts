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

function valueAt(rule: CompiledRule, cols: Cols, cache: IndicatorCache, i: number): number | null {
  const v = new PointRule(rule, cols, cache).at(rule.root, i);
  if (rule.kind === "condition") return v === U ? null : v === T ? 1 : 0;
  return Number.isFinite(v) ? v : null;
}

/**
 * Every symbol of `universe` where the condition `rule` is true at the bar as of `asOf`, in
 * the universe's order, with `columns` evaluated at that bar. Each symbol is evaluated on its
 * bars up to that bar only. Throws {@link RuleError} when the whole screen exceeds the budget.
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
  { asOf, columns = [], budget = DEFAULT_BUDGET }: ScreenOptions = {},
): ScreenMatch[] {
  if (rule.kind !== "condition") throw new TypeError("screen() needs a condition rule");
  const cost = rule.cost + columns.reduce((s, c) => s + c.cost, 0);
  let units = 0;
  for (const cols of universe.values()) units += cols.close.length * cost;
  checkBudget(rule, units, budget);
  const picked: [string, Cols, number][] = [];
  let newest = "";
  for (const [symbol, cols] of universe) {
    const i = asOf === undefined ? cols.close.length - 1 : lastOnOrBefore(cols.dates, asOf);
    if (i < 0) continue;
    picked.push([symbol, cols, i]);
    if (cols.dates[i]! > newest) newest = cols.dates[i]!;
  }
  const out: ScreenMatch[] = [];
  for (const [symbol, full, i] of picked) {
    const cols = i === full.close.length - 1 ? full : firstBars(full, i + 1);
    const cache = new IndicatorCache();
    const point = new PointRule(rule, cols, cache);
    if (point.at(rule.root, i) !== T) continue;
    let k = i;
    while (k > 0 && point.at(rule.root, k - 1) === T) k--;
    out.push({
      symbol,
      index: i,
      asOf: cols.dates[i]!,
      stale: cols.dates[i]! < newest,
      barsSinceTrue: i - k,
      values: columns.map((c) => valueAt(c, cols, cache, i)),
    });
  }
  return out;
}
