import { z } from "zod";
import { IntervalNameSchema, IntervalSchema } from "./interval.ts";

/** An ISO calendar date `YYYY-MM-DD` that exists (2021-02-30 is refused). */
export const IsoDateSchema = z.iso.date().meta({
  description: "ISO date YYYY-MM-DD",
  example: "2017-06-01",
});

/**
 * An intraday bar's start: an exchange-local ISO time with its UTC offset
 * (`2021-03-31T15:00:00-04:00`).
 */
export const IsoLocalTimeSchema = z.iso.datetime({ offset: true }).meta({
  description: "exchange-local ISO time with its UTC offset (intraday bars)",
  example: "2021-03-31T15:00:00-04:00",
});

/**
 * A bar's label on the wire: a day, week or month (ISO date) or an intraday bar's start
 * (exchange-local ISO time with offset).
 */
export const BarDateSchema = z.union([IsoDateSchema, IsoLocalTimeSchema]);

/**
 * One bar as sent on the wire: a day (its ISO date), a week or month (the date of its first
 * trading day) or an intraday bar (its start, local time with offset).
 */
export const CandleSchema = z.object({
  date: BarDateSchema,
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number(),
  partial: z.boolean().optional().meta({
    description: "true on a last bar whose week or month has not ended (it may still change)",
  }),
}).meta({ id: "Candle" });

/** One bar. */
export type Candle = z.infer<typeof CandleSchema>;

/** One inconsistency of a bar's prices, named by the field that is wrong. */
export interface OhlcIssue {
  /** `high` or `low`. */
  field: "high" | "low";
  /** What is wrong, with the values. */
  message: string;
}

/**
 * What is inconsistent in one bar's prices: the high must be its highest price and the low its
 * lowest (`low ≤ open, close ≤ high`). Inputs that draw or compute from bars refuse such bars
 * (corrupt data is worse than no data); stored history is kept as its source gave it.
 *
 * @example
 * ```ts
 * ohlcIssues({ open: 10, high: 9, low: 11, close: 10 });
 * // [{ field: "high", message: "high (9) is below low (11)" }]
 * ```
 */
export function ohlcIssues(
  { open, high, low, close }: Pick<Candle, "open" | "high" | "low" | "close">,
): OhlcIssue[] {
  if (high < low) return [{ field: "high", message: `high (${high}) is below low (${low})` }];
  const issues: OhlcIssue[] = [];
  const top = Math.max(open, close);
  const bottom = Math.min(open, close);
  if (high < top) {
    issues.push({ field: "high", message: `high (${high}) is below open/close (${top})` });
  }
  if (low > bottom) {
    issues.push({ field: "low", message: `low (${low}) is above open/close (${bottom})` });
  }
  return issues;
}

/** Query of `GET /api/symbols/:symbol/candles`. */
export const CandlesQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  interval: IntervalSchema,
  limit: z.coerce.number().int().min(1).max(10_000).optional().meta({
    description: "Most recent N bars of the range (1..10000)",
  }),
  adjust: z.enum(["none", "split", "all"]).default("split").meta({
    description:
      "Prices as traded (none), split-adjusted (split, default) or also dividend-adjusted (all)",
  }),
  session: z.enum(["regular", "extended"]).default("regular").meta({
    description: "Intraday intervals: the regular session (default; New York 09:30–16:00, " +
      "Taipei 09:00–13:30) or extended hours (pre- and post-market, where the stored bars have " +
      "them). No bar spans the overnight gap. Daily, weekly and monthly bars are the same for both.",
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
  interval: IntervalNameSchema,
  count: z.number().int(),
  adjust: z.enum(["none", "split", "all"]),
  as_of: z.string().nullable(),
  stale: z.boolean(),
  candles: z.array(CandleSchema),
}).meta({ id: "CandlesResponse" });

/** Response of the candles endpoint. */
export type CandlesResponse = z.infer<typeof CandlesResponseSchema>;
