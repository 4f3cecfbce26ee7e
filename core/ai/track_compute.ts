/**
 * The track record's computation as pure steps: the rules analyst's walk over each history
 * (unless its calls are given), then every call scored against the bars that followed, rated
 * against the baselines, and summarised. A generator that yields between slices of work, run
 * by a worker (`track_worker.ts`) or, where workers are not allowed, on the calling thread
 * with a macrotask between slices.
 *
 * @module
 */
import type { Series } from "../market_data/series.ts";
import { rateCalls, type RatedCall } from "./baselines.ts";
import { scoreCall, type ScoredCall } from "./evaluate.ts";
import { rulesWalkSteps, WALK_EVERY_BARS } from "./rules_walk.ts";
import type { JournalEntry } from "./store.ts";
import { type ReportMeta, trackReportSteps } from "./track_record.ts";
import type { TrackRecordReport } from "@trading/shared/schemas";

/** One history of the computation, with its walk when already known. */
export interface TrackSeries {
  /** Split-adjusted bars. */
  series: Series;
  /** The rules analyst's calls over it (walked when absent). */
  walk?: JournalEntry[];
}

/** What the computation reads. */
export interface TrackInput {
  /** The histories the rules analyst is walked over. */
  walked: TrackSeries[];
  /** Histories of symbols only the LLM's calls name. */
  extra: Series[];
  /** The journaled LLM calls. */
  llm: JournalEntry[];
  /** The report's meta data (compute time is filled in by the caller). */
  meta: ReportMeta;
  /** Random draws per call and their seed. */
  draws: number;
  /** Seed of the draws. */
  seed: number;
}

/** What the computation gives. */
export interface TrackOutput {
  /** Every rated call. */
  rated: RatedCall[];
  /** The report. */
  report: TrackRecordReport;
  /** The walks computed here, per symbol (for the caller's cache). */
  walks: Record<string, JournalEntry[]>;
}

/**
 * The computation as steps: yields after each walk step, each scored and each rated call and
 * each bootstrapped comparison of the report (each step a few milliseconds to a few tens).
 */
export function* trackSteps(input: TrackInput): Generator<void, TrackOutput> {
  const bySymbol = new Map<string, Series>();
  const walks: Record<string, JournalEntry[]> = {};
  const calls: JournalEntry[] = [];
  for (const { series, walk } of input.walked) {
    bySymbol.set(series.symbol, series);
    if (walk) calls.push(...walk);
    else {
      const own: JournalEntry[] = [];
      for (const call of rulesWalkSteps(series, WALK_EVERY_BARS)) {
        own.push(call);
        yield;
      }
      walks[series.symbol] = own;
      calls.push(...own);
    }
  }
  for (const s of input.extra) bySymbol.set(s.symbol, s);
  for (const e of input.llm) if (bySymbol.has(e.symbol)) calls.push(e);
  const scored: ScoredCall[] = [];
  for (const c of calls) {
    scored.push(scoreCall(c, bySymbol.get(c.symbol)!));
    yield;
  }
  // each call's draws are seeded by the call: rating one at a time changes no result
  const rated: RatedCall[] = [];
  for (const one of scored) {
    rated.push(
      ...rateCalls([one], (s) => bySymbol.get(s), { draws: input.draws, seed: input.seed }),
    );
    yield;
  }
  const report = yield* trackReportSteps(rated, input.meta);
  return { rated, report, walks };
}
