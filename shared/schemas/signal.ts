import { z } from "zod";
import { IsoDateSchema } from "./candle.ts";
import { IntervalNameSchema, IntervalSchema } from "./interval.ts";

/** One signal on the wire. */
export const SignalSchema = z.object({
  index: z.number().int(),
  date: z.string(),
  type: z.enum(["buy", "sell"]),
  name: z.string(),
  family: z.enum(["technical", "analyst"]),
  reason: z.string().meta({ description: "English sentence (filled from reason_code)" }),
  reason_code: z.string().meta({
    description: "template of the reason, e.g. close_above_ma10; clients translate it",
  }),
  reason_params: z.record(z.string(), z.number()).meta({
    description: "parameters of the template, e.g. {close: 101.5, ma10: 100.25}",
  }),
  strength: z.number(),
}).meta({ id: "Signal" });

/** Composite score on the wire. */
export const CompositeScoreSchema = z.object({
  index: z.number().int(),
  date: z.string(),
  score: z.number(),
  stance: z.enum(["BUY", "SELL", "HOLD"]),
  confidence: z.number(),
  reasons: z.array(z.object({
    factor: z.string(),
    value: z.number().nullable(),
    weight: z.number(),
    contribution: z.number(),
    text: z.string().meta({ description: "English sentence (filled from text_code)" }),
    text_code: z.string().meta({ description: "template of the text; clients translate it" }),
    text_params: z.record(z.string(), z.union([z.number(), z.string()])),
  })),
}).meta({ id: "CompositeScore" });

/** Query of `GET /api/symbols/:symbol/signals`. */
export const SignalsQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  family: z.enum(["technical", "analyst", "all"]).default("all"),
  type: z.enum(["buy", "sell", "all"]).default("all"),
  interval: IntervalSchema,
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "from must be on or before to",
  path: ["from"],
});

/** Response of `GET /api/symbols/:symbol/signals`. */
export const SignalsResponseSchema = z.object({
  symbol: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  signals: z.array(SignalSchema),
  score: CompositeScoreSchema,
  interval: IntervalNameSchema.optional().meta({ description: "bar interval of the signals" }),
}).meta({ id: "SignalsResponse" });

/** Analysis periods accepted by `/analyze`, counted back from the last stored bar. */
export const AnalyzePeriodSchema = z.enum(["1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "max"]);

/** Body of `POST /analyze/{symbol}`. */
export const AnalyzeRequestSchema = z.object({
  period: AnalyzePeriodSchema.default("1y"),
  include_ai: z.boolean().default(false),
  include_patterns: z.boolean().default(true),
  language: z.enum(["en", "zh-TW", "zh-CN"]).default("en"),
  interval: IntervalSchema,
}).strict();

/** Parsed analyze request. */
export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>;
