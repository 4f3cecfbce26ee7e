/**
 * `deno task ai:evaluate [--backfill] [--every N] [--symbols A,B] [--json]`: scores the calls
 * of the evaluation journal on the default universe's symbols (or on `--symbols`; a symbol
 * loaded on first use is not counted, as in `GET /api/ai/track-record`) against the stored
 * bars that followed them, says which symbols and period that covers, and prints hit rates per
 * source (llm vs rules) and stance, each against its baselines (S/(S+T) of its own levels,
 * seeded random entries on other dates and on the other side, buy-and-hold) with 95 %
 * intervals and a verdict, then the calibration of stated confidence (Brier scores, the
 * reliability table, the walk-forward re-mapping out of sample).
 *
 * `--backfill` first walks the rule-based analyst forward through each symbol's history (a call
 * every N bars, default 20, seeing only the bars up to that day) and journals its calls, so the
 * rules analyst has a track record on the bundled data. LLM calls enter the journal only from
 * real use (`POST /api/ai/analyze/:symbol`, with `as_of` for past dates): the backfill never
 * spends LLM tokens. Like core's start, it migrates the database and loads the embedded data
 * first (idempotent) unless `SEED_DATA=none`.
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { NotFoundError } from "@trading/shared/errors";
import { parseCli } from "../cli_args.ts";
import { migrateUp } from "../db/migrations.ts";
import { openDatabase } from "../db/open.ts";
import { seedEmbedded } from "../market_data/embedded.ts";
import { OnlineStore } from "../market_data/online_store.ts";
import { MarketRepository } from "../market_data/repository.ts";
import { SeriesCache } from "../market_data/series_cache.ts";
import type { Series } from "../market_data/series.ts";
import { hitRates, scoreCall, type ScoredCall } from "./evaluate.ts";
import { rateCalls } from "./baselines.ts";
import { rulesWalk, WALK_MIN_BARS } from "./rules_walk.ts";
import { trackReport } from "./track_record.ts";
import { TRACK_DRAWS, TRACK_SEED } from "./track_record_service.ts";
import { trackText } from "./track_text.ts";
import { AiStore } from "./store.ts";

const print = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

/** Bars of history before the first backfilled call (indicators need 200). */
export const BACKFILL_MIN_BARS = WALK_MIN_BARS;

/** Journals the rules analyst's calls every `every` bars of `s`; returns how many. */
export async function backfillRules(store: AiStore, s: Series, every: number): Promise<number> {
  const calls = rulesWalk(s, every);
  for (const call of calls) await store.journal(call, "en");
  return calls.length;
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

/** The report table of scored calls. */
export function report(scored: readonly ScoredCall[]): string {
  const lines = [
    "group                 calls  scored  target  stopped  expired  held  broke  pending  hit rate  avg return",
  ];
  const groups = hitRates(scored, (s) => `${s.entry.source} ${s.entry.stance}`);
  const bySource = hitRates(
    scored.filter((s) => s.entry.stance !== "HOLD"),
    (s) => `${s.entry.source} BUY+SELL`,
  );
  for (const [k, g] of [...bySource, ...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const o = g.outcomes;
    lines.push(
      [
        k.padEnd(20),
        String(g.calls).padStart(6),
        String(g.scored).padStart(7),
        String(o.target).padStart(7),
        String(o.stopped).padStart(8),
        String(o.expired).padStart(8),
        String(o.held).padStart(5),
        String(o.broke_out).padStart(6),
        String(o.pending).padStart(8),
        pct(g.hit_rate).padStart(9),
        pct(g.avg_return).padStart(11),
      ].join(" "),
    );
  }
  return lines.join("\n");
}

/** Runs the task with command-line `args`. */
export async function runEvaluate(args: string[]): Promise<void> {
  const { values } = parseCli(args, {
    backfill: { type: "boolean" },
    every: { type: "string" },
    symbols: { type: "string" },
    json: { type: "boolean" },
  });
  const every = Number(values.every ?? 20);
  if (!Number.isInteger(every) || every < 1) {
    throw new RangeError("--every must be a positive integer");
  }
  const config = loadConfig(CoreEnvSchema, Deno.env.toObject());
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await migrateUp(db);
    const market = new MarketRepository(db);
    const online = new OnlineStore(db);
    if (config.SEED_DATA === "embedded") await seedEmbedded(market, online, config.DATA_DIR);
    // split-adjusted, as the analyst and the API read them (LEAN's files are raw prices)
    const cache = new SeriesCache(market, { online });
    const store = new AiStore(db, Date.now);
    const wanted = typeof values.symbols === "string"
      ? values.symbols.split(",").map((s) => s.trim().toUpperCase())
      : (await market.listSymbols()).map((s) => s.symbol);
    const series = new Map<string, Series>();
    const load = async (symbol: string) => {
      if (!series.has(symbol)) {
        const s = await cache.get(symbol).catch((e) => {
          if (e instanceof NotFoundError) return null; // unknown: reported by the caller
          throw e;
        });
        if (s) series.set(symbol, s);
      }
      return series.get(symbol) ?? null;
    };
    if (values.backfill) {
      for (const symbol of wanted) {
        const s = await load(symbol);
        if (!s) throw new RangeError(`Unknown symbol ${symbol}: import it first`);
        print(`backfill ${symbol}: ${await backfillRules(store, s, every)} rules calls`);
      }
    }
    const scored: ScoredCall[] = [];
    for (const e of await store.journalEntries()) {
      if (!wanted.includes(e.symbol)) continue;
      const s = await load(e.symbol);
      if (s) scored.push(scoreCall(e, s));
    }
    const started = performance.now();
    const rated = rateCalls(scored, (sym) => series.get(sym), {
      draws: TRACK_DRAWS,
      seed: TRACK_SEED,
    });
    const track = trackReport(rated, {
      universe: [...wanted].sort(),
      symbols: [...new Set(scored.map((c) => c.entry.symbol))].sort(),
      dataVersion: [...series.values()].map((s) => `${s.symbol}:${s.version}`).join(","),
      computedAt: new Date().toISOString(),
      computeMs: 0,
      everyBars: every,
      draws: TRACK_DRAWS,
      seed: TRACK_SEED,
    });
    track.compute_ms = Math.round(performance.now() - started);
    if (values.json) {
      print(JSON.stringify({
        hit_rates: Object.fromEntries(hitRates(scored, (s) => s.entry.source)),
        track_record: track,
      }));
    } else {
      print(`AI analyst evaluation: ${scored.length} journaled calls scored against later bars`);
      print(report(scored));
      print(
        "hit rate: BUY/SELL = target reached before stop within the horizon / decided calls; " +
          "HOLD = range held / decided calls. Stop assumed first when both are touched in one bar.",
      );
      print("");
      print(trackText(track));
      print(`(baselines and calibration computed in ${track.compute_ms} ms)`);
    }
  } finally {
    await db.close();
  }
}

if (import.meta.main) await runEvaluate(Deno.args);
