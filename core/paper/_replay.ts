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
import { calendarView } from "../timeframes/cache.ts";

/** A bot's strategy prepared once on its bars up to the last replayed day. */
export interface BotDecider {
  /** The bot's bars at its interval (daily, or weekly/monthly aggregated from daily). */
  series: Series;
  /** Last bar the preparation covered: the last bar that has closed by the replay's end. */
  lastBar: number;
  /** The bar that opens on trading day `d` (its first day), or −1. */
  openAt(d: string): number;
  /** The bar that closes on trading day `d` (its last day, its period ended), or −1. */
  closeAt(d: string): number;
  /** Decision at the close of bar `i` (with its exit levels); call in bar order. */
  at(i: number): number | Decision;
}

/**
 * Prepares `bot`'s strategy on its bars (the daily bars `daily`, or their weekly/monthly
 * aggregation for a `1w`/`1mo` bot) that have closed by `until` (null for an unknown strategy
 * or no such bar). A weekly bar opens on its first trading day and closes on its last, and only
 * once the calendar shows its period has ended: the bot's order decided at a week's close fills
 * at the next week's open, its exits are checked against the whole week's range on the week's
 * last day, and it never decides on a week still in progress. The strategy reads only bars ≤ i
 * to decide at i (truncation-tested), so one preparation serves every day of the replay.
 */
export function botDecider(bot: BotRow, daily: Series, until: string): BotDecider | null {
  const strategy = findStrategy(bot.strategy);
  const interval = bot.interval ?? "1d";
  const s = interval === "1d" ? daily : calendarView(daily, interval);
  const closes = closeDays(daily, s, interval !== "1d" && s.dates.length > 0 && isPartial(s));
  let lastBar = -1;
  while (lastBar + 1 < closes.length) {
    const c = closes[lastBar + 1];
    if (c === null || c === undefined || c > until) break;
    lastBar++;
  }
  if (!strategy || lastBar < 0) return null;
  const cols = firstBars(s, lastBar + 1);
  const params = JSON.parse(bot.params);
  const state = strategy.prepare(cols, params, new IndicatorCache());
  const opens = new Map<string, number>(), closing = new Map<string, number>();
  s.dates.forEach((d, i) => opens.set(d, i));
  closes.forEach((d, i) => d !== null && closing.set(d, i));
  return {
    series: s,
    lastBar,
    openAt: (d) => opens.get(d) ?? -1,
    closeAt: (d) => closing.get(d) ?? -1,
    at: decider(strategy, cols, params, state, bot.last_target),
  };
}

function isPartial(s: Series): boolean {
  return (s as { partial?: boolean }).partial === true;
}

/**
 * The trading day each bar of `s` (bars made of `daily`'s days, labelled with their first)
 * closes on: its last daily bar, null for a last bar whose period has not ended.
 */
export function closeDays(daily: Series, s: Series, lastPartial: boolean): (string | null)[] {
  const out: (string | null)[] = new Array(s.dates.length).fill(null);
  let j = 0;
  for (const d of daily.dates) {
    while (j + 1 < s.dates.length && s.dates[j + 1]! <= d) j++;
    if (s.dates[j]! <= d) out[j] = d;
  }
  if (lastPartial && out.length > 0) out[out.length - 1] = null;
  return out;
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
