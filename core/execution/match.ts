/**
 * Matching of resting orders (market, limit, stop placed by hand on a paper account) on the
 * same fill model and ledger as the strategy slots of position.ts. Pure.
 *
 * @module
 */
import { type Commission, commission, fillPrice, type OrderType, type Side } from "./fill_model.ts";
import type { Ledger } from "./ledger.ts";

/** An open order as the matcher sees it. */
export interface MatchOrder {
  /** Symbol. */
  symbol: string;
  /** Buy or sell. */
  side: Side;
  /** Market, limit or stop. */
  type: OrderType;
  /** Quantity (positive). */
  qty: number;
  /** Limit or stop level (null for market). */
  price: number | null;
  /**
   * False: a sell may only reduce a long position, and is rejected at the fill when the
   * position is smaller than its quantity by then (paper orders; named as the stored row).
   * Absent or true: a sell may open or add to a short.
   */
  allow_short?: boolean;
}

/** What happened to an order on a bar. */
export type MatchOutcome =
  | { kind: "fill"; price: number; fee: number }
  | { kind: "reject"; reason: string }
  | null;

/**
 * Matches an open order against the next bar: a fill at the fill model's price (market at the
 * open, limit/stop at the level or at the open on a gap, slippage within the bar), nothing when
 * the bar does not reach a limit/stop, or a rejection when a buy that opens or adds to a long
 * costs more than the cash or when a sell that may not open a short exceeds the long position.
 *
 * @example
 * ```ts
 * import { newLedger } from "./ledger.ts";
 * matchOrder({ symbol: "X", side: "buy", type: "limit", qty: 10, price: 99 },
 *   { open: 100, high: 101, low: 98 }, newLedger(5_000), { feeBps: 0, minFee: 0, slippageBps: 0 });
 * // { kind: "fill", price: 99, fee: 0 }
 * ```
 */
export function matchOrder(
  order: MatchOrder,
  bar: { open: number; high: number; low: number },
  ledger: Ledger,
  costs: Commission & { slippageBps: number },
): MatchOutcome {
  const price = fillPrice(
    { side: order.side, type: order.type, level: order.price },
    bar,
    costs.slippageBps,
  );
  if (Number.isNaN(price)) return null;
  const fee = commission(order.qty * price, costs);
  const held = ledger.positions.get(order.symbol)?.qty ?? 0;
  if (order.side === "sell" && order.allow_short === false && order.qty > held + 1e-9) {
    return {
      kind: "reject",
      reason: `sell of ${order.qty} exceeds the long position of ${
        Math.max(0, held)
      } at fill; the order may not open a short`,
    };
  }
  if (order.side === "buy" && held >= 0 && order.qty * price + fee > ledger.cash + 1e-9) {
    return {
      kind: "reject",
      reason: `insufficient cash at fill: needs ${(order.qty * price + fee).toFixed(2)}, has ${
        ledger.cash.toFixed(2)
      }`,
    };
  }
  return { kind: "fill", price, fee };
}
