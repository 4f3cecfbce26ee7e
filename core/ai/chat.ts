/**
 * The strategy chat: a signed-in user's questions about a symbol and their backtests, answered
 * by the LLM from the facts pack and the stored backtests. History is stored per user and the
 * context sent is bounded (last {@link MAX_HISTORY} messages, each cut to
 * {@link MAX_MESSAGE_CHARS}). The system prompt is a constant; user text only ever goes in
 * user messages. Without an LLM (or over budget) the rule-based analyst's view answers.
 *
 * Limits are reserved in the database before the call (spend.ts): the most the call can cost on
 * today's budget, and for a free account one of its {@link CHAT_DAILY_LIMIT} daily replies; both
 * are settled or given back afterwards, so parallel requests on any number of instances cannot
 * go past either limit. A reply the LLM failed to give does not count against the user.
 *
 * @module
 */
import { QuotaExceededError } from "@trading/shared/errors";
import { recentBacktests } from "../backtest_store/store.ts";
import type { AiLanguage } from "@trading/shared/schemas";
import type { AuthUser } from "../auth/auth_context.ts";
import { type StoredBacktest, summarizeBacktests } from "./backtest_summary.ts";
import { ChatStore } from "./chat_store.ts";
import { estimateCost } from "./cost.ts";
import type { FactsPack } from "./facts.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import { type LlmClient, LlmError, type LlmMessage } from "./llm_client.ts";
import { chatContextMessage, chatSystemPrompt } from "./prompts.ts";
import { ruleAnalysis } from "./rule_analyst.ts";
import type { AiDeps, AiService } from "./service.ts";
import type { BudgetHold } from "./spend.ts";

/** Messages of history sent with a question. */
export const MAX_HISTORY = 10;
/** Characters kept of each history message. */
export const MAX_MESSAGE_CHARS = 2000;
/** Stored backtests of the user shown to the assistant. */
export const MAX_BACKTESTS = 5;
/** LLM chat replies per UTC day for a free account (premium: unlimited). */
export const CHAT_DAILY_LIMIT = 50;

/** A chat request. */
export interface ChatRequest {
  /** The signed-in user. */
  user: AuthUser;
  /** Existing session, or a new one when absent. */
  sessionId?: string | undefined;
  /** The question. */
  message: string;
  /** Symbol to discuss (default: the session's). */
  symbol?: string | undefined;
  /** Reply language. */
  language: AiLanguage;
}

/** A chat reply. */
export interface ChatReply {
  /** Session id. */
  session_id: string;
  /** The assistant's answer. */
  reply: string;
  /** Who answered. */
  source: "llm" | "rules";
  /** Model, or `rules`. */
  model: string;
  /** Why the rules answered, when they did. */
  fallback_reason: string | null;
  /** Tokens and cost of the LLM call. */
  usage: { prompt_tokens: number; completion_tokens: number; cost_usd: number } | null;
}

/** The chat service (uses the analyst service's LLM, budget and call log). */
export class ChatService {
  /** Sessions and messages. */
  readonly sessions: ChatStore;
  readonly #deps: AiDeps;
  readonly #ai: AiService;

  /**
   * @param deps core dependencies
   * @param ai the analyst service
   * @param now clock in ms
   */
  constructor(deps: AiDeps, ai: AiService, now: () => number = Date.now) {
    this.#deps = deps;
    this.#ai = ai;
    this.sessions = new ChatStore(deps.db, now);
  }

  async #backtests(userId: string): Promise<string | null> {
    const texts = await recentBacktests(this.#deps.db, userId, MAX_BACKTESTS);
    const parsed: StoredBacktest[] = [];
    for (const text of texts) {
      try {
        parsed.push(JSON.parse(text));
      } catch { /* a corrupt row is left out */ }
    }
    return parsed.length ? summarizeBacktests(parsed) : null;
  }

