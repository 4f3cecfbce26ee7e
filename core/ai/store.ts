/**
 * The AI analyst's storage (migration 0004): answer cache, LLM call log with tokens and cost,
 * the evaluation journal, chat sessions and messages. Portable SQL on the `Db` interface.
 *
 * @module
 */
import type { AiAnalysis, AiLanguage } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";

/** Key of one cached answer. */
export interface CacheKey {
  /** Ticker. */
  symbol: string;
  /** Date of the last bar analysed. */
  dataDate: string;
  /** Model name, or `rules`. */
  model: string;
  /** Prompt version. */
  promptVersion: string;
  /** Language. */
  language: AiLanguage;
}

/** One LLM call to record. */
export interface CallRecord {
  /** Caller, null when anonymous. */
  userId: string | null;
  /** `analyze` or `chat`. */
  kind: "analyze" | "chat";
  /** Ticker, when any. */
  symbol: string | null;
  /** Model. */
  model: string;
  /** `ok`, `invalid_levels` or an error kind. */
  status: string;
  /** Error message, when any. */
  error: string | null;
  /** Input tokens. */
  promptTokens: number;
  /** Output tokens. */
  completionTokens: number;
  /** Estimated cost in USD. */
  costUsd: number;
}

/** Totals of LLM calls. */
export interface UsageTotals {
  /** Calls. */
  calls: number;
  /** Input tokens. */
  prompt_tokens: number;
  /** Output tokens. */
  completion_tokens: number;
  /** Estimated USD. */
  cost_usd: number;
}

/** A journal row: one stance with its levels. */
export interface JournalEntry {
  /** Ticker. */
  symbol: string;
  /** Date of the last bar the call saw. */
  data_date: string;
  /** `llm` or `rules`. */
  source: "llm" | "rules";
  /** Model. */
  model: string;
  /** Prompt version. */
  prompt_version: string;
  /** BUY, SELL or HOLD. */
  stance: "BUY" | "SELL" | "HOLD";
  /** 0..1. */
  confidence: number;
  /** Entry price. */
  entry: number;
  /** Target price. */
  target: number;
  /** Stop price. */
  stop: number;
  /** Horizon in trading days. */
  horizon_days: number;
}

const cacheId = (k: CacheKey) =>
  [k.symbol, k.dataDate, k.model, k.promptVersion, k.language].join("|");

/** Storage of the analyst, bound to a database and a clock. */
export class AiStore {
  readonly #db: Db;
  readonly #now: () => number;

  /**
   * @param db the database (migrated to version 4)
   * @param now clock in ms since epoch
   */
  constructor(db: Db, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /** UTC day of the clock, `YYYY-MM-DD`. */
  today(): string {
    return new Date(this.#now()).toISOString().slice(0, 10);
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  /** The cached answer of `key` (as stored), or null. */
  async getCached(key: CacheKey): Promise<unknown | null> {
    const rows = await this.#db.query<{ result: string }>(
      "SELECT result FROM ai_cache WHERE cache_key = ?",
      [cacheId(key)],
    );
    if (!rows[0]) return null;
    try {
      return JSON.parse(rows[0].result);
    } catch {
      return null;
    }
  }

  /** Stores (or replaces) the answer of `key`. */
  async putCached(key: CacheKey, result: AiAnalysis): Promise<void> {
    await this.#db.run(
      `INSERT INTO ai_cache (cache_key, symbol, data_date, model, prompt_version, language, result,
         created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (cache_key) DO UPDATE SET result = excluded.result,
         created_at = excluded.created_at`,
      [
        cacheId(key),
        key.symbol,
        key.dataDate,
        key.model,
        key.promptVersion,
        key.language,
        JSON.stringify(result),
        this.#iso(),
      ],
    );
  }

  /** Records one LLM call. */
  async recordCall(c: CallRecord): Promise<void> {
    await this.#db.run(
      `INSERT INTO ai_calls (id, user_id, kind, symbol, model, status, error, prompt_tokens,
         completion_tokens, cost_usd, day, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        crypto.randomUUID(),
        c.userId,
        c.kind,
        c.symbol,
        c.model,
        c.status,
        c.error,
        c.promptTokens,
        c.completionTokens,
        c.costUsd,
        this.today(),
        this.#iso(),
      ],
    );
  }

  /** Totals of LLM calls on `day` (default today), of one user or of everyone. */
  async usage(
    { userId, day = this.today(), kind }: { userId?: string; day?: string; kind?: string } = {},
  ): Promise<UsageTotals> {
    const where = ["day = ?"];
    const params: (string | number)[] = [day];
    if (userId !== undefined) (where.push("user_id = ?"), params.push(userId));
    if (kind !== undefined) (where.push("kind = ?"), params.push(kind));
    const rows = await this.#db.query<Record<string, unknown>>(
      `SELECT COUNT(*) AS calls, COALESCE(SUM(prompt_tokens), 0) AS pt,
         COALESCE(SUM(completion_tokens), 0) AS ct, COALESCE(SUM(cost_usd), 0) AS cost
       FROM ai_calls WHERE ${where.join(" AND ")}`,
      params,
    );
    const r = rows[0] ?? {};
    return {
      calls: Number(r.calls ?? 0),
      prompt_tokens: Number(r.pt ?? 0),
      completion_tokens: Number(r.ct ?? 0),
      cost_usd: Math.round(Number(r.cost ?? 0) * 1e8) / 1e8,
    };
  }

  /** Adds a stance to the evaluation journal (once per symbol, date, source, model, prompt). */
  async journal(e: JournalEntry, language: AiLanguage): Promise<void> {
    await this.#db.run(
      `INSERT INTO ai_journal (id, symbol, data_date, source, model, prompt_version, language,
         stance, confidence, entry, target, stop, horizon_days, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (symbol, data_date, source, model, prompt_version) DO NOTHING`,
      [
        crypto.randomUUID(),
        e.symbol,
        e.data_date,
        e.source,
        e.model,
        e.prompt_version,
        language,
        e.stance,
        e.confidence,
        e.entry,
        e.target,
        e.stop,
        e.horizon_days,
        this.#iso(),
      ],
    );
  }

  /** How many journal entries `source` has (a cheap change check of the track record). */
  async journalCount(source: JournalEntry["source"]): Promise<number> {
    const rows = await this.#db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM ai_journal WHERE source = ?",
      [source],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Every journal entry (of `source` when given), oldest data first. */
  async journalEntries(source?: JournalEntry["source"]): Promise<JournalEntry[]> {
    const rows = await this.#db.query<Record<string, unknown>>(
      `SELECT symbol, data_date, source, model, prompt_version, stance, confidence, entry, target,
         stop, horizon_days FROM ai_journal ${source ? "WHERE source = ?" : ""}
       ORDER BY data_date, symbol, source`,
      source ? [source] : [],
    );
    return rows.map((r) => ({
      symbol: String(r.symbol),
      data_date: String(r.data_date),
      source: r.source === "llm" ? "llm" : "rules",
      model: String(r.model),
      prompt_version: String(r.prompt_version),
      stance: r.stance as JournalEntry["stance"],
      confidence: Number(r.confidence),
      entry: Number(r.entry),
      target: Number(r.target),
      stop: Number(r.stop),
      horizon_days: Number(r.horizon_days),
    }));
  }
}
