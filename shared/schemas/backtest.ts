import { z } from "zod";
import { IsoDateSchema } from "./candle.ts";
import { IntervalNameSchema, IntervalSchema } from "./interval.ts";
import { SymbolParamSchema } from "./market.ts";
import {
  MaxOrderValueSchema,
  MaxPositionPctSchema,
  RejectedOrderSchema,
  RiskLimitsSchema,
} from "./risk.ts";

/** One strategy parameter's value (periods and levels are numbers, rules are text). */
export const ParamValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** A strategy's parameters as stored and answered (`{"fast": 10, "slow": 50}`). */
export const StrategyParamsSchema = z.record(z.string(), ParamValueSchema).meta({
  id: "StrategyParams",
  example: { fast: 10, slow: 50 },
});

/** Position sizing on the wire. */
export const SizingSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("percent_equity"),
    percent: z.number().gt(0).max(100).describe("percent of equity per position"),
  }),
  z.object({
    mode: z.literal("fixed_cash"),
    amount: z.number().gt(0).max(1e12).describe("cash per entry"),
  }),
  z.object({
    mode: z.literal("atr_risk"),
    risk_percent: z.number().gt(0).max(100).describe("percent of equity risked per trade"),
    atr_multiple: z.number().gt(0).max(20).default(2).describe("stop distance in ATRs"),
    atr_period: z.number().int().min(2).max(100).default(14),
  }),
]).meta({ id: "Sizing" });

/** Costs, sizing and exits shared by backtests and optimisations. */
export const BacktestSettingsSchema = z.object({
  from: IsoDateSchema.optional().describe("first date (inclusive); default the first stored bar"),
  to: IsoDateSchema.optional().describe("last date (inclusive); default the last stored bar"),
  cash: z.number().gt(0).max(1e12).default(100_000),
  fee_bps: z.number().min(0).max(1000).default(0).describe("commission, basis points"),
  min_fee: z.number().min(0).max(1e6).default(0).describe("minimum commission per fill"),
  slippage_bps: z.number().min(0).max(1000).default(0),
  sizing: SizingSchema.optional(),
  fractional: z.boolean().default(false),
  allow_short: z.boolean().default(false),
  stop_loss_pct: z.number().gt(0).max(100).nullable().default(null),
  take_profit_pct: z.number().gt(0).max(1000).nullable().default(null),
  trailing_stop_pct: z.number().gt(0).max(100).nullable().default(null),
  max_holding_bars: z.number().int().min(1).max(10_000).nullable().default(null),
  max_order_value: MaxOrderValueSchema.default(null).describe(
    "risk limit, as a paper account's: an order (entry or signal exit) worth more than this at " +
      "its fill price is refused and does not fill (null: no limit)",
  ),
  max_position_pct: MaxPositionPctSchema.default(null).describe(
    "risk limit, as a paper account's: an order that would leave a position worth more than " +
      "this percent of equity is refused; orders that only reduce a position pass (null: none)",
  ),
  interval: IntervalSchema.describe(
    "bar interval: 1d (default), 1w or 1mo; a strategy decides at each bar's close, never on a " +
      "week or month that has not ended",
  ),
});

/** Body of `POST /api/backtests`: one symbol, or a basket sharing the cash. */
export const BacktestRequestSchema = BacktestSettingsSchema.extend({
  symbol: SymbolParamSchema.optional().describe("one symbol (or give `symbols`)"),
  symbols: z.array(SymbolParamSchema).min(1).max(20).optional().describe("a basket"),
  strategy: z.string().min(1).max(64),
  params: StrategyParamsSchema.default({}),
}).refine((b) => (b.symbol === undefined) !== (b.symbols === undefined), {
  message: "give either symbol or symbols",
  path: ["symbol"],
}).refine((b) => !b.from || !b.to || b.from <= b.to, {
  message: "from must be on or before to",
  path: ["from"],
}).meta({ id: "BacktestRequest" });

/** Parsed backtest request. */
export type BacktestRequest = z.infer<typeof BacktestRequestSchema>;

const num = z.number().nullable();

/** Performance metrics (null where a ratio is undefined). */
export const MetricsSchema = z.object({
  total_return: z.number(),
  cagr: num,
  volatility: num,
  sharpe: num,
  sortino: num,
  calmar: num,
  max_drawdown: z.number(),
  max_drawdown_duration: z.number().int().describe("bars"),
  trade_count: z.number().int(),
  win_rate: num,
  profit_factor: num,
  expectancy: num,
  avg_win: num,
  avg_loss: num,
  exposure_pct: z.number(),
  fees: z.number(),
  final_equity: z.number(),
  bars: z.number().int(),
}).meta({ id: "Metrics" });

