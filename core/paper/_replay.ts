/**
 * Replay helpers of the paper broker (private to core/paper): the days to replay, a bot's
 * strategy prepared once for a replay.
 *
 * @module
 */
import { lowerBound, type Series } from "../market_data/series.ts";
import { decider } from "../backtest/run.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { findStrategy } from "../strategies/mod.ts";
import type { Decision } from "../strategies/types.ts";
import type { BotRow } from "./store.ts";
import { firstBars } from "../market_data/series.ts";

/** A bot's strategy prepared once on its bars up to the last replayed day. */
export interface BotDecider {
  /** The bot's series. */
  series: Series;
  /** Last bar the preparation covered. */
  lastBar: number;
  /** Decision at the close of bar `i` (with its exit levels); call in bar order. */
  at(i: number): number | Decision;
}

/**
 * Prepares `bot`'s strategy on the bars of `s` up to `until` (null for an unknown strategy or
 * no bar). The strategy reads only bars ≤ i to decide at i (truncation-tested), so one
 * preparation serves every day of the replay.
 */
export function botDecider(bot: BotRow, s: Series, until: string): BotDecider | null {
  const strategy = findStrategy(bot.strategy);
  const lastBar = lowerBound(s.dates, until + "\uffff") - 1;
  if (!strategy || lastBar < 0) return null;
  const cols = firstBars(s, lastBar + 1);
  const params = JSON.parse(bot.params);
  const state = strategy.prepare(cols, params, new IndicatorCache());
  return { series: s, lastBar, at: decider(strategy, cols, params, state, bot.last_target) };
}

/** Trading dates after `clock` across the series, limited by `bars` or `to`. */
export function replayDates(
  series: ReadonlyMap<string, Series>,
  clock: string,
  by: { bars?: number | undefined; to?: string | undefined },
): string[] {
  const set = new Set<string>();
  for (const s of series.values()) {
    for (let i = lowerBound(s.dates, clock + "\uffff"); i < s.dates.length; i++) {
      const d = s.dates[i]!;
      if (by.to !== undefined && d > by.to) break;
      set.add(d);
    }
  }
  const dates = [...set].sort();
  return by.bars !== undefined ? dates.slice(0, by.bars) : dates;
}
