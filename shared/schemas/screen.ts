/**
 * Wire schemas of the rule language's catalogue, the screener and saved screens.
 *
 * @module
 */
import { z } from "zod";
import { CALENDAR_INTERVALS } from "./interval.ts";
import { SymbolParamSchema } from "./market.ts";

/** Longest rule text accepted anywhere (the rule language's bound). */
export const RULE_TEXT_MAX = 2000;

/**
 * Longest rule text the wire schemas let through to the rule parser (10× the language's
 * bound). Text between {@link RULE_TEXT_MAX} and this is refused by the parser, as a 422
 * `rule_invalid` whose `details.span` starts at the first character past the bound, like any
 * other rule error; only text past this ceiling gets the schema's generic 422.
 */
export const RULE_TEXT_CEILING = 10 * RULE_TEXT_MAX;

/** A rule's text on the wire (its length is checked by the parser: see {@link RULE_TEXT_CEILING}). */
export const RuleSourceSchema = z.string().min(1).max(RULE_TEXT_CEILING);

const RuleText = RuleSourceSchema;

/** One parameter of a rule function. */
export const RuleParamDocSchema = z.object({
  name: z.string(),
  type: z.enum(["series", "condition", "number", "string", "bool"]),
  optional: z.boolean(),
  default: z.union([z.number(), z.boolean(), z.string()]).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  values: z.array(z.string()).optional().describe("accepted strings (pattern, candle, signal)"),
});

/** One function, field, operator or analysis term of the rule language. */
export const RuleFunctionSchema = z.object({
  name: z.string(),
  kind: z.enum(["field", "indicator", "series", "condition", "analysis", "operator"]),
  params: z.array(RuleParamDocSchema),
  outputs: z.array(z.string()).optional().describe("lines selected with .name"),
  returns: z.enum(["series", "condition"]),
  description: z.string(),
  example: z.string(),
}).meta({ id: "RuleFunction" });

/** `GET /api/rules/functions`. */
export const RuleFunctionsSchema = z.object({
  functions: z.array(RuleFunctionSchema),
  limits: z.object({
    max_length: z.number().int().describe("characters"),
    max_nesting: z.number().int(),
    max_lookback: z.number().int().describe("bars"),
  }),
}).meta({ id: "RuleFunctions" });

/** How screen results are ordered. */
export const ScreenSortSchema = z.object({
  by: z.union([z.enum(["symbol", "bars_since_true"]), z.number().int().min(0).max(19)])
    .describe("symbol, bars_since_true, or the index of a column"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

/** What a screen asks (also what a saved screen stores). */
export const ScreenSpecSchema = z.object({
  rule: RuleText.describe("a condition in the rule language"),
  universe: z.union([
    z.literal("all"),
    z.literal("watchlist"),
    z.array(SymbolParamSchema).min(1).max(2000),
  ])
    .default("all")
    .describe(
      '"all" stored symbols, "watchlist" (the caller\'s server watchlist, resolved at each ' +
        "run: sign-in needed, an empty one is a 422), or a list of symbols",
    ),
  columns: z.array(RuleText).max(20).default([]).describe("expressions shown per row"),
  sort: ScreenSortSchema.optional(),
  limit: z.number().int().min(1).max(2000).default(200),
  interval: z.enum(CALENDAR_INTERVALS).default("1d").describe(
    "bars the rule reads: 1d (default), 1w or 1mo (aggregated from the daily bars; the last " +
      "week or month may still be running, as on a chart)",
  ),
});

/** Body of `POST /api/screens`. */
export const ScreenRequestSchema = ScreenSpecSchema.extend({
  as_of: z.iso.date().optional().describe("evaluate at each symbol's last bar on or before"),
}).meta({ id: "ScreenRequest" });

/** Parsed screen request. */
export type ScreenRequest = z.infer<typeof ScreenRequestSchema>;

/** One symbol where the rule holds. */
export const ScreenRowSchema = z.object({
  symbol: z.string(),
  as_of: z.string().describe("date of the bar evaluated"),
  stale: z.boolean().describe(
    "without as_of: the bar is older than the market's last session; with as_of: older than " +
      "the newest bar screened",
  ),
  bars_since_true: z.number().int().describe("0: the rule became true on this bar"),
  values: z.array(z.number().nullable()).describe("the columns' values (conditions 1/0)"),
  closes: z.array(z.number()).describe("last closes up to as_of, for a sparkline"),
});

/** `POST /api/screens` answer. */
export const ScreenResultSchema = z.object({
  rule: z.string(),
  columns: z.array(z.string()),
  screened: z.number().int().describe("symbols evaluated"),
  matched: z.number().int().describe("symbols where the rule holds (before limit)"),
  rows: z.array(ScreenRowSchema),
  took_ms: z.number(),
}).meta({ id: "ScreenResult" });

/** `POST /api/screens` answer. */
export type ScreenResult = z.infer<typeof ScreenResultSchema>;

/** Body of creating or replacing a saved screen. */
export const SavedScreenInputSchema = ScreenSpecSchema.extend({
  name: z.string().trim().min(1).max(80),
}).meta({ id: "SavedScreenInput" });

/** A saved screen. */
export const SavedScreenSchema = SavedScreenInputSchema.extend({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
}).meta({ id: "SavedScreen" });

/** A saved screen. */
export type SavedScreen = z.infer<typeof SavedScreenSchema>;
