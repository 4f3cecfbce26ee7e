/**
 * Replay helpers of the paper broker (private to core/paper): the days to replay, a bot's
 * strategy prepared once for a replay, and how many shares the cash buys.
 *
 * @module
 */
import { lowerBound, type Series } from "../market_data/series.ts";
import { commission } from "../portfolio/fill_model.ts";
import { IndicatorCache } from "../strategies/indicator_cache.ts";
import { findStrategy } from "../strategies/mod.ts";
import type { BotRow } from "./store.ts";
import { firstBars } from "../market_data/series.ts";

/** A bot's strategy prepared once on its bars up to the last replayed day. */
export interface BotDecider {
  /** The bot's series. */
  series: Series;
  /** Last bar the preparation covered. */
  lastBar: number;
  /** Target at the close of bar `i` given the previous target. */
  at(i: number, previous: number): number;
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
  const ctx = { i: 0, cols, params, state, target: 0 };
  return {
    series: s,
    lastBar,
    at(i, previous) {
      ctx.i = i;
      ctx.target = previous;
      const dec = strategy.decide(ctx);
      return typeof dec === "number" ? dec : dec.target;
    },
  };
}

/** Whole shares that `cash` buys at `price` including commission. */
export function affordable(
  cash: number,
  price: number,
  c: { feeBps: number; minFee: number },
): number {
  let q = Math.floor(cash / (price * (1 + c.feeBps / 1e4)) + 1e-9);
  while (q > 0 && q * price + commission(q * price, c) > cash) q--;
  return q;
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