  /** Answers one question and stores both messages. */
  async ask(req: ChatRequest): Promise<ChatReply> {
    const { user, language } = req;
    const session = req.sessionId
      ? await this.sessions.get(user.id, req.sessionId)
      : await this.sessions.create(user.id, req.symbol ?? null);
    const symbol = req.symbol ?? session.symbol;
    const pack: FactsPack | null = symbol
      ? factsFromBars(symbol, await this.#deps.series.get(symbol))
      : null;
    let reason = this.#ai.llmRefusal(user);
    const llm = this.#ai.llm;
    let out: ChatReply | null = null;
    if (!reason && llm) {
      const history = await this.sessions.messages(session.id, MAX_HISTORY);
      const messages: LlmMessage[] = [
        { role: "system", content: chatSystemPrompt(language) },
        { role: "user", content: chatContextMessage(pack, await this.#backtests(user.id)) },
        ...history.map((m) => ({ role: m.role, content: m.content.slice(0, MAX_MESSAGE_CHARS) })),
        { role: "user", content: req.message },
      ];
      const hold = await this.#ai.reserveCall(llm, messages, false);
      if (!hold) reason = this.#ai.budgetReason();
      else {
        const counted = user.plan !== "premium";
        if (counted && !(await this.#ai.spend.takeChat(user.id, hold.day, CHAT_DAILY_LIMIT))) {
          await this.#ai.spend.settle(hold, 0);
          throw new QuotaExceededError(`Chat limit of ${CHAT_DAILY_LIMIT} replies per day reached`);
        }
        const r = await this.#llmReply(llm, messages, hold, user, symbol);
        if ("failure" in r) {
          if (counted) await this.#ai.spend.returnChat(user.id, hold.day);
          reason = r.failure;
        } else out = { session_id: session.id, ...r };
      }
    }
    out ??= this.#rulesReply(session.id, pack, language, reason ?? "no_api_key");
    await this.sessions.append(session, req.message, out.reply, symbol);
    return out;
  }

  /** One LLM reply on the reservation `hold` (settled here), or why there is none. */
  async #llmReply(
    llm: LlmClient,
    messages: LlmMessage[],
    hold: BudgetHold,
    user: AuthUser,
    symbol: string | null,
  ): Promise<Omit<ChatReply, "session_id"> | { failure: string }> {
    let r;
    try {
      r = await llm.complete(messages);
    } catch (e) {
      const failed = e instanceof LlmError ? e : null;
      await this.#ai.settleCall(llm, hold, failed?.usage ?? null, failed?.kind ?? "error");
      if (!failed) throw e;
      const u = failed.usage ?? { prompt_tokens: 0, completion_tokens: 0 };
      const cost = estimateCost(llm.model, u, { selfHosted: llm.selfHosted });
      await this.#record(user, symbol, llm.model, failed.kind, failed.message, u, cost);
      return { failure: `llm_${failed.kind}: ${failed.message}` };
    }
    await this.#ai.settleCall(llm, hold, r.usage);
    const cost = estimateCost(llm.model, r.usage, { selfHosted: llm.selfHosted });
    await this.#record(user, symbol, llm.model, "ok", null, r.usage, cost);
    return {
      reply: r.text,
      source: "llm",
      model: llm.model,
      fallback_reason: null,
      usage: { ...r.usage, cost_usd: cost },
    };
  }

  #rulesReply(
    sessionId: string,
    pack: FactsPack | null,
    language: AiLanguage,
    reason: string,
  ): ChatReply {
    const intro = {
      en: "The AI chat is not available, so here is the rule-based analyst's view.",
      "zh-TW": "AI 對話目前無法使用，以下為規則式分析師的觀點。",
      "zh-CN": "AI 对话目前无法使用，以下为规则式分析师的观点。",
    }[language];
    const none = {
      en: "Pick a symbol to get the rule-based analyst's view.",
      "zh-TW": "請選擇一檔股票以取得規則式分析師的觀點。",
      "zh-CN": "请选择一只股票以获取规则式分析师的观点。",
    }[language];
    let reply = `${intro}\n${none}`;
    if (pack) {
      const a = ruleAnalysis(pack, language);
      reply = [intro, a.summary, ...a.reasons.map((r) => `- ${r.text}`), a.invalidation].join("\n");
    }
    return {
      session_id: sessionId,
      reply,
      source: "rules",
      model: "rules",
      fallback_reason: reason,
      usage: null,
    };
  }

  async #record(
    user: AuthUser,
    symbol: string | null,
    model: string,
    status: string,
    error: string | null,
    u: { prompt_tokens: number; completion_tokens: number },
    cost: number,
  ): Promise<void> {
    await this.#ai.store.recordCall({
      userId: user.id,
      kind: "chat",
      symbol,
      model,
      status,
      error,
      promptTokens: u.prompt_tokens,
      completionTokens: u.completion_tokens,
      costUsd: cost,
    });
  }
}
