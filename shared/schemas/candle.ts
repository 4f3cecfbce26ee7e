import { z } from "zod";

/** An ISO calendar date `YYYY-MM-DD` that exists (2021-02-30 is refused). */
export const IsoDateSchema = z.iso.date().meta({
  description: "ISO date YYYY-MM-DD",
  example: "2017-06-01",
});

/** One daily bar as sent on the wire. */
export const CandleSchema = z.object({
  date: IsoDateSchema,
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number(),
}).meta({ id: "Candle" });

/** One daily bar. */
export type Candle = z.infer<typeof CandleSchema>;

/** Query of `GET /api/symbols/:symbol/candles`. */
export const CandlesQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional().meta({
    description: "Most recent N bars of the range (1..10000)",
  }),
  adjust: z.enum(["none", "split", "all"]).default("split").meta({
    description:
      "Prices as traded (none), split-adjusted (split, default) or also dividend-adjusted (all)",
  }),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "from must be on or before to",
  path: ["from"],
});

/** Parsed candles query. */
export type CandlesQuery = z.infer<typeof CandlesQuerySchema>;

/** Response of the candles endpoint. */
export const CandlesResponseSchema = z.object({
  symbol: z.string(),
  interval: z.literal("1d"),
  count: z.number().int(),
  adjust: z.enum(["none", "split", "all"]),
  as_of: z.string().nullable(),
  stale: z.boolean(),
  candles: z.array(CandleSchema),
}).meta({ id: "CandlesResponse" });

/** Response of the candles endpoint. */
export type CandlesResponse = z.infer<typeof CandlesResponseSchema>;
