/**
 * The AI analyst service: facts pack → LLM (structured output, level check with one retry,
 * citation check) or the rule-based analyst, with the answer cache, quota, daily budget, call
 * log and evaluation journal. The shell around the pure analyst modules.
 *
 * Policy: an LLM answer already cached is served to anyone and costs nothing. A fresh LLM call
 * needs a signed-in user (anonymous callers get the rules analyst unless `AI_ANONYMOUS_LLM`),
 * spends one analysis of the user's quota before the call (a failed call still counts), and is
 * refused once today's recorded LLM cost reaches `AI_DAILY_BUDGET_USD`. Every refusal or failure
 * falls back to the rules analyst with a `fallback_reason`; only an exhausted quota on the AI
 * route itself is an error (429).
 *
 * @module
 */
import type { CoreConfig } from "@trading/shared/config";
import { QuotaExceededError, ValidationError } from "@trading/shared/errors";
import type { Logger } from "@trading/shared/log";
import {
  type AiAnalysis,
  AiAnalysisSchema,
  type AiLanguage,
  type AnalystOutput,
  AnalystOutputSchema,
} from "@trading/shared/schemas";
import { consumeAnalysis } from "../auth/quota.ts";
import type { Db } from "../db/db.ts";
import type { AuthUser } from "../http/auth_context.ts";
import { lowerBound, type Series } from "../market_data/series.ts";
import type { SeriesCache } from "../market_data/series_cache.ts";
import { checkCitations } from "./citations.ts";
import { estimateCost } from "./cost.ts";
import { type FactsPack, round } from "./facts.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import { levelProblems } from "./levels.ts";
import { createLlmClient, type LlmClient, LlmError, type LlmUsage } from "./llm_client.ts";
import { analystMessages, levelRetryMessages, PROMPT_VERSION } from "./prompts.ts";
import { ruleAnalysis } from "./rule_analyst.ts";
import { AiStore, type CacheKey } from "./store.ts";

/** Version of the rule-based analyst (its "prompt version" in the cache and journal). */
export const RULES_VERSION = "rules-v1";

/** What the service needs from core's dependencies. */
export interface AiDeps {
  /** Configuration (OPENAI_*, AI_*). */
  config: CoreConfig;
  /** Database. */
  db: Db;
  /** Histories. */
  series: SeriesCache;
  /** Logger. */
  logger: Logger;
}

/** One analysis request. */
export interface AnalyzeRequest {
  /** Ticker (validated, upper case). */
  symbol: string;
  /** Language of the answer. */
  language: AiLanguage;
  /** Caller. */
  user: AuthUser | null;
  /** Analyse as of this ISO date (later bars ignored). */
  asOf?: string | undefined;
  /** Receives the model's raw output as it streams. */
  onToken?: (text: string) => void;
  /** Called before the one retry after rejected levels. */
  onRetry?: () => void;
  /** What an exhausted quota does: throw 429 (default) or fall back to rules. */
  onQuotaExceeded?: "error" | "rules";
}

/** The LLM client of a configuration, or null without `OPENAI_API_KEY`. */
export function llmFromConfig(c: CoreConfig): LlmClient | null {
  if (!c.OPENAI_API_KEY) return null;
  return createLlmClient({
    apiKey: c.OPENAI_API_KEY,
    baseURL: c.OPENAI_BASE_URL,
    model: c.OPENAI_MODEL,
    timeoutMs: c.AI_TIMEOUT_MS,
  });
}

/** The bars of `s` up to `asOf` (inclusive); 422 when there are fewer than 2. */
export function barsAsOf(s: Series, asOf?: string): Series {
  const n = asOf ? lowerBound(s.dates, asOf + "\uffff") : s.dates.length;
  if (n < 2) {
    throw new ValidationError(`Invalid body: ${s.symbol} has fewer than 2 bars up to ${asOf}`, [
      { field: "as_of", message: `needs at least 2 bars on or before it (first: ${s.dates[0]})` },
    ]);
  }
  if (n === s.dates.length) return s;
  return {
    ...s,
    dates: s.dates.slice(0, n),
    open: s.open.subarray(0, n),
    high: s.high.subarray(0, n),
    low: s.low.subarray(0, n),
    close: s.close.subarray(0, n),
    volume: s.volume.subarray(0, n),
  };
}

