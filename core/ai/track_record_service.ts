/**
 * The track record computed from the stored data (the shell around the pure track-record
 * modules): the rules analyst walked forward through every symbol of the default universe
 * with enough history (the bundled 13, or the online universe once synced), plus the LLM calls
 * of the evaluation journal on those symbols, scored against the bars that followed, rated
 * against the baselines and summarised. A defined set, so the figures do not move when a user
 * loads another symbol (SPX, an old stand-in of the S&P 500, is loaded on first use beside
 * SPY and would count the index twice). Computed lazily, once per data version (the universe's
 * symbols and data versions and the number of journaled LLM calls, re-checked at most every
 * `checkEveryMs`); parallel callers share one computation. The computation (~4 s of CPU on the
 * 1998–2021 histories) runs in a worker (`track_worker.ts`, started at boot) so it never holds
 * core's event loop; without read permission on the worker's module it runs here in slices.
 * The walk of each series is also kept per content, so a second app in the same process
 * (tests) does not walk it again.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { TrackAnalyst, TrackRecordReport } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import { MarketRepository } from "../market_data/repository.ts";
import type { Series } from "../market_data/series.ts";
import type { SeriesCache } from "../market_data/series_cache.ts";
import { workersAllowed } from "../optimise/pool.ts";
import type { RatedCall } from "./baselines.ts";
import { RULES_VERSION } from "./rule_analyst.ts";
import { WALK_EVERY_BARS, WALK_MIN_BARS } from "./rules_walk.ts";
import type { AiStore, JournalEntry } from "./store.ts";
import {
  type TrackInput,
  type TrackOutput,
  type TrackSeries,
  trackSteps,
} from "./track_compute.ts";

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
/** At most this many universe symbols are walked (alphabetically), bounding the computation. */
export const MAX_TRACK_SYMBOLS = 60;

/** The computed track record: the rated calls (for per-answer summaries) and the report. */
export interface TrackBook {
  /** Every rated call. */
  rated: RatedCall[];
  /** The report of `GET /api/ai/track-record`. */
  report: TrackRecordReport;
}

const walks = new Map<string, JournalEntry[]>();

/** Longest stretch (ms) the computation runs on core's thread (no worker) between yields. */
export const WALK_SLICE_MS = 20;

const WORKER_URL = new URL("./track_worker.ts", import.meta.url);

/** The cache key of a history's walk: its content, not its version number. */
function walkKey(s: Series): string {
  let sum = 0;
  for (let i = 0; i < s.close.length; i++) sum += s.close[i]! + s.low[i]! + s.high[i]!;
  return `${s.symbol}|${s.dates.length}|${s.dates[0]}|${s.dates.at(-1)}|${sum}`;
}

let spare: Worker | null = null;

/**
 * Starts the track-record worker ahead of its first use (core calls it at boot): starting a
 * worker loads its module graph, which held core's event loop ~120 ms when it happened inside
 * the first `GET /api/ai/track-record`. The first computation takes this worker; later ones
 * (after a data change) start their own.
 */
export function prewarmTrackWorker(): void {
  if (!spare && workersAllowed(WORKER_URL)) spare = new Worker(WORKER_URL, { type: "module" });
}

/** Ends the spare worker, if it was never used (core's shutdown). */
export function stopTrackWorker(): void {
  spare?.terminate();
  spare = null;
}

/**
 * Runs the computation in a worker (so the walk over 23-year histories, ~4 s of CPU, never
 * holds core's event loop), or where workers are not allowed (no read permission on the
 * worker's module) on this thread in slices of {@link WALK_SLICE_MS} with a macrotask between.
 */
async function runTrack(input: TrackInput): Promise<TrackOutput> {
  if (workersAllowed(WORKER_URL)) {
    const worker = spare ?? new Worker(WORKER_URL, { type: "module" });
    spare = null;
    try {
      return await new Promise<TrackOutput>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<{ ok?: TrackOutput; error?: string }>) =>
          e.data.ok ? resolve(e.data.ok) : reject(new Error(e.data.error ?? "track worker"));
        worker.onerror = (e: ErrorEvent) => {
          e.preventDefault();
          reject(new Error(e.message));
        };
        worker.postMessage(input);
      });
    } finally {
      worker.terminate();
    }
  }
  const steps = trackSteps(input);
  let slice = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - slice > WALK_SLICE_MS) {
      await yieldToOthers();
      slice = performance.now();
    }
    step = steps.next();
  }
  return step.value;
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
    const versions = [...(await this.#market.universeVersions())]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .slice(0, MAX_TRACK_SYMBOLS);
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
    const walked: TrackSeries[] = [];
    const known = new Set<string>();
    const universe = new Set(symbols);
    for (const symbol of symbols) {
      const s = await this.#deps.series.get(symbol).catch(() => null);
      // a first read of a long history is a synchronous query of ~20 ms: one per macrotask
      await yieldToOthers();
      if (!s || s.dates.length <= WALK_MIN_BARS) continue;
      known.add(symbol);
      const walk = walks.get(walkKey(s));
      walked.push(walk ? { series: s, walk } : { series: s });
    }
    const llm = (await this.#store.journalEntries("llm")).filter((e) => universe.has(e.symbol));
    const extra: Series[] = [];
    for (const e of llm) {
      if (known.has(e.symbol)) continue;
      const s = await this.#deps.series.get(e.symbol).catch(() => null);
      await yieldToOthers();
      if (!s) continue;
      known.add(e.symbol);
      extra.push(s);
    }
    const out = await runTrack({
      walked,
      extra,
      llm,
      meta: {
        universe: symbols,
        symbols: [...known].sort(),
        dataVersion: key,
        computedAt: new Date(this.#now()).toISOString(),
        computeMs: 0,
        everyBars: WALK_EVERY_BARS,
        draws: TRACK_DRAWS,
        seed: TRACK_SEED,
      },
      draws: TRACK_DRAWS,
      seed: TRACK_SEED,
    });
    for (const t of walked) {
      const walk = out.walks[t.series.symbol];
      if (walk) {
        if (walks.size > 500) walks.clear();
        walks.set(walkKey(t.series), walk);
      }
    }
    const { rated, report } = out;
    report.compute_ms = Math.round(performance.now() - started);
    this.#deps.logger.info("ai track record computed", {
      calls: rated.length,
      symbols: known.size,
      compute_ms: report.compute_ms,
    });
    return { rated, report };
  }
}

/** Lets the event loop serve other requests (a macrotask, not a microtask). */
function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
