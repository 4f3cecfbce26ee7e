/**
 * The AI analyst service: facts pack → LLM (structured output, level check with one retry,
 * citation check) or the rule-based analyst, with the answer cache, quota, daily budget, call
 * log and evaluation journal. The shell around the pure analyst modules.
 *
 * Policy: an LLM answer already cached is served to anyone and costs nothing. A fresh LLM call
 * needs a signed-in user (anonymous callers get the rules analyst unless `AI_ANONYMOUS_LLM`),
 * spends one analysis of the user's quota before the call (a failed call still counts), and
 * first reserves the most it can cost on today's `AI_DAILY_BUDGET_USD` in the database (settled
 * to the real cost afterwards, see spend.ts): a call that does not fit is not made, so parallel
 * requests on any number of instances never spend past the budget. Every refusal or failure
 * falls back to the rules analyst with a `fallback_reason`; only an exhausted quota on the AI
 * route itself is an error (429).
 *
 * @module
 */
import type { CoreConfig } from "@trading/shared/config";
import { QuotaExceededError } from "@trading/shared/errors";
import type { Logger } from "@trading/shared/log";
import {
  type AiAnalysis,
  AiAnalysisSchema,
  type AiLanguage,
  type AnalystOutput,
} from "@trading/shared/schemas";
import { consumeAnalysis } from "../auth/quota.ts";
import type { Db } from "../db/db.ts";
import type { AuthUser } from "../auth/auth_context.ts";
import type { Series } from "../market_data/series.ts";
import type { SeriesCache } from "../market_data/series_cache.ts";
import { analysisOf } from "./_answer.ts";
import { askLlm } from "./_ask_llm.ts";
import { barsAsOf } from "./bars_as_of.ts";
import { estimateCost } from "./cost.ts";
import type { FactsPack } from "./facts.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import {
  createLlmClient,
  type LlmClient,
  LlmError,
  type LlmMessage,
  type LlmUsage,
} from "./llm_client.ts";
import { analystMessages, PROMPT_VERSION } from "./prompts.ts";
import { ruleAnalysis, RULES_VERSION } from "./rule_analyst.ts";
import {
  AiSpend,
  BudgetExhaustedError,
  type BudgetHold,
  callReservationUsd,
  MAX_OUTPUT_TOKENS,
  settledUsd,
} from "./spend.ts";
import { AiStore, type CacheKey } from "./store.ts";
import { trackRecordPrompt } from "./track_prompt.ts";
import { RULES_ANALYST, TrackRecordService } from "./track_record_service.ts";
import { confidenceProblems, trackSummary } from "./track_summary.ts";

/**
 * Cached answers are stored and read with the stated confidence and without their track record
 * (the record and the calibrated confidence are attached when served).
 */
const CachedAnalysisSchema = AiAnalysisSchema.omit({
  track_record: true,
  stated_confidence: true,
  confidence_calibrated: true,
});

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
    maxTokens: MAX_OUTPUT_TOKENS,
  });
}