const HORIZON: Record<AiLanguage, (d: number) => string> = {
  en: (d) => `${d} trading days`,
  "zh-TW": (d) => `${d} 個交易日`,
  "zh-CN": (d) => `${d} 个交易日`,
};

/** The analyst service. */
export class AiService {
  /** The LLM, or null when none is configured. */
  readonly llm: LlmClient | null;
  /** Storage. */
  readonly store: AiStore;
  readonly #deps: AiDeps;
  readonly #now: () => number;

  /**
   * @param deps core dependencies
   * @param options `llm` (default: from the config), `now` clock in ms (default `Date.now`)
   */
  constructor(
    deps: AiDeps,
    { llm, now = Date.now }: { llm?: LlmClient | null; now?: () => number } = {},
  ) {
    this.#deps = deps;
    this.#now = now;
    this.llm = llm === undefined ? llmFromConfig(deps.config) : llm;
    this.store = new AiStore(deps.db, now);
  }

  /** Why a fresh LLM call is not made now (null when it may be), checking the budget. */
  async llmRefusal(user: AuthUser | null): Promise<string | null> {
    const c = this.#deps.config;
    if (!this.llm) {
      return "no_api_key: OPENAI_API_KEY is not set, so the rule-based analyst answered";
    }
    if (!user && !c.AI_ANONYMOUS_LLM) {
      return "anonymous: sign in to use the LLM analyst; the rule-based analyst answered";
    }
    const spent = (await this.store.usage()).cost_usd;
    if (spent >= c.AI_DAILY_BUDGET_USD) {
      return `budget_exhausted: today's AI budget of $${c.AI_DAILY_BUDGET_USD} is spent; the rule-based analyst answered`;
    }
    return null;
  }

