/**
 * The rule language as tools: the function catalogue and the screener. Both call the
 * screener's declared routes (`GET /api/rules/functions`, `POST /api/screens`), so the
 * screener's rate limit and its `rule_invalid` messages (with the span at fault) are the API's.
 *
 * @module
 */
import { z } from "zod";
import { IsoDateSchema, RuleSourceSchema, SymbolParamSchema } from "@trading/shared/schemas";
import { type AnyTool, defineTool } from "./tool.ts";

/** Most rows `screen` returns. */
export const MAX_SCREEN_ROWS = 100;

interface RuleParam {
  name: string;
  optional: boolean;
  default?: number | boolean | string;
}
interface RuleFunction {
  name: string;
  kind: string;
  params: RuleParam[];
  outputs?: string[];
  returns: "series" | "condition";
  description: string;
  example: string;
}

const signature = (f: RuleFunction) =>
  f.kind === "operator" || f.kind === "field"
    ? f.name
    : `${f.name}(${
      f.params.map((p) =>
        p.default !== undefined ? `${p.name}=${p.default}` : p.optional ? `${p.name}?` : p.name
      ).join(", ")
    })${f.outputs?.length ? ` → .${f.outputs.join("/.")}` : ""}`;

const ruleFunctions = defineTool({
  name: "rule_functions",
  title: "Rule language reference",
  description: "The functions, fields, operators and analysis terms of the rule language used " +
    "by screen (and by the `rule` strategy of run_backtest): each with its signature, what it " +
    "returns per bar, a description and an example, plus the language's limits. Filter by kind " +
    "or by a word in the name to keep the answer short. Example rule: " +
    "'rsi(14) crosses_above 30 and close > sma(200)'.",
  scope: "read",
  effect: "read",
  input: z.object({
    kind: z.enum(["field", "indicator", "series", "condition", "analysis", "operator"])
      .optional(),
    name_contains: z.string().max(40).optional(),
  }),
  output: z.object({
    functions: z.array(z.object({
      name: z.string(),
      kind: z.string(),
      signature: z.string(),
      returns: z.enum(["series", "condition"]),
      description: z.string(),
      example: z.string(),
    })),
    limits: z.object({
      max_length: z.number().int(),
      max_nesting: z.number().int(),
      max_lookback: z.number().int(),
    }),
  }),
  run: async ({ kind, name_contains }, { api }) => {
    const r = await api.call<{
      functions: RuleFunction[];
      limits: { max_length: number; max_nesting: number; max_lookback: number };
    }>({ method: "GET", path: "/api/rules/functions" });
    const word = name_contains?.toLowerCase();
    return {
      functions: r.functions
        .filter((f) => (!kind || f.kind === kind) && (!word || f.name.toLowerCase().includes(word)))
        .map((f) => ({
          name: f.name,
          kind: f.kind,
          signature: signature(f),
          returns: f.returns,
          description: f.description,
          example: f.example,
        })),
      limits: r.limits,
    };
  },
});

const screenTool = defineTool({
  name: "screen",
  title: "Stock screener",
  description: "Finds every symbol where a rule-language condition is true at its last bar (or " +
    "at as_of), e.g. 'rsi(14) < 30 and close > sma(200)', with optional column expressions " +
    "evaluated at that bar (e.g. 'rsi(14)', 'close / sma(200) - 1') and how many bars the rule " +
    "has held. See rule_functions for the vocabulary. A broken rule is an error naming the " +
    "text at fault.",
  scope: "read",
  effect: "read",
  input: z.object({
    rule: RuleSourceSchema.describe("A condition in the rule language"),
    columns: z.array(RuleSourceSchema).max(10).default([]),
    universe: z.union([
      z.literal("all"),
      z.literal("watchlist"),
      z.array(SymbolParamSchema).min(1).max(500),
    ]).default("all").describe(
      '"all" stored symbols, "watchlist" (the token owner\'s watchlist; an error when ' +
        "anonymous or empty), or a list of tickers",
    ),
    as_of: IsoDateSchema.optional(),
    sort_by: z.union([z.enum(["symbol", "bars_since_true"]), z.number().int().min(0).max(9)])
      .optional().describe("symbol, bars_since_true, or the index of a column"),
    order: z.enum(["asc", "desc"]).default("asc"),
    limit: z.number().int().min(1).max(MAX_SCREEN_ROWS).default(20),
  }),
  output: z.object({
    rule: z.string(),
    columns: z.array(z.string()),
    screened: z.number().int(),
    matched: z.number().int(),
    rows: z.array(z.object({
      symbol: z.string(),
      as_of: z.string(),
      stale: z.boolean(),
      bars_since_true: z.number().int(),
      values: z.array(z.number().nullable()),
      last_close: z.number().nullable(),
    })),
  }),
  run: async ({ sort_by, order, ...req }, { api }) => {
    const r = await api.call<{
      rule: string;
      columns: string[];
      screened: number;
      matched: number;
      rows: {
        symbol: string;
        as_of: string;
        stale: boolean;
        bars_since_true: number;
        values: (number | null)[];
        closes: number[];
      }[];
    }>({
      method: "POST",
      path: "/api/screens",
      body: { ...req, ...(sort_by === undefined ? {} : { sort: { by: sort_by, order } }) },
    });
    return {
      rule: r.rule,
      columns: r.columns,
      screened: r.screened,
      matched: r.matched,
      rows: r.rows.map(({ closes, ...row }) => ({ ...row, last_close: closes.at(-1) ?? null })),
    };
  },
});

/** The rule-language tools. */
export const RULE_TOOLS: readonly AnyTool[] = [ruleFunctions, screenTool];
