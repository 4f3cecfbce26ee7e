/**
 * Wire schemas of the AI analyst: what the model must answer (`AnalystOutputSchema`, also the
 * structured-output schema sent to the LLM) and what the HTTP API returns (`AiAnalysisSchema`).
 *
 * @module
 */
import { z } from "zod";
import { TrackRecordSummarySchema } from "./ai_track_record.ts";
import { SymbolParamSchema } from "./market.ts";

/** Languages the analyst writes in. */
export const AiLanguageSchema = z.enum(["en", "zh-TW", "zh-CN"]).meta({
  description: "Language of the written analysis: en, zh-TW (Traditional) or zh-CN (Simplified)",
});

/** A language of the analyst. */
export type AiLanguage = z.infer<typeof AiLanguageSchema>;

/** BUY, SELL or HOLD. */
export const StanceSchema = z.enum(["BUY", "SELL", "HOLD"]);

/** One reason as the model writes it: text plus the ids of the facts it relies on. */
export const AnalystReasonSchema = z.object({
  text: z.string().min(1).max(600),
  fact_ids: z.array(z.string()).max(8),
});

/**
 * What the analyst (LLM or rules) must produce. Every field is required (OpenAI strict
 * structured outputs); levels are prices in the symbol's currency.
 */
export const AnalystOutputSchema = z.object({
  stance: StanceSchema,
  confidence: z.number().min(0).max(1),
  horizon_days: z.number().int().min(1).max(120),
  entry: z.number(),
  target: z.number(),
  stop: z.number(),
  summary: z.string().min(1).max(1200),
  reasons: z.array(AnalystReasonSchema).min(1).max(8),
  risks: z.array(z.string().min(1).max(400)).min(1).max(6),
  invalidation: z.string().min(1).max(600),
});

/** Raw analyst output (before grounding checks). */
export type AnalystOutput = z.infer<typeof AnalystOutputSchema>;

/** A fact of the facts pack as cited by a reason. */
export const FactRefSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]),
  date: z.string(),
});

/** A reason of the answer with its grounding check. */
export const AiReasonSchema = z.object({
  text: z.string(),
  fact_refs: z.array(FactRefSchema),
  cited_values: z.array(z.number()),
  unverified_values: z.array(z.number()).meta({
    description: "Numbers in the text that match no fact of the facts pack (flagged)",
  }),
  unknown_fact_ids: z.array(z.string()),
  verified: z.boolean(),
});

/** Tokens and estimated cost of the LLM call(s) behind an answer. */
export const AiUsageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  cost_usd: z.number(),
});

/** Response of `POST /api/ai/analyze/:symbol` (also `ai_analysis` of `POST /analyze`). */
export const AiAnalysisSchema = z.object({
  symbol: z.string(),
  language: AiLanguageSchema,
  stance: StanceSchema,
  confidence: z.number().meta({
    description: "The headline confidence: the walk-forward calibrated value (the measured hit " +
      "rate of the analyst's earlier calls at its stated confidence) when `confidence_calibrated`, " +
      "else the analyst's own `stated_confidence`",
  }),
  stated_confidence: z.number().meta({
    description: "The confidence the analyst (rules or LLM) stated, before calibration",
  }),
  confidence_calibrated: z.boolean().meta({
    description: "false: too few scored calls to calibrate (or no record), `confidence` is the " +
      "stated value, uncalibrated",
  }),
  horizon: z.string(),
  horizon_days: z.number().int(),
  entry: z.number(),
  target: z.number(),
  stop: z.number(),
  summary: z.string(),
  reasons: z.array(AiReasonSchema),
  risks: z.array(z.string()),
  invalidation: z.string(),
  source: z.enum(["llm", "rules"]),
  model: z.string(),
  prompt_version: z.string(),
  data_date: z.string(),
  last_price: z.number(),
  fallback_reason: z.string().nullable(),
  citations_ok: z.boolean(),
  cached: z.boolean(),
  usage: AiUsageSchema.nullable(),
  created_at: z.string(),
  track_record: TrackRecordSummarySchema.nullable().meta({
    description: "The analyst's scored record for this kind of call, beside its confidence " +
      "(null while no record can be computed)",
  }),
}).meta({ id: "AiAnalysis" });

/** A grounded analysis. */
export type AiAnalysis = z.infer<typeof AiAnalysisSchema>;

/** Body of `POST /api/ai/analyze/:symbol`. */
export const AiAnalyzeBodySchema = z.object({
  language: AiLanguageSchema.default("en"),
  as_of: z.iso.date().optional().meta({
    description: "Analyse as of this date (bars after it are ignored); default: latest bar",
  }),
}).strict();

/** Query of `GET /api/ai/analyze/:symbol`. */
export const AiAnalyzeQuerySchema = z.object({
  language: AiLanguageSchema.default("en"),
  as_of: z.iso.date().optional(),
  stream: z.enum(["1", "0", "true", "false"]).optional(),
});

/** Body of `POST /api/ai/chat`. */
export const AiChatBodySchema = z.object({
  session_id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "session_id must be 8..64 url-safe chars")
    .optional(),
  message: z.string().trim().min(1).max(4000),
  symbol: SymbolParamSchema.optional(),
  language: AiLanguageSchema.default("en"),
}).strict();

/** One message of a chat session. */
export const AiChatMessageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  created_at: z.string(),
});

/** Response of `POST /api/ai/chat`. */
export const AiChatResponseSchema = z.object({
  session_id: z.string(),
  reply: z.string(),
  source: z.enum(["llm", "rules"]),
  model: z.string(),
  fallback_reason: z.string().nullable(),
  usage: AiUsageSchema.nullable(),
}).meta({ id: "AiChatResponse" });

/** Response of `GET /api/ai/chat/:session_id`. */
export const AiChatHistorySchema = z.object({
  session_id: z.string(),
  symbol: z.string().nullable(),
  messages: z.array(AiChatMessageSchema),
}).meta({ id: "AiChatHistory" });

/** Response of `GET /api/ai/usage`. */
export const AiUsageReportSchema = z.object({
  day: z.string(),
  calls: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  cost_usd: z.number(),
}).meta({ id: "AiUsageReport" });
