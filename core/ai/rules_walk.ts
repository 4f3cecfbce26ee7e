/**
 * The rules analyst walked forward through a history: a call every N bars, each seeing only
 * the bars up to its day. The calls the track record and `ai:evaluate --backfill` score. Pure.
 *
 * @module
 */
import type { Series } from "../market_data/series.ts";
import { barsAsOf } from "./bars_as_of.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import { ruleAnalysis, RULES_VERSION } from "./rule_analyst.ts";
import type { JournalEntry } from "./store.ts";

/** Bars of history before the first walk-forward call (indicators need 200). */
export const WALK_MIN_BARS = 250;

/** Bars between two calls of the walk (the rules' BUY/SELL horizon: calls barely overlap). */
export const WALK_EVERY_BARS = 20;

/**
 * The rules analyst's calls on `s` every `every` bars from bar {@link WALK_MIN_BARS}.
 *
 * @example
 * ```ts
 * import { seriesFromBars } from "../market_data/series.ts";
 * rulesWalk(seriesFromBars("T", []), 20); // []: fewer than 250 bars, no call yet
 * ```
 */
export function rulesWalk(s: Series, every = WALK_EVERY_BARS): JournalEntry[] {
  return [...rulesWalkSteps(s, every)];
}

/**
 * The same calls one at a time, so a caller on a server can spread the walk over several turns
 * of the event loop (each call reads the whole history up to its day).
 *
 * @example
 * ```ts
 * import { seriesFromBars } from "../market_data/series.ts";
 * [...rulesWalkSteps(seriesFromBars("T", []))].length; // 0
 * ```
 */
export function* rulesWalkSteps(s: Series, every = WALK_EVERY_BARS): Generator<JournalEntry> {
  if (!Number.isInteger(every) || every < 1) {
    throw new RangeError(
      `Cannot walk the rules analyst: every must be a positive integer, current value is ${every}`,
    );
  }
  for (let n = WALK_MIN_BARS; n <= s.dates.length; n += every) {
    const cols = barsAsOf(s, s.dates[n - 1]);
    const pack = factsFromBars(s.symbol, cols, { backtest: null });
    const a = ruleAnalysis(pack, "en");
    yield {
      symbol: s.symbol,
      data_date: pack.data_date,
      source: "rules",
      model: "rules",
      prompt_version: RULES_VERSION,
      stance: a.stance,
      confidence: a.confidence,
      entry: a.entry,
      target: a.target,
      stop: a.stop,
      horizon_days: a.horizon_days,
    };
  }
}
