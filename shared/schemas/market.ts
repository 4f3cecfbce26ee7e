import { z } from "zod";
import { MAX_SYMBOL_LENGTH, SYMBOL_PATTERN } from "../symbol.ts";
import { IntervalNameSchema, IntervalSchema } from "./interval.ts";

/**
 * A ticker as accepted everywhere (paths, bodies, queries), upper-cased: letters or digits
 * first, at most one dot followed by a known suffix (`.TW`, `.TWO`, a class letter), 1..16
 * chars (the grammar of `shared/symbol.ts`).
 */
export const SymbolParamSchema = z.string().trim().min(1).max(MAX_SYMBOL_LENGTH)
  .regex(
    new RegExp(SYMBOL_PATTERN.source, "i"),
    "symbol must start with a letter or digit and have at most one dot, followed by .TW, .TWO or a class letter",
  )
  .transform((s) => s.toUpperCase());

/** One symbol of the universe with the extent of its stored history. */
export const SymbolInfoSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  name_zh: z.string().nullable().meta({
    description: "Chinese name where the data gives one (TWSE: 台積電), else null",
  }),
  market: z.string(),
  currency: z.string(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  bars: z.number().int(),
  source: z.string(),
}).meta({ id: "SymbolInfo" });

/** One symbol of the universe. */
export type SymbolInfo = z.infer<typeof SymbolInfoSchema>;

/** Response of `GET /symbols`. */
export const SymbolsResponseSchema = z.object({
  symbols: z.array(SymbolInfoSchema),
  total: z.number().int(),
}).meta({ id: "SymbolsResponse" });

/** Response of `GET /symbols`. */
export type SymbolsResponse = z.infer<typeof SymbolsResponseSchema>;

/** Response of `GET /api/symbols/:symbol/quote`. */
export const QuoteSchema = z.object({
  symbol: z.string(),
  date: z.string(),
  close: z.number(),
  previous_close: z.number().nullable(),
  change: z.number().nullable(),
  change_percent: z.number().nullable(),
  volume: z.number(),
  high_52w: z.number(),
  low_52w: z.number(),
  as_of: z.string(),
  stale: z.boolean().optional(),
  interval: IntervalNameSchema.optional().meta({
    description: "bar interval of date, change and volume (1d unless asked)",
  }),
  partial: z.boolean().optional().meta({
    description: "true when the bar quoted is a week or month that has not ended",
  }),
}).meta({ id: "Quote" });

/** Response of `GET /api/symbols/:symbol/intervals`. */
export const SymbolIntervalsSchema = z.object({
  symbol: z.string(),
  intervals: z.array(IntervalNameSchema).describe(
    "intervals the symbol has bars at, shortest first: intraday ones it has stored (or bundled) " +
      "bars for, and 1d, 1w, 1mo when it has daily bars",
  ),
}).meta({ id: "SymbolIntervals" });

/** Response of `GET /api/symbols/:symbol/intervals`. */
export type SymbolIntervals = z.infer<typeof SymbolIntervalsSchema>;

/** Query of `GET /api/symbols/:symbol/quote`. */
export const QuoteQuerySchema = z.object({ interval: IntervalSchema });

/** A quote computed from the latest stored bars. */
export type Quote = z.infer<typeof QuoteSchema>;

/**
 * One `quote` event of `GET /api/quotes/stream` (its `data:` line is this object as JSON; with
 * `once=1` the answer is `{"quotes": [...]}` of them).
 */
export const LiveQuoteSchema = z.object({
  symbol: z.string(),
  date: z.string().describe("session date of the price"),
  price: z.number().describe("last price"),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  volume: z.number(),
  change: z.number().nullable().describe("change vs the previous close"),
  change_percent: z.number().nullable(),
  source: z.enum(["live", "close", "replay"]).describe(
    "live: upstream poll; close: stored last close, market closed; replay: offline replay clock",
  ),
  as_of: z.string().describe("date of the data"),
}).meta({ id: "LiveQuote" });

/** One live quote event. */
export type LiveQuote = z.infer<typeof LiveQuoteSchema>;

