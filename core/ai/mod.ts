/**
 * The AI analyst: facts pack, rule-based analyst, LLM client, service, chat and evaluation.
 *
 * `POST /analyze/:symbol` fills `ai_analysis` (when `include_ai`) through {@link aiHook}, which
 * calls {@link aiAnalysisFor}.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { optionalUser } from "../auth/auth_context.ts";
 * import { aiAnalysisFor } from "./mod.ts";
 * import type { AiDeps } from "./service.ts";
 *
 * function aiRoutes(deps: AiDeps) {
 *   return new Hono().get("/api/ai/:symbol", async (c) => {
 *     const ai = await aiAnalysisFor(deps, c.req.param("symbol"), "en", optionalUser(c));
 *     ai.source; // "llm" or "rules"
 *     return c.json(ai);
 *   });
 * }
 * ```
 *
 * @module
 */
import type { Context } from "hono";
import { type AiAnalysis, type AiLanguage, AiLanguageSchema } from "@trading/shared/schemas";
import { type AuthUser, optionalUser } from "../auth/auth_context.ts";
import { ChatService } from "./chat.ts";
import { type AiDeps, AiService } from "./service.ts";

export { AiService, llmFromConfig } from "./service.ts";
export { barsAsOf } from "./bars_as_of.ts";
export type { AiDeps, AnalyzeRequest } from "./service.ts";
export { ChatService } from "./chat.ts";
export { buildFactsPack, type Fact, type FactsPack } from "./facts.ts";
export { factsFromBars } from "./facts_from_bars.ts";
export { ruleAnalysis, RULES_VERSION } from "./rule_analyst.ts";
export { CHAT_PROMPT_VERSION, PROMPT_VERSION } from "./prompts.ts";
export { createLlmClient, type LlmClient, LlmError } from "./llm_client.ts";

const services = new WeakMap<AiDeps, { ai: AiService; chat: ChatService }>();

/** The analyst and chat services of `deps` (built once per deps object). */
export function aiServices(deps: AiDeps): { ai: AiService; chat: ChatService } {
  let s = services.get(deps);
  if (!s) {
    const ai = new AiService(deps);
    s = { ai, chat: new ChatService(deps, ai) };
    services.set(deps, s);
  }
  return s;
}

/** Replaces the services of `deps` (tests inject a clock or an LLM client). */
export function setAiServices(deps: AiDeps, s: { ai: AiService; chat: ChatService }): void {
  services.set(deps, s);
}

/**
 * The `ai_analysis` of `POST /analyze/:symbol`: the LLM's answer when configured and allowed,
 * else the rule-based analyst's (never throws for quota: it falls back to rules). Throws
 * `NotFoundError` for an unknown symbol.
 */
export function aiAnalysisFor(
  deps: AiDeps,
  symbol: string,
  language: AiLanguage,
  user: AuthUser | null,
): Promise<AiAnalysis> {
  return aiServices(deps).ai.analyze({ symbol, language, user, onQuotaExceeded: "rules" });
}

/**
 * The `ai` hook of `signalsRoutes` (core/http/routes/signals.ts): the analysis of the symbol for
 * the caller of the request `c`, in `language`.
 */
export function aiHook(
  deps: AiDeps,
  analysis: { symbol: string },
  language: string,
  c: unknown,
): Promise<AiAnalysis> {
  const lang = AiLanguageSchema.parse(language);
  return aiAnalysisFor(deps, analysis.symbol, lang, optionalUser(c as Context));
}
