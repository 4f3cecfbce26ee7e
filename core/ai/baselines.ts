/**
 * What a call without skill would score, measured beside each scored call:
 *
 * - **analytic**: with the stop at distance S and the target at distance T, a driftless walk
 *   reaches the target first S/(S+T) of the time (BUY/SELL only; it ignores the horizon, so a
 *   call that may also expire is held to a baseline slightly above what chance gives);
 * - **random dates**: the same symbol, stance, relative target/stop distances and horizon,
 *   entered on a bar drawn uniformly within ±{@link RANDOM_WINDOW_BARS} of the call (seeded,
 *   `draws` draws): does the analyst pick better moments than chance?
 * - **random side**: the same bar and distances, long or short by a coin flip (BUY/SELL only):
 *   does the analyst pick the better side?
 * - **buy-and-hold**: the return of holding the symbol from the call's close over its horizon.
 *
 * Pure.
 *
 * @module
 */
import { lowerBound } from "../market_data/series.ts";
import type { OhlcvColumns } from "../signals/mod.ts";
import { type ScoredCall, scoreFrom } from "./evaluate.ts";
import type { JournalEntry } from "./store.ts";
import { seededRandom } from "./track_stats.ts";

/** Random entries are drawn within this many bars either side of the call (about a year). */
export const RANDOM_WINDOW_BARS = 250;

/** A scored call with its baselines. */
export interface RatedCall extends ScoredCall {
  /** Target reached (BUY/SELL) or range held (HOLD); null while pending. */
  hit: boolean | null;
  /** S/(S+T) from the call's own levels (null for HOLD). */
  pAnalytic: number | null;
  /** Per draw, 1 when the random-date entry hit (null while pending). */
  randomDate: Uint8Array | null;
  /** Per draw, 1 when the random-side entry hit (null for HOLD or while pending). */
  randomSide: Uint8Array | null;
  /** Buy-and-hold return over the horizon from the call's close (null for HOLD or pending). */
  buyHold: number | null;
}

/** Options of {@link rateCalls}. */
export interface RateOptions {
  /** Random draws per call (default 1000). */
  draws?: number;
  /** Seed of the draws (default 20). */
  seed?: number;
}

/**
 * The analytic baseline S/(S+T) of a BUY or SELL call; null for HOLD or broken levels.
 *
 * @example
 * ```ts
 * analyticBaseline({ stance: "BUY", entry: 100, target: 104, stop: 96 }); // 0.5
 * ```
 */
export function analyticBaseline(e: Pick<JournalEntry, "stance" | "entry" | "target" | "stop">) {
  if (e.stance === "HOLD") return null;
  const s = Math.abs(e.entry - e.stop), t = Math.abs(e.target - e.entry);
  return s + t > 0 && Number.isFinite(s + t) ? s / (s + t) : null;
}

const isHit = (s: ScoredCall) =>
  s.outcome === "pending" ? null : s.outcome === "target" || s.outcome === "held";

/** `e` moved to the close of bar `i` with the same relative distances (and side when `flip`). */
function movedTo(e: JournalEntry, cols: OhlcvColumns, i: number, flip: boolean): JournalEntry {
  const entry = cols.close[i]!;
  const t = e.target / e.entry, s = e.stop / e.entry;
  if (!flip) return { ...e, data_date: cols.dates[i]!, entry, target: entry * t, stop: entry * s };
  return {
    ...e,
    stance: e.stance === "BUY" ? "SELL" : "BUY",
    entry,
    target: entry * (2 - t),
    stop: entry * (2 - s),
  };
}

/** FNV-1a hash of a string: a per-call seed, so adding calls never changes others' draws. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The baselines of each scored call, reading the bars of its symbol from `seriesOf` (calls of
 * a symbol it does not know keep null baselines).
 *
 * @example
 * ```ts
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { scoreCall } from "./evaluate.ts";
 * const bars = [100, 101, 103, 106, 104].map((close, i) => ({
 *   date: `2020-01-0${i + 1}`, open: close, high: close + 1, low: close - 1, close, volume: 1,
 * }));
 * const s = seriesFromBars("T", bars);
 * const call = {
 *   symbol: "T", data_date: "2020-01-01", source: "rules" as const, model: "rules",
 *   prompt_version: "rules-v1", stance: "BUY" as const, confidence: 0.6, entry: 100,
 *   target: 104, stop: 98, horizon_days: 3,
 * };
 * const [rated] = rateCalls([scoreCall(call, s)], () => s, { draws: 100 });
 * rated!.hit; // true: 104 is reached on 2020-01-03
 * rated!.pAnalytic; // 2 / 6
 * ```
 */
export function rateCalls(
  scored: readonly ScoredCall[],
  seriesOf: (symbol: string) => OhlcvColumns | undefined,
  { draws = 1000, seed = 20 }: RateOptions = {},
): RatedCall[] {
  return scored.map((s) => {
    const e = s.entry;
    const hit = isHit(s);
    const cols = seriesOf(e.symbol);
    const base: RatedCall = {
      ...s,
      hit,
      pAnalytic: analyticBaseline(e),
      randomDate: null,
      randomSide: null,
      buyHold: null,
    };
    if (hit === null || !cols) return base;
    const i = lowerBound(cols.dates, e.data_date + "\uffff") - 1;
    const last = cols.close.length - 1;
    const random = seededRandom(
      hash(`${e.symbol}|${e.data_date}|${e.model}|${e.prompt_version}`) ^ seed,
    );
    const lo = Math.max(0, i - RANDOM_WINDOW_BARS);
    const hi = Math.min(last - e.horizon_days, i + RANDOM_WINDOW_BARS);
    if (hi >= lo) {
      base.randomDate = new Uint8Array(draws);
      for (let d = 0; d < draws; d++) {
        const j = lo + Math.floor(random() * (hi - lo + 1));
        base.randomDate[d] = isHit(scoreFrom(movedTo(e, cols, j, false), cols, j + 1)) ? 1 : 0;
      }
    }
    if (e.stance !== "HOLD" && i >= 0) {
      const flipped = isHit(scoreFrom(movedTo(e, cols, i, true), cols, i + 1)) ? 1 : 0;
      const own = hit ? 1 : 0;
      base.randomSide = new Uint8Array(draws);
      for (let d = 0; d < draws; d++) base.randomSide[d] = random() < 0.5 ? own : flipped;
      if (i + e.horizon_days <= last) {
        base.buyHold = cols.close[i + e.horizon_days]! / cols.close[i]! - 1;
      }
    }
    return base;
  });
}
