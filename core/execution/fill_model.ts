/**
 * The fill model shared by the backtester and the paper broker: where an order placed before a
 * bar fills within that bar, and what slippage and commission cost. Pure.
 *
 * Rules (the bar is the first one after the order was placed):
 * - market: fills at the bar's open;
 * - buy limit L: at the open when the open is at or below L (a gap through the level), else at L
 *   when the low touches it; sell limit mirrors it with the high;
 * - buy stop S: at the open when the open is at or above S (gap), else at S when the high
 *   reaches it; sell stop mirrors it with the low;
 * - slippage moves the price against the trader by `slippageBps`, but never outside the bar's
 *   low..high range (nobody traded there).
 *
 * @module
 */

/** Buy or sell. */
export type Side = "buy" | "sell";

/** Order types the fill model knows. */
export type OrderType = "market" | "limit" | "stop";

/** Commission schedule: basis points of the traded value with a per-trade minimum. */
export interface Commission {
  /** Commission in basis points of the notional (1 bp = 0.01 %). */
  feeBps: number;
  /** Minimum commission per fill, in account currency. */
  minFee: number;
}

/**
 * Price at which an order is touched within a bar, before slippage, or `NaN` when the bar does
 * not reach it.
 *
 * @example
 * ```ts
 * touchPrice("buy", "stop", 105, 100, 106, 99); // 105: the high crossed the stop
 * touchPrice("buy", "stop", 105, 107, 108, 106); // 107: gapped over it, fills at the open
 * ```
 */
export function touchPrice(
  side: Side,
  type: OrderType,
  level: number,
  open: number,
  high: number,
  low: number,
): number {
  if (type === "market") return open;
  const buy = side === "buy";
  if (type === "limit") {
    if (buy) return open <= level ? open : low <= level ? level : NaN;
    return open >= level ? open : high >= level ? level : NaN;
  }
  if (buy) return open >= level ? open : high >= level ? level : NaN;
  return open <= level ? open : low <= level ? level : NaN;
}

/**
 * Moves `price` against the trader by `slippageBps`, clamped to the bar's `low..high`.
 *
 * @example
 * ```ts
 * slip(100, "buy", 10, 101, 99); // 100.1
 * ```
 */
export function slip(price: number, side: Side, slippageBps: number, high: number, low: number) {
  const p = side === "buy" ? price * (1 + slippageBps / 1e4) : price * (1 - slippageBps / 1e4);
  return p > high ? high : p < low ? low : p;
}

/**
 * Commission of one fill: `max(notional × feeBps / 10⁴, minFee)`, and zero for a zero notional.
 *
 * @example
 * ```ts
 * commission(10_000, { feeBps: 5, minFee: 1 }); // 5
 * commission(1_000, { feeBps: 5, minFee: 1 }); // 1 (the minimum)
 * ```
 */
export function commission(notional: number, { feeBps, minFee }: Commission): number {
  if (!(notional > 0)) return 0;
  const fee = notional * feeBps / 1e4;
  return fee > minFee ? fee : minFee;
}

/**
 * The fill price of an order on a bar after slippage, or `NaN` when the bar does not reach it.
 *
 * @example
 * ```ts
 * fillPrice({ side: "sell", type: "limit", level: 110 }, { open: 108, high: 111, low: 107 }, 0);
 * // 110
 * ```
 */
export function fillPrice(
  order: { side: Side; type: OrderType; level?: number | null | undefined },
  bar: { open: number; high: number; low: number },
  slippageBps: number,
): number {
  const raw = touchPrice(order.side, order.type, order.level ?? NaN, bar.open, bar.high, bar.low);
  if (Number.isNaN(raw)) return NaN;
  return slip(raw, order.side, slippageBps, bar.high, bar.low);
}
