import { z } from "zod";
import { DEFAULT_FEE_BPS } from "../costs.ts";
import { StrategyParamsSchema } from "./backtest.ts";
import { IsoDateSchema } from "./candle.ts";
import { SymbolParamSchema } from "./market.ts";
import { MaxOrderValueSchema, MaxPositionPctSchema } from "./risk.ts";

/** Body of `POST /api/paper/accounts`. */
export const PaperAccountCreateSchema = z.object({
  name: z.string().trim().min(1).max(80).default("Paper account"),
  cash: z.number().gt(0).max(1e12).default(100_000),
  start: IsoDateSchema.describe("replay clock start: orders fill on the bars after this date"),
  fee_bps: z.number().min(0).max(1000).default(DEFAULT_FEE_BPS)
    .describe("commission in basis points, applied to every fill (default: the backtest lab's)"),
  min_fee: z.number().min(0).max(1e6).default(0),
  slippage_bps: z.number().min(0).max(1000).default(0),
  max_position_pct: MaxPositionPctSchema.default(null),
  max_order_value: MaxOrderValueSchema.default(null),
}).meta({ id: "PaperAccountCreate" });

/** Body of `PATCH /api/paper/accounts/:id/risk`. */
export const PaperRiskSchema = z.object({
  max_position_pct: MaxPositionPctSchema.optional(),
  max_order_value: MaxOrderValueSchema.optional(),
  kill_switch: z.boolean().optional(),
}).meta({ id: "PaperRisk" });

/** Body of `POST /api/paper/accounts/:id/orders`. */
export const PaperOrderCreateSchema = z.object({
  client_order_id: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/)
    .describe("idempotency key: a retry with the same id returns the same order"),
  symbol: SymbolParamSchema,
  side: z.enum(["buy", "sell"]),
  type: z.enum(["market", "limit", "stop"]).default("market"),
  qty: z.number().gt(0).max(1e9),
  price: z.number().gt(0).max(1e9).optional().describe("limit or stop level"),
  allow_short: z.boolean().default(false).describe(
    "a sell larger than the long position (less pending sells) opens a short only when true; " +
      "otherwise it is refused with 422",
  ),
}).refine((o) => o.type === "market" ? o.price === undefined : o.price !== undefined, {
  message: "limit and stop orders need a price; market orders take none",
  path: ["price"],
}).meta({ id: "PaperOrderCreate" });

/** Body of `POST /api/paper/accounts/:id/advance`. */
export const PaperAdvanceSchema = z.object({
  bars: z.number().int().min(1).max(2000).optional().describe("trading days to replay"),
  to: IsoDateSchema.optional().describe("replay up to this date (inclusive)"),
}).refine((a) => (a.bars === undefined) !== (a.to === undefined), {
  message: "give either bars or to",
  path: ["bars"],
}).meta({ id: "PaperAdvance" });

/** Body of `POST /api/paper/accounts/:id/bots`: trade a strategy (long only) on the account. */
export const PaperBotCreateSchema = z.object({
  symbol: SymbolParamSchema,
  strategy: z.string().min(1).max(64),
  params: StrategyParamsSchema.default({}),
  percent: z.number().gt(0).max(100).default(100).describe("percent of equity when in a position"),
  interval: z.enum(["1d", "1w", "1mo"]).default("1d").describe(
    "bar interval the bot decides on: daily, or the close of each week (1w) or month (1mo)",
  ),
}).meta({ id: "PaperBotCreate" });

/** A paper order as returned. */
export const PaperOrderSchema = z.object({
  id: z.string(),
  account_id: z.string(),
  client_order_id: z.string(),
  symbol: z.string(),
  side: z.enum(["buy", "sell"]),
  type: z.enum(["market", "limit", "stop"]),
  qty: z.number(),
  price: z.number().nullable(),
  status: z.enum(["open", "filled", "cancelled", "rejected"]),
  reason: z.string().nullable(),
  source: z.string(),
  placed_clock: z.string(),
  created_at: z.string(),
  filled_date: z.string().nullable(),
  fill_price: z.number().nullable(),
  fee: z.number().nullable(),
  allow_short: z.boolean().describe("the order may open or add to a short position"),
}).meta({ id: "PaperOrder" });

/** A position of a paper account valued at the clock. */
export const PaperPositionSchema = z.object({
  symbol: z.string(),
  qty: z.number().describe("negative for a short"),
  avg_cost: z.number(),
  last: z.number().nullable().describe("last close on or before the clock"),
  market_value: z.number(),
  unrealised: z.number(),
}).meta({ id: "PaperPosition" });

/** A paper account with its positions valued at the clock. */
export const PaperAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  clock: z.string(),
  starting_cash: z.number(),
  cash: z.number(),
  equity: z.number(),
  realised: z.number(),
  unrealised: z.number(),
  fees: z.number(),
  costs: z.object({ fee_bps: z.number(), min_fee: z.number(), slippage_bps: z.number() }),
  risk: z.object({
    max_position_pct: z.number().nullable(),
    max_order_value: z.number().nullable(),
    kill_switch: z.boolean(),
  }),
  positions: z.array(PaperPositionSchema),
}).meta({ id: "PaperAccount" });

/** Answer of `GET /api/paper/accounts`. */
export const PaperAccountListSchema = z.object({ accounts: z.array(PaperAccountSchema) });

/** Answer of `GET /api/paper/accounts/:id/orders` (in the order they were placed). */
export const PaperOrderListSchema = z.object({ orders: z.array(PaperOrderSchema) });

/** Answer of `GET /api/paper/accounts/:id/positions`. */
export const PaperPositionsSchema = z.object({
  clock: z.string().describe("the replay clock the positions are valued at"),
  positions: z.array(PaperPositionSchema),
});

/** A fill made by a replay (`POST /api/paper/accounts/:id/advance`). */
export const PaperReplayFillSchema = z.object({
  order_id: z.string(),
  symbol: z.string(),
  side: z.enum(["buy", "sell"]),
  qty: z.number(),
  price: z.number(),
  fee: z.number(),
  date: z.string().describe("the bar it filled on"),
}).meta({ id: "PaperReplayFill" });

/** A stored fill (`GET /api/paper/accounts/:id/fills`). */
export const PaperFillSchema = PaperReplayFillSchema.extend({
  id: z.string(),
  realised: z.number().describe("P&L the fill realised, fees excluded"),
}).meta({ id: "PaperFill" });

/** Answer of `GET /api/paper/accounts/:id/fills` (oldest first). */
export const PaperFillListSchema = z.object({ fills: z.array(PaperFillSchema) });

/** Answer of `POST /api/paper/accounts/:id/advance`. */
export const PaperAdvanceResultSchema = z.object({
  account: PaperAccountSchema.describe("the account at its new clock"),
  fills: z.array(PaperReplayFillSchema),
  replayed_bars: z.number().int().describe("trading days replayed"),
});

/** Answer of `POST /api/paper/accounts/:id/bots`. */
export const PaperBotSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  strategy: z.string(),
  params: StrategyParamsSchema.describe("the parameters with the strategy's defaults filled in"),
  percent: z.number(),
  interval: z.enum(["1d", "1w", "1mo"]),
  last_target: z.number().describe("the bot's last decided position (0: flat)"),
  active: z.boolean(),
}).meta({ id: "PaperBot" });