/** One round trip. */
export const TradeSchema = z.object({
  symbol: z.string(),
  side: z.enum(["long", "short"]),
  entry_date: z.string(),
  entry_price: z.number(),
  exit_date: z.string(),
  exit_price: z.number(),
  qty: z.number(),
  pnl: z.number(),
  return_pct: z.number(),
  bars_held: z.number().int(),
  fees: z.number(),
  exit_reason: z.enum([
    "signal",
    "stop_loss",
    "take_profit",
    "trailing_stop",
    "max_holding",
    "end",
  ]),
}).meta({ id: "Trade" });

/** A stored backtest with its result. */
export const BacktestResultSchema = z.object({
  id: z.string(),
  symbols: z.array(z.string()),
  strategy: z.string(),
  params: StrategyParamsSchema,
  from: z.string(),
  to: z.string(),
  created_at: z.string(),
  metrics: MetricsSchema,
  benchmark: MetricsSchema.describe("buy-and-hold over the same bars with the same costs"),
  trades: z.array(TradeSchema),
  equity: z.array(z.object({ date: z.string(), equity: z.number(), benchmark: z.number() })),
  interval: IntervalNameSchema.optional().describe("bar interval (1d when absent)"),
  risk: RiskLimitsSchema.optional().describe(
    "the risk limits it ran with (absent on results stored before backtests had them)",
  ),
  rejected_orders: z.array(RejectedOrderSchema).optional().describe(
    "orders the risk limits refused, in date order (the buy-and-hold benchmark has no limits)",
  ),
}).meta({ id: "BacktestResult" });

/** A stored backtest. */
export type BacktestResultBody = z.infer<typeof BacktestResultSchema>;

/**
 * The JSON Schema of one strategy parameter, as zod emits it for the parameter's type; other
 * JSON Schema keywords (`minLength`, `maxLength` of a rule's text) pass through.
 */
const ParamJsonSchema = z.looseObject({
  type: z.enum(["integer", "number", "string", "boolean"]),
  description: z.string().optional(),
  default: ParamValueSchema.optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  enum: z.array(z.union([z.string(), z.number()])).optional(),
});

/**
 * The JSON Schema (draft 2020-12) of a strategy's parameters; other keywords pass through (the
 * rule strategy's `additionalProperties: {type: number}`: extra numbers its rules may name).
 */
export const ParamsJsonSchemaSchema = z.looseObject({
  type: z.literal("object"),
  properties: z.record(z.string(), ParamJsonSchema),
  required: z.array(z.string()).optional(),
}).describe("JSON schema of the parameters").meta({ id: "ParamsJsonSchema" });

/** One strategy as listed by `GET /api/strategies`. */
export const StrategyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  params: ParamsJsonSchemaSchema,
  defaults: StrategyParamsSchema,
  grid: z.record(z.string(), z.array(z.number())),
  optimisable: z.boolean().describe(
    "false when decisions carry stop-loss/take-profit levels: POST /api/optimisations refuses it",
  ),
  paper_bot: z.boolean().describe(
    "whether it can run as a paper-trading bot: true for every strategy (bots place exit levels)",
  ),
}).meta({ id: "StrategyInfo" });

/** Body of `POST /api/optimisations`. */
export const OptimisationRequestSchema = BacktestSettingsSchema.extend({
  symbol: SymbolParamSchema,
  strategy: z.string().min(1).max(64),
  grid: z.record(z.string(), z.array(z.number()).min(1).max(200)).optional()
    .describe("parameter → values; default the strategy's own grid"),
  fixed: StrategyParamsSchema.default({}).describe("parameters held constant"),
  metric: z.enum(["sharpe", "sortino", "calmar", "total_return", "cagr"]).default("sharpe"),
  heatmap: z.tuple([z.string(), z.string()]).optional()
    .describe("two grid parameters for the robustness heat-map (default the first two)"),
  walk_forward: z.object({
    in_sample: z.number().int().min(20).max(5000).default(504).describe("bars"),
    out_of_sample: z.number().int().min(5).max(2000).default(126).describe("bars"),
  }).optional(),
  workers: z.number().int().min(1).max(8).default(2),
}).refine((b) => !b.from || !b.to || b.from <= b.to, {
  message: "from must be on or before to",
  path: ["from"],
}).meta({ id: "OptimisationRequest" });

/** Parsed optimisation request. */
export type OptimisationRequest = z.infer<typeof OptimisationRequestSchema>;
