/**
 * Pre-trade risk limits on the wire, one definition for a paper account and a backtest: the
 * same names, bounds and meaning in both.
 *
 * @module
 */
import { z } from "zod";

/**
 * Largest position value as a percent of equity after an order (null: no limit). Orders that
 * only reduce a position always pass.
 */
export const MaxPositionPctSchema = z.number().gt(0).max(1000).nullable()
  .describe("largest position, percent of equity after the order (null: no limit)");

/** Largest order value in the account's currency (null: no limit). */
export const MaxOrderValueSchema = z.number().gt(0).max(1e12).nullable()
  .describe("largest order value, quantity × fill price (null: no limit)");

/** The risk limits a backtest ran with (as a paper account's, without its kill switch). */
export const RiskLimitsSchema = z.object({
  max_position_pct: MaxPositionPctSchema,
  max_order_value: MaxOrderValueSchema,
}).meta({ id: "RiskLimits" });

/** An order the risk limits refused: it did not fill. */
export const RejectedOrderSchema = z.object({
  symbol: z.string(),
  date: z.string().describe("date of the bar whose open the order was sent to"),
  side: z.enum(["buy", "sell"]),
  qty: z.number(),
  reason: z.string().describe("the limit it broke"),
}).meta({ id: "RejectedOrder" });