  /** Analyses `req.symbol` (see the module doc for the policy). */
  async analyze(req: AnalyzeRequest): Promise<AiAnalysis> {
    const { symbol, language, user } = req;
    const cols = barsAsOf(await this.#deps.series.get(symbol), req.asOf);
    const dataDate = cols.dates.at(-1)!;
    const key = (model: string, promptVersion: string): CacheKey => ({
      symbol,
      dataDate,
      model,
      promptVersion,
      language,
    });
    const llm = this.llm;
    if (llm) {
      const hit = await this.#cached(key(llm.model, PROMPT_VERSION));
      if (hit) return hit;
    }
    let reason = await this.llmRefusal(user);
    if (!reason && user) {
      try {
        await consumeAnalysis(this.#deps.db, user.id, { now: this.#now() });
      } catch (e) {
        if (!(e instanceof QuotaExceededError) || req.onQuotaExceeded !== "rules") throw e;
        reason = `quota_exceeded: ${e.message}; the rule-based analyst answered`;
      }
    }
    if (reason || !llm) return await this.#rules(cols, language, reason ?? "no_api_key");
    const pack = factsFromBars(symbol, cols);
    try {
      const { out, usage } = await this.#askLlm(llm, pack, req);
      const cost = estimateCost(llm.model, usage, { selfHosted: llm.selfHosted });
      const a = this.#answer(out, pack, language, {
        source: "llm",
        model: llm.model,
        fallback_reason: null,
        usage: { ...usage, cost_usd: cost },
      });
      await this.store.putCached(key(llm.model, PROMPT_VERSION), a);
      await this.#journal(a);
      return a;
    } catch (e) {
      if (!(e instanceof LlmError)) throw e;
      this.#deps.logger.warn("ai fallback to rules", { symbol, kind: e.kind, error: e.message });
      return await this.#rules(
        cols,
        language,
        `llm_${e.kind}: ${e.message}; the rule-based analyst answered`,
        pack,
      );
    }
  }

  async #cached(key: CacheKey): Promise<AiAnalysis | null> {
    const parsed = AiAnalysisSchema.safeParse(await this.store.getCached(key));
    return parsed.success ? { ...parsed.data, cached: true } : null;
  }

  async #rules(
    cols: Series,
    language: AiLanguage,
    reason: string,
    known?: FactsPack,
  ): Promise<AiAnalysis> {
    const key: CacheKey = {
      symbol: cols.symbol,
      dataDate: cols.dates.at(-1)!,
      model: "rules",
      promptVersion: RULES_VERSION,
      language,
    };
    const hit = await this.#cached(key);
    if (hit) return { ...hit, fallback_reason: reason };
    const pack = known ?? factsFromBars(cols.symbol, cols);
    const a = this.#answer(ruleAnalysis(pack, language), pack, language, {
      source: "rules",
      model: "rules",
      fallback_reason: reason,
      usage: null,
    });
    await this.store.putCached(key, a);
    await this.#journal(a);
    return a;
  }

  async #askLlm(llm: LlmClient, pack: FactsPack, req: AnalyzeRequest) {
    const messages = analystMessages(pack, req.language);
    const usage: LlmUsage = { prompt_tokens: 0, completion_tokens: 0 };
    const call = async (msgs: typeof messages): Promise<AnalystOutput> => {
      try {
        const r = await llm.structured(msgs, AnalystOutputSchema, "analysis", {
          ...(req.onToken ? { onToken: req.onToken } : {}),
        });
        usage.prompt_tokens += r.usage.prompt_tokens;
        usage.completion_tokens += r.usage.completion_tokens;
        await this.#record(llm, req, "ok", null, r.usage);
        return r.value;
      } catch (e) {
        if (e instanceof LlmError) await this.#record(llm, req, e.kind, e.message, e.usage);
        throw e;
      }
    };
    let out = await call(messages);
    let problems = levelProblems(out, pack.last_price);
    if (problems.length) {
      this.#deps.logger.warn("ai levels rejected", { symbol: pack.symbol, problems });
      req.onRetry?.();
      out = await call([...messages, ...levelRetryMessages(JSON.stringify(out), problems)]);
      problems = levelProblems(out, pack.last_price);
      if (problems.length) {
        throw new LlmError("invalid_levels", `levels rejected twice (${problems.join("; ")})`);
      }
    }
    return { out, usage };
  }

  async #record(
    llm: LlmClient,
    req: AnalyzeRequest,
    status: string,
    error: string | null,
    usage: LlmUsage | null,
  ): Promise<void> {
    const u = usage ?? { prompt_tokens: 0, completion_tokens: 0 };
    await this.store.recordCall({
      userId: req.user?.id ?? null,
      kind: "analyze",
      symbol: req.symbol,
      model: llm.model,
      status,
      error,
      promptTokens: u.prompt_tokens,
      completionTokens: u.completion_tokens,
      costUsd: estimateCost(llm.model, u, { selfHosted: llm.selfHosted }),
    });
  }

  #answer(
    out: AnalystOutput,
    pack: FactsPack,
    language: AiLanguage,
    meta: Pick<AiAnalysis, "source" | "model" | "fallback_reason" | "usage">,
  ): AiAnalysis {
    const reasons = checkCitations(out, pack);
    const citationsOk = reasons.every((r) => r.verified);
    if (!citationsOk) {
      this.#deps.logger.warn("ai citations not verified", {
        symbol: pack.symbol,
        source: meta.source,
        reasons: reasons.filter((r) => !r.verified).map((r) => ({
          text: r.text.slice(0, 160),
          unverified: r.unverified_values,
          unknown_ids: r.unknown_fact_ids,
        })),
      });
    }
    return {
      symbol: pack.symbol,
      language,
      stance: out.stance,
      confidence: out.confidence,
      horizon: HORIZON[language](out.horizon_days),
      horizon_days: out.horizon_days,
      entry: out.entry,
      target: out.target,
      stop: out.stop,
      summary: out.summary,
      reasons,
      risks: out.risks,
      invalidation: out.invalidation,
      ...meta,
      prompt_version: meta.source === "llm" ? PROMPT_VERSION : RULES_VERSION,
      data_date: pack.data_date,
      last_price: round(pack.last_price),
      citations_ok: citationsOk,
      cached: false,
      created_at: new Date(this.#now()).toISOString(),
    };
  }

  async #journal(a: AiAnalysis): Promise<void> {
    await this.store.journal({
      symbol: a.symbol,
      data_date: a.data_date,
      source: a.source,
      model: a.model,
      prompt_version: a.prompt_version,
      stance: a.stance,
      confidence: a.confidence,
      entry: a.entry,
      target: a.target,
      stop: a.stop,
      horizon_days: a.horizon_days,
    }, a.language);
  }
}
