/**
 * Helpers shared by the backtest, optimisation and paper routes: strategy lookup with a 422,
 * and a symbol's bars cut to a date range.
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import type { Cols } from "../../backtest/types.ts";
import type { CoreDeps } from "../../deps.ts";
import { rangeIndices } from "../../market_data/series.ts";
import type { Interval } from "@trading/shared/schemas";
import { completeBarCount } from "../../timeframes/aggregate.ts";
import { loadBars } from "../../timeframes/load_bars.ts";
import { type AnyStrategy, STRATEGIES, strategyFor } from "../../strategies/mod.ts";

/**
 * The strategy with this id as `params` will run it (the `rule` strategy specialised to the
 * request's rules, a 422 `rule_invalid` for a broken one), or a 422 naming `strategy` and
 * listing the known ids.
 */
export function strategyOr422(id: string, params?: unknown): AnyStrategy {
  const s = strategyFor(id, params);
  if (!s) {
    const known = Object.keys(STRATEGIES).join(", ");
    throw new ValidationError(`Unknown strategy "${id}"; known strategies: ${known}`, [
      { field: "strategy", message: `unknown strategy; one of ${known}` },
    ]);
  }
  return s;
}

/** A view (no copy) of bars `start..end` of columns. */
export function sliceCols(c: Cols, start: number, end: number): Cols {
  return {
    dates: c.dates.slice(start, end),
    open: c.open.subarray(start, end),
    high: c.high.subarray(start, end),
    low: c.low.subarray(start, end),
    close: c.close.subarray(start, end),
    volume: c.volume.subarray(start, end),
  };
}

/**
 * The bars of `symbol` at `interval` (daily by default) within `from..to`, without a last week
 * or month that has not ended (no decision is made on a partial bar); 404 for an unknown symbol.
 */
export async function barsInRange(
  deps: CoreDeps,
  symbol: string,
  range: { from?: string | undefined; to?: string | undefined; interval?: Interval | undefined },
): Promise<Cols> {
  const s = await loadBars(deps, symbol, range.interval ?? "1d");
  const { start, end } = rangeIndices(s, range);
  return sliceCols(s, start, Math.min(end, completeBarCount(s)));
}