/** Response of a service's `GET /health`. */
export const HealthSchema = z.object({
  status: z.enum(["healthy", "degraded"]),
  service: z.string(),
  version: z.string(),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string() })),
  uptime_s: z.number(),
}).meta({ id: "Health" });

/** Health report. */
export type Health = z.infer<typeof HealthSchema>;

/** One market's session state (`GET /api/markets`). */
export const MarketStatusSchema = z.object({
  market: z.enum(["US", "TW"]),
  exchange: z.string(),
  time_zone: z.string().meta({ example: "America/New_York" }),
  is_open: z.boolean(),
  state: z.enum(["open", "pre", "post", "closed"]),
  local_date: z.string().describe("the exchange's date now"),
  holiday: z.string().nullable().describe("name of today's weekday holiday, if any"),
  last_completed_session: z.string(),
  next_open: z.string().describe("ISO instant"),
  next_close: z.string().describe("ISO instant"),
  calendar_coverage: z.enum(["rules", "announced", "fixed-only"]).describe(
    "how the year's holidays are known: computed rules (NYSE), the exchange's announcement " +
      "(TWSE), or fixed-date holidays only",
  ),
}).meta({ id: "MarketStatus" });

/** Answer of `GET /api/markets`. */
export const MarketsResponseSchema = z.object({
  as_of: z.string().describe("the instant the states were computed at"),
  markets: z.array(MarketStatusSchema),
});

/** Outcome of a provider refresh of one symbol. */
export const RefreshResultSchema = z.object({
  symbol: z.string(),
  provider: z.string(),
  status: z.enum(["applied", "quarantined", "unchanged"]),
  written: z.number().int().describe("new bars written"),
  reason: z.string().optional().describe("why the answer was quarantined"),
  as_of: z.string().nullable().describe("last stored date after the refresh"),
}).meta({ id: "RefreshResult" });

/** Answer of `PATCH /api/admin/symbols/:symbol`. */
export const SymbolPatchResultSchema = z.object({
  symbol: z.string(),
  name: z.string().optional().describe("the new name, when one was given"),
  refresh: RefreshResultSchema.optional().describe("with replace_history"),
});

/** One finding of a data-quality report. */
export const QualityIssueSchema = z.object({
  date: z.string(),
  kind: z.enum([
    "missing_session",
    "non_trading_day",
    "zero_volume",
    "ohlc_inconsistent",
    "unexplained_jump",
  ]),
  detail: z.string(),
}).meta({ id: "QualityIssue" });

/** A provider answer refused by reconciliation, kept for review. */
export const QuarantineEntrySchema = z.object({
  id: z.number().int(),
  symbol: z.string(),
  provider: z.string(),
  received_at: z.string(),
  reason: z.string(),
  details: z.array(z.union([
    z.object({ date: z.string(), stored: z.number().nullable(), received: z.number() })
      .describe("a close contradicting the stored one"),
    z.object({ date: z.string(), reason: z.string() }).describe("a bar refused as malformed"),
  ])),
}).meta({ id: "QuarantineEntry" });

/** Answer of `GET /api/symbols/:symbol/quality`. */
export const QualityReportSchema = z.object({
  symbol: z.string(),
  market: z.enum(["US", "TW"]),
  bars: z.number().int(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  counts: z.object({
    missing_session: z.number().int(),
    non_trading_day: z.number().int(),
    zero_volume: z.number().int(),
    ohlc_inconsistent: z.number().int(),
    unexplained_jump: z.number().int(),
  }),
  issues: z.array(QualityIssueSchema).describe("at most 500, oldest first"),
  quarantined: z.array(QuarantineEntrySchema).describe("the latest 20, newest first"),
}).meta({ id: "QualityReport" });

/** Answer of `GET /api/symbols/:symbol/actions`. */
export const CorporateActionsSchema = z.object({
  symbol: z.string(),
  splits: z.array(z.object({
    date: z.string().describe("ex-date"),
    ratio: z.number().describe("new shares per old share"),
  })),
  dividends: z.array(z.object({
    date: z.string().describe("ex-date"),
    amount: z.number().describe("per share, in the price currency"),
  })),
}).meta({ id: "CorporateActions" });
