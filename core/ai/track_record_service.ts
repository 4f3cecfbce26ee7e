/**
 * The track record computed from the stored data (the shell around the pure track-record
 * modules): the rules analyst walked forward through every stored symbol with enough history,
 * plus the LLM calls of the evaluation journal, scored against the bars that followed, rated
 * against the baselines and summarised. Computed lazily, once per data version (the symbols'
 * data versions and the number of journaled LLM calls, re-checked at most every
 * `checkEveryMs`); parallel callers share one computation. The walk of each series is also
 * kept per content, so a second app in the same process (tests) does not walk it again.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { TrackAnalyst, TrackRecordReport } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import { MarketRepository } from "../market_data/repository.ts";
import type { Series } from "../market_data/series.ts";
import type { SeriesCache } from "../market_data/series_cache.ts";
import { rateCalls, type RatedCall } from "./baselines.ts";
import { scoreCall } from "./evaluate.ts";
import { RULES_VERSION } from "./rule_analyst.ts";
import { rulesWalkSteps, WALK_EVERY_BARS, WALK_MIN_BARS } from "./rules_walk.ts";
import type { AiStore, JournalEntry } from "./store.ts";
import { trackReport } from "./track_record.ts";

/** The rules analyst as a track-record key. */
export const RULES_ANALYST: TrackAnalyst = {
  source: "rules",
  model: "rules",
  prompt_version: RULES_VERSION,
};

/** Random draws per call of the random-entry baselines. */
export const TRACK_DRAWS = 1000;
/** Seed of the random-entry baselines and bootstrap intervals. */
export const TRACK_SEED = 20;
/** At most this many symbols are walked (alphabetically), bounding the computation. */
export const MAX_TRACK_SYMBOLS = 60;

/** The computed track record: the rated calls (for per-answer summaries) and the report. */
export interface TrackBook {
  /** Every rated call. */
  rated: RatedCall[];
  /** The report of `GET /api/ai/track-record`. */
  report: TrackRecordReport;
}

const walks = new Map<string, JournalEntry[]>();

/** Longest stretch (ms) the walk runs before letting other requests in. */
export const WALK_SLICE_MS = 20;

/**
 * The rules analyst's walk over `s` (cached per history), computed in slices of at most
 * {@link WALK_SLICE_MS} with a macrotask in between: a walk over a long history takes
 * about a second, and it must not hold every other request of core that long.
 */
async function walkOf(s: Series): Promise<JournalEntry[]> {
  let sum = 0;
  for (let i = 0; i < s.close.length; i++) sum += s.close[i]! + s.low[i]! + s.high[i]!;
  const key = `${s.symbol}|${s.dates.length}|${s.dates[0]}|${s.dates.at(-1)}|${sum}`;
  let calls = walks.get(key);
  if (!calls) {
    calls = [];
    let slice = performance.now();
    for (const call of rulesWalkSteps(s, WALK_EVERY_BARS)) {
      calls.push(call);
      if (performance.now() - slice > WALK_SLICE_MS) {
        await yieldToOthers();
        slice = performance.now();
      }
    }
    if (walks.size > 500) walks.clear();
    walks.set(key, calls);
  }
  return calls;
}

/** What the service reads. */
export interface TrackDeps {
  /** Database (symbols' data versions). */
  db: Db;
  /** Histories. */
  series: SeriesCache;
  /** Logger. */
  logger: Logger;
}

/** Computes and caches the track record. */
export class TrackRecordService {
  readonly #deps: TrackDeps;
  readonly #store: Pick<AiStore, "journalEntries" | "journalCount">;
  readonly #market: MarketRepository;
  readonly #now: () => number;
  readonly #checkEveryMs: number;
  #book: TrackBook | null = null;
  #key = "";
  #checkedAt = -Infinity;
  #pending: Promise<TrackBook> | null = null;

  /**
   * @param deps database, histories, logger
   * @param store the evaluation journal
   * @param options `now` clock (default `Date.now`), `checkEveryMs` (default 5000)
   */
  constructor(
    deps: TrackDeps,
    store: Pick<AiStore, "journalEntries" | "journalCount">,
    { now = Date.now, checkEveryMs = 5000 }: { now?: () => number; checkEveryMs?: number } = {},
  ) {
    this.#deps = deps;
    this.#store = store;
    this.#market = new MarketRepository(deps.db);
    this.#now = now;
    this.#checkEveryMs = checkEveryMs;
  }

  /** The current track record (computed when the data changed). */
  book(): Promise<TrackBook> {
    if (this.#book && this.#now() - this.#checkedAt < this.#checkEveryMs) {
      return Promise.resolve(this.#book);
    }
    this.#pending ??= this.#refresh().finally(() => (this.#pending = null));
    return this.#pending;
  }

  async #refresh(): Promise<TrackBook> {
    const versions = [...(await this.#market.versions())].sort((a, b) => a[0].localeCompare(b[0]));
    const llmCalls = await this.#store.journalCount("llm");
    const key = versions.map(([s, v]) => `${s}:${v}`).join(",") + `|llm:${llmCalls}`;
    this.#checkedAt = this.#now();
    if (this.#book && key === this.#key) return this.#book;
    const book = await this.#compute(versions.map(([s]) => s), key);
    this.#book = book;
    this.#key = key;
    return book;
  }

  async #compute(symbols: string[], key: string): Promise<TrackBook> {
    const started = performance.now();
    const bySymbol = new Map<string, Series>();
    const calls: JournalEntry[] = [];
    for (const symbol of symbols.slice(0, MAX_TRACK_SYMBOLS)) {
      const s = await this.#deps.series.get(symbol).catch(() => null);
      if (!s || s.dates.length <= WALK_MIN_BARS) continue;
      bySymbol.set(symbol, s);
      calls.push(...await walkOf(s));
    }
    for (const e of await this.#store.journalEntries("llm")) {
      if (!bySymbol.has(e.symbol)) {
        const s = await this.#deps.series.get(e.symbol).catch(() => null);
        if (!s) continue;
        bySymbol.set(e.symbol, s);
      }
      calls.push(e);
    }
    const scored = calls.map((c) => scoreCall(c, bySymbol.get(c.symbol)!));
    await yieldToOthers();
    const rated = rateCalls(scored, (s) => bySymbol.get(s), {
      draws: TRACK_DRAWS,
      seed: TRACK_SEED,
    });
    await yieldToOthers();
    const report = trackReport(rated, {
      dataVersion: key,
      computedAt: new Date(this.#now()).toISOString(),
      computeMs: 0,
      everyBars: WALK_EVERY_BARS,
      draws: TRACK_DRAWS,
      seed: TRACK_SEED,
    });
    report.compute_ms = Math.round(performance.now() - started);
    this.#deps.logger.info("ai track record computed", {
      calls: calls.length,
      symbols: bySymbol.size,
      compute_ms: report.compute_ms,
    });
    return { rated, report };
  }
}

/** Lets the event loop serve other requests (a macrotask, not a microtask). */
function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
