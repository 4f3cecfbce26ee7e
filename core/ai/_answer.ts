/**
 * The analysis served to the user from an analyst's output (private to core/ai): the output
 * with its citations checked against the facts pack, the horizon in words and the metadata.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { AiAnalysis, AiLanguage, AnalystOutput } from "@trading/shared/schemas";
import { checkCitations } from "./citations.ts";
import { type FactsPack, round } from "./facts.ts";
import { PROMPT_VERSION } from "./prompts.ts";
import { RULES_VERSION } from "./rule_analyst.ts";

const HORIZON: Record<AiLanguage, (d: number) => string> = {
  en: (d) => `${d} trading days`,
  "zh-TW": (d) => `${d} 個交易日`,
  "zh-CN": (d) => `${d} 个交易日`,
};

/**
 * The analysis of `out` (an LLM's or the rule-based analyst's) on `pack`, created at `now()`
 * (ms); unverified citations are logged as a warning and reported in `citations_ok`. The
 * track record, and with it the calibrated confidence, is attached by the service when the
 * answer is served (until then `confidence` is the stated one).
 */
export function analysisOf(
  out: AnalystOutput,
  pack: FactsPack,
  language: AiLanguage,
  meta: Pick<AiAnalysis, "source" | "model" | "fallback_reason" | "usage">,
  { logger, now }: { logger: Logger; now: () => number },
): AiAnalysis {
  const reasons = checkCitations(out, pack);
  const citationsOk = reasons.every((r) => r.verified);
  if (!citationsOk) {
    logger.warn("ai citations not verified", {
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
    stated_confidence: out.confidence,
    confidence_calibrated: false,
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
    created_at: new Date(now()).toISOString(),
    track_record: null,
  };
}
