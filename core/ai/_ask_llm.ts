/**
 * One LLM analysis (private to core/ai): the structured call on its budget reservation, the
 * level check with one retry on a reservation of its own, and the call log.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import { type AiLanguage, type AnalystOutput, AnalystOutputSchema } from "@trading/shared/schemas";
import type { AuthUser } from "../auth/auth_context.ts";
import { estimateCost } from "./cost.ts";
import type { FactsPack } from "./facts.ts";
import { levelProblems } from "./levels.ts";
import { type LlmClient, LlmError, type LlmMessage, type LlmUsage } from "./llm_client.ts";
import { analystMessages, levelRetryMessages } from "./prompts.ts";
import { BudgetExhaustedError, type BudgetHold } from "./spend.ts";
import type { AiStore } from "./store.ts";

/** The budget and call log of the analyst service (see AiService). */
export interface LlmCallHost {
  /** Reserves the most one call can cost; null when it does not fit. */
  reserveCall(
    llm: LlmClient,
    messages: readonly LlmMessage[],
    structured: boolean,
  ): Promise<BudgetHold | null>;
  /** Settles a reservation to the call's cost. */
  settleCall(
    llm: LlmClient,
    hold: BudgetHold,
    usage: LlmUsage | null,
    failure?: string,
  ): Promise<void>;
  /** The `fallback_reason` of a call the budget has no room for. */
  budgetReason(): string;
  /** Where calls are logged. */
  readonly store: Pick<AiStore, "recordCall">;
}

/** What the call reads of the analysis request. */
export interface AskRequest {
  /** Ticker. */
  symbol: string;
  /** Language of the answer. */
  language: AiLanguage;
  /** Caller. */
  user: AuthUser | null;
  /** Receives the model's raw output as it streams. */
  onToken?: (text: string) => void;
  /** Called before the one retry after rejected levels. */
  onRetry?: () => void;
}

/** What the track record adds to the call: its text in the prompt and the confidence check. */
export interface AskTrack {
  /** The TRACK RECORD section of the data message. */
  prompt: string;
  /** Problems with the answer's confidence (empty when the record supports it). */
  check: (out: AnalystOutput) => string[];
}

/**
 * Asks the model for an analysis of `pack` (the first call on `hold`, one retry on a
 * reservation of its own when the levels or, with `track`, the confidence are rejected);
 * throws LlmError (`invalid_levels` or `overconfident` when rejected twice) or
 * BudgetExhaustedError when the retry does not fit the budget. Returns the output and the
 * tokens of all calls.
 */
export async function askLlm(
  host: LlmCallHost,
  logger: Logger,
  llm: LlmClient,
  pack: FactsPack,
  req: AskRequest,
  hold: BudgetHold,
  track?: AskTrack,
): Promise<{ out: AnalystOutput; usage: LlmUsage }> {
  const messages = analystMessages(pack, req.language, track?.prompt);
  const problemsOf = (out: AnalystOutput) => {
    const levels = levelProblems(out, pack.last_price);
    return { levels, confidence: levels.length || !track ? [] : track.check(out) };
  };
  const usage: LlmUsage = { prompt_tokens: 0, completion_tokens: 0 };
  const call = async (msgs: typeof messages, held: BudgetHold | null): Promise<AnalystOutput> => {
    const h = held ?? await host.reserveCall(llm, msgs, true);
    if (!h) throw new BudgetExhaustedError(host.budgetReason());
    let r;
    try {
      r = await llm.structured(msgs, AnalystOutputSchema, "analysis", {
        ...(req.onToken ? { onToken: req.onToken } : {}),
      });
    } catch (e) {
      const failed = e instanceof LlmError ? e : null;
      await host.settleCall(llm, h, failed?.usage ?? null, failed?.kind ?? "error");
      if (failed) await record(host, llm, req, failed.kind, failed.message, failed.usage);
      throw e;
    }
    await host.settleCall(llm, h, r.usage);
    usage.prompt_tokens += r.usage.prompt_tokens;
    usage.completion_tokens += r.usage.completion_tokens;
    await record(host, llm, req, "ok", null, r.usage);
    return r.value;
  };
  let out = await call(messages, hold);
  let p = problemsOf(out);
  if (p.levels.length || p.confidence.length) {
    const problems = [...p.levels, ...p.confidence];
    logger.warn(p.levels.length ? "ai levels rejected" : "ai confidence rejected", {
      symbol: pack.symbol,
      problems,
    });
    req.onRetry?.();
    out = await call([...messages, ...levelRetryMessages(JSON.stringify(out), problems)], null);
    p = problemsOf(out);
    if (p.levels.length) {
      throw new LlmError("invalid_levels", `levels rejected twice (${p.levels.join("; ")})`);
    }
    if (p.confidence.length) {
      throw new LlmError(
        "overconfident",
        `confidence rejected twice (${p.confidence.join("; ")})`,
      );
    }
  }
  return { out, usage };
}

/** Logs one analyze call with its tokens and estimated cost. */
async function record(
  host: LlmCallHost,
  llm: LlmClient,
  req: AskRequest,
  status: string,
  error: string | null,
  usage: LlmUsage | null,
): Promise<void> {
  const u = usage ?? { prompt_tokens: 0, completion_tokens: 0 };
  await host.store.recordCall({
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