/** The analyst service. */
export class AiService {
  /** The LLM, or null when none is configured. */
  readonly llm: LlmClient | null;
  /** Storage. */
  readonly store: AiStore;
  /** Budget and chat reservations. */
  readonly spend: AiSpend;
  /** The analysts' track record, computed once per data version. */
  readonly track: TrackRecordService;
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
    this.spend = new AiSpend(deps.db);
    this.track = new TrackRecordService(deps, this.store, { now });
  }

  /**
   * Why a fresh LLM call is not made for `user` (null when it may be). The budget is checked
   * by {@link reserveCall}, atomically, when the call is about to be made.
   */
  llmRefusal(user: AuthUser | null): string | null {
    if (!this.llm) {
      return "no_api_key: OPENAI_API_KEY is not set, so the rule-based analyst answered";
    }
    if (!user && !this.#deps.config.AI_ANONYMOUS_LLM) {
      return "anonymous: sign in to use the LLM analyst; the rule-based analyst answered";
    }
    return null;
  }

  /** The `fallback_reason` of a call the budget has no room for. */
  budgetReason(): string {
    const b = this.#deps.config.AI_DAILY_BUDGET_USD;
    return `budget_exhausted: today's AI budget of $${b} is spent; the rule-based analyst answered`;
  }

  /**
   * Reserves on today's budget the most one call of `messages` can cost (structured calls also
   * send the analyst's schema); null when it does not fit, and then the call must not be made.
   */
  reserveCall(
    llm: LlmClient,
    messages: readonly LlmMessage[],
    structured: boolean,
  ): Promise<BudgetHold | null> {
    const usd = callReservationUsd(llm, messages, structured);
    return this.spend.reserve(this.store.today(), usd, this.#deps.config.AI_DAILY_BUDGET_USD);
  }

  /** Settles a reservation to the call's cost (see {@link settledUsd}). */
  async settleCall(
    llm: LlmClient,
    hold: BudgetHold,
    usage: LlmUsage | null,
    failure?: string,
  ): Promise<void> {
    await this.spend.settle(hold, settledUsd(llm, hold, usage, failure));
  }

  /**
   * Analyses `req.symbol` (see the module doc for the policy); the answer carries the track
   * record of its analyst for its kind of call, as of its data date, and its headline
   * `confidence` is the calibrated one (the measured hit rate of the analyst's calls at its
   * stated confidence decided by then) where the record calibrates it; the analyst's own value
   * stays in `stated_confidence`. The journal and the answer cache keep the stated value.
   */
  async analyze(req: AnalyzeRequest): Promise<AiAnalysis> {
    const a = await this.#analyze(req);
    const stated = a.stated_confidence;
    try {
      const { rated } = await this.track.book();
      const who = { source: a.source, model: a.model, prompt_version: a.prompt_version };
      const record = trackSummary(rated, who, RULES_ANALYST, a.data_date, {
        ...a,
        confidence: stated,
      });
      const calibrated = record.calibrated_confidence;
      return {
        ...a,
        confidence: calibrated ?? stated,
        confidence_calibrated: calibrated !== null,
        track_record: record,
      };
    } catch (e) {
      this.#deps.logger.error("ai track record failed", { error: String(e) });
      return { ...a, confidence: stated, confidence_calibrated: false, track_record: null };
    }
  }

  async #analyze(req: AnalyzeRequest): Promise<AiAnalysis> {
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
    let reason = this.llmRefusal(user);
    const pack = !reason && llm ? factsFromBars(symbol, cols) : undefined;
    let hold: BudgetHold | null = null;
    const track = pack && llm ? await this.#llmTrack(llm, pack) : undefined;
    if (pack && llm) {
      hold = await this.reserveCall(llm, analystMessages(pack, language, track?.prompt), true);
      if (!hold) reason = this.budgetReason();
    }
    if (!reason && user) {
      try {
        await consumeAnalysis(this.#deps.db, user.id, { now: this.#now() });
      } catch (e) {
        if (hold) await this.spend.settle(hold, 0);
        if (!(e instanceof QuotaExceededError) || req.onQuotaExceeded !== "rules") throw e;
        reason = `quota_exceeded: ${e.message}; the rule-based analyst answered`;
      }
    }
    if (reason || !llm || !pack || !hold) {
      return await this.#rules(cols, language, reason ?? "no_api_key", pack);
    }
    try {
      const { out, usage } = await askLlm(this, this.#deps.logger, llm, pack, req, hold, track);
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
      if (e instanceof BudgetExhaustedError) {
        return await this.#rules(cols, language, e.message, pack);
      }
      if (!(e instanceof LlmError)) throw e;
      this.#deps.logger.warn("ai fallback to rules", {
        symbol,
        kind: e.kind,
        error: e.message,
        ...(e.detail ? { detail: e.detail } : {}),
      });
      return await this.#rules(
        cols,
        language,
        `llm_${e.kind}: ${e.message}; the rule-based analyst answered`,
        pack,
      );
    }
  }

  /** The track record text and confidence check of an LLM call on `pack`. */
  async #llmTrack(
    llm: LlmClient,
    pack: FactsPack,
  ): Promise<{ prompt: string; check: (out: AnalystOutput) => string[] }> {
    const { rated } = await this.track.book();
    const who = { source: "llm" as const, model: llm.model, prompt_version: PROMPT_VERSION };
    const at = (out: Parameters<typeof trackSummary>[4]) =>
      trackSummary(rated, who, RULES_ANALYST, pack.data_date, out);
    const stances = (["BUY", "SELL", "HOLD"] as const).map((stance) =>
      at({ stance, confidence: 0.5, entry: 1, target: 1, stop: 1 })
    );
    return {
      prompt: trackRecordPrompt(stances),
      check: (out) => confidenceProblems(out, at(out)),
    };
  }

  async #cached(key: CacheKey): Promise<AiAnalysis | null> {
    const parsed = CachedAnalysisSchema.safeParse(await this.store.getCached(key));
    if (!parsed.success) return null;
    const a = parsed.data;
    return {
      ...a,
      stated_confidence: a.confidence,
      confidence_calibrated: false,
      cached: true,
      track_record: null,
    };
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

  #answer(
    out: AnalystOutput,
    pack: FactsPack,
    language: AiLanguage,
    meta: Pick<AiAnalysis, "source" | "model" | "fallback_reason" | "usage">,
  ): AiAnalysis {
    return analysisOf(out, pack, language, meta, { logger: this.#deps.logger, now: this.#now });
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
