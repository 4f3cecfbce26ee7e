/**
 * The scale of the backtest's equity chart (a module of its own: the result view reads it
 * without loading the chart code).
 *
 * @module
 */

/**
 * True when a curve spans more than a factor of ten (e.g. 23 years of buy-and-hold: +82,756%):
 * on a linear axis the early years and a smaller curve then lie flat on the bottom, so the
 * equity pane switches to a logarithmic scale, where equal distances are equal % changes.
 *
 * @example
 * ```ts
 * import { needsLogScale } from "./equity_scale.ts";
 *
 * needsLogScale([{ equity: 100, benchmark: 100 }, { equity: 180, benchmark: 1500 }]); // true
 * needsLogScale([{ equity: 100, benchmark: 100 }, { equity: 180, benchmark: 150 }]); // false
 * ```
 */
export function needsLogScale(equity: readonly { equity: number; benchmark: number }[]): boolean {
  return spansTenfold(equity.flatMap((p) => [p.equity, p.benchmark]));
}

/**
 * True when positive `values` span more than a factor of ten (a log axis reads them better);
 * false when any is zero or negative (a log axis cannot show it).
 *
 * @example
 * ```ts
 * import { spansTenfold } from "./equity_scale.ts";
 *
 * spansTenfold([0.15, 122.15]); // true: AAPL 1998 → 2021, split-adjusted
 * spansTenfold([116.4, 145.1]); // false
 * ```
 */
export function spansTenfold(values: Iterable<number>): boolean {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!(v > 0)) return false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi / lo > 10;
}
