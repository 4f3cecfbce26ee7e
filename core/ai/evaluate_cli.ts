/**
 * `deno task ai:evaluate [--backfill] [--every N] [--symbols A,B] [--json]`: scores every call
 * of the evaluation journal against the stored bars that followed it and prints hit rates per
 * source (llm vs rules) and stance.
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
import { parseCli } from "../cli_args.ts";
import { migrateUp } from "../db/migrations.ts";
import { openDatabase } from "../db/open.ts";
import { seedEmbedded } from "../market_data/embedded.ts";
import { MarketRepository } from "../market_data/repository.ts";
import type { Series } from "../market_data/series.ts";
import { barsAsOf } from "./bars_as_of.ts";
import { hitRates, scoreCall, type ScoredCall } from "./evaluate.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import { ruleAnalysis, RULES_VERSION } from "./rule_analyst.ts";
import { AiStore } from "./store.ts";

const print = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

/** Bars of history before the first backfilled call (indicators need 200). */
export const BACKFILL_MIN_BARS = 250;

/** Journals the rules analyst's calls every `every` bars of `s`; returns how many. */
export async function backfillRules(store: AiStore, s: Series, every: number): Promise<number> {
  let count = 0;
  for (let n = BACKFILL_MIN_BARS; n <= s.dates.length; n += every) {
    const cols = barsAsOf(s, s.dates[n - 1]);
    const pack = factsFromBars(s.symbol, cols, { backtest: null });
    const out = ruleAnalysis(pack, "en");
    await store.journal({
      symbol: s.symbol,
      data_date: pack.data_date,
      source: "rules",
      model: "rules",
      prompt_version: RULES_VERSION,
      stance: out.stance,
      confidence: out.confidence,
      entry: out.entry,
      target: out.target,
      stop: out.stop,
      horizon_days: out.horizon_days,
    }, "en");
    count++;
  }
  return count;
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
    if (config.SEED_DATA === "embedded") await seedEmbedded(market, config.DATA_DIR);
    const store = new AiStore(db, Date.now);
    const wanted = typeof values.symbols === "string"
      ? values.symbols.split(",").map((s) => s.trim().toUpperCase())
      : (await market.listSymbols()).map((s) => s.symbol);
    const series = new Map<string, Series>();
    const load = async (symbol: string) => {
      if (!series.has(symbol)) {
        const s = await market.loadSeries(symbol);
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
      if (typeof values.symbols === "string" && !wanted.includes(e.symbol)) continue;
      const s = await load(e.symbol);
      if (s) scored.push(scoreCall(e, s));
    }
    if (values.json) {
      print(JSON.stringify(Object.fromEntries(hitRates(scored, (s) => s.entry.source))));
    } else {
      print(`AI analyst evaluation: ${scored.length} journaled calls scored against later bars`);
      print(report(scored));
      print(
        "hit rate: BUY/SELL = target reached before stop within the horizon / decided calls; " +
          "HOLD = range held / decided calls. Stop assumed first when both are touched in one bar.",
      );
    }
  } finally {
    await db.close();
  }
}

if (import.meta.main) await runEvaluate(Deno.args);
