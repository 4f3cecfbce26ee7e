/**
 * Scores past calls of the analyst against what the bars did next: a BUY or SELL call hits its
 * target, is stopped, or expires after its horizon; a HOLD call holds its range or breaks out.
 * When the stop and the target are both touched within one bar the stop is assumed first (the
 * conservative reading of a daily bar). A gap through a level exits at the open. Pure.
 *
 * @module
 */
import { lowerBound } from "../market_data/series.ts";
import type { OhlcvColumns } from "../signals/mod.ts";
import type { JournalEntry } from "./store.ts";

/** What happened after a call. */
export type Outcome = "target" | "stopped" | "expired" | "held" | "broke_out" | "pending";

/** The score of one call. */
export interface ScoredCall {
  /** The call. */
  entry: JournalEntry;
  /** What happened. */
  outcome: Outcome;
  /** Date it was decided (null while pending). */
  exit_date: string | null;
  /** Return of following the call, as a fraction (BUY long, SELL short; 0 for HOLD). */
  return: number | null;
}

/**
 * Scores one call against `cols` (the symbol's bars, dates ascending).
 *
 * @example
 * ```ts
 * import { scoreCall } from "./evaluate.ts";
 * import type { JournalEntry } from "./store.ts";
 *
 * const call: JournalEntry = {
 *   symbol: "AAPL",
 *   data_date: "2024-01-02",
 *   source: "rules",
 *   model: "rules",
 *   prompt_version: "v1",
 *   stance: "BUY",
 *   confidence: 0.7,
 *   entry: 100,
 *   target: 106,
 *   stop: 96,
 *   horizon_days: 20,
 * };
 * const cols = {
 *   dates: ["2024-01-02", "2024-01-03", "2024-01-04"],
 *   open: Float64Array.of(99, 100, 103),
 *   high: Float64Array.of(101, 104, 107),
 *   low: Float64Array.of(98, 99, 102),
 *   close: Float64Array.of(100, 103, 106),
 *   volume: Float64Array.of(1e6, 1e6, 1e6),
 * };
 * scoreCall(call, cols); // { entry: call, outcome: "target", exit_date: "2024-01-04", return: 0.06 }
 * ```
 */
export function scoreCall(e: JournalEntry, cols: OhlcvColumns): ScoredCall {
  return scoreFrom(e, cols, lowerBound(cols.dates, e.data_date + "\uffff"));
}

/**
 * Scores `e` as if made at the close of the bar before `start` (the first bar it is judged
 * on): what {@link scoreCall} does once it has found that bar. The random-entry baselines call
 * it directly with other entry bars.
 */
export function scoreFrom(e: JournalEntry, cols: OhlcvColumns, start: number): ScoredCall {
  const long = e.stance === "BUY";
  for (let k = 0; k < e.horizon_days; k++) {
    const i = start + k;
    if (i >= cols.close.length) {
      return { entry: e, outcome: "pending", exit_date: null, return: null };
    }
    const o = cols.open[i]!, h = cols.high[i]!, l = cols.low[i]!, date = cols.dates[i]!;
    if (e.stance === "HOLD") {
      if (h >= e.target || l <= e.stop) {
        return { entry: e, outcome: "broke_out", exit_date: date, return: 0 };
      }
      continue;
    }
    const stopped = long ? l <= e.stop : h >= e.stop;
    const hit = long ? h >= e.target : l <= e.target;
    if (stopped) {
      const px = long ? Math.min(o, e.stop) : Math.max(o, e.stop);
      return { entry: e, outcome: "stopped", exit_date: date, return: ret(e, px) };
    }
    if (hit) {
      const px = long ? Math.max(o, e.target) : Math.min(o, e.target);
      return { entry: e, outcome: "target", exit_date: date, return: ret(e, px) };
    }
  }
  const last = start + e.horizon_days - 1;
  if (e.stance === "HOLD") {
    return { entry: e, outcome: "held", exit_date: cols.dates[last]!, return: 0 };
  }
  return {
    entry: e,
    outcome: "expired",
    exit_date: cols.dates[last]!,
    return: ret(e, cols.close[last]!),
  };
}

function ret(e: JournalEntry, exit: number): number {
  return e.stance === "SELL" ? (e.entry - exit) / e.entry : (exit - e.entry) / e.entry;
}

/** Hit rates of one group of calls. */
export interface HitRates {
  /** Calls in the group. */
  calls: number;
  /** Calls decided (not pending). */
  scored: number;
  /** Count per outcome. */
  outcomes: Record<Outcome, number>;
  /**
   * (target + held) / decided calls: for BUY/SELL calls target / (target + stopped + expired),
   * for HOLD calls held / (held + broke_out). Null when nothing is decided yet.
   */
  hit_rate: number | null;
  /** Mean return of the decided BUY/SELL calls (fraction). */
  avg_return: number | null;
}

/** Aggregates scored calls by `key` (e.g. source, or source and stance). */
export function hitRates(
  scored: readonly ScoredCall[],
  key: (s: ScoredCall) => string,
): Map<string, HitRates> {
  const out = new Map<string, HitRates>();
  const sums = new Map<string, { sum: number; n: number }>();
  for (const s of scored) {
    const k = key(s);
    let g = out.get(k);
    if (!g) {
      g = {
        calls: 0,
        scored: 0,
        outcomes: { target: 0, stopped: 0, expired: 0, held: 0, broke_out: 0, pending: 0 },
        hit_rate: null,
        avg_return: null,
      };
      out.set(k, g);
    }
    g.calls++;
    g.outcomes[s.outcome]++;
    if (s.outcome !== "pending") g.scored++;
    if (s.return !== null && s.entry.stance !== "HOLD") {
      const acc = sums.get(k) ?? { sum: 0, n: 0 };
      acc.sum += s.return;
      acc.n++;
      sums.set(k, acc);
    }
  }
  for (const [k, g] of out) {
    const o = g.outcomes;
    const directional = o.target + o.stopped + o.expired;
    const hold = o.held + o.broke_out;
    g.hit_rate = directional + hold === 0 ? null : (o.target + o.held) / (directional + hold);
    const acc = sums.get(k);
    g.avg_return = acc && acc.n ? acc.sum / acc.n : null;
  }
  return out;
}
