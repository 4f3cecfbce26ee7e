/**
 * What the order ticket shows before an order is placed: its value at the reference price,
 * the commission the account will charge, the cash it needs or frees, and whether a sell
 * would open a short. Pure; the same commission rule as core/execution/fill_model.ts.
 *
 * @module
 */

/** The account facts the estimate needs. */
export interface TicketAccount {
  /** Cash now. */
  cash: number;
  /** Commission in basis points of the traded value. */
  feeBps: number;
  /** Smallest commission per fill. */
  minFee: number;
  /** Signed quantity held in the symbol (negative: short). */
  held: number;
  /** Quantity in open sells that may not short (they take the long position first). */
  pendingSells: number;
}

/** An order's estimate. */
export interface OrderEstimate {
  /** Value of the order at the reference price. */
  value: number;
  /** Commission. */
  fee: number;
  /** Cash the order takes (buy, positive) or frees (sell, negative), fees included. */
  cashChange: number;
  /** Most shares a sell can take without opening a short. */
  sellable: number;
  /** Shares a sell would leave short (0 when it only reduces a long). */
  shortQty: number;
  /** A buy costs more than the cash (it would be rejected at the fill). */
  overBudget: boolean;
}

/**
 * The estimate of `side qty` at `price` for `account`.
 *
 * @example
 * ```ts
 * import { estimateOrder } from "./order_estimate.ts";
 *
 * const acc = { cash: 10_000, feeBps: 5, minFee: 0, held: 100, pendingSells: 0 };
 * estimateOrder("sell", 500, 20, acc).shortQty; // 400
 * estimateOrder("buy", 10, 100, acc).cashChange; // 1000.5
 * ```
 */
export function estimateOrder(
  side: "buy" | "sell",
  qty: number,
  price: number,
  account: TicketAccount,
): OrderEstimate {
  const ok = Number.isFinite(qty) && qty > 0 && Number.isFinite(price) && price > 0;
  const value = ok ? qty * price : 0;
  const raw = value * account.feeBps / 1e4;
  const fee = value > 0 ? Math.max(raw, account.minFee) : 0;
  const sellable = Math.max(0, account.held - account.pendingSells);
  const shortQty = side === "sell" && ok ? Math.max(0, qty - sellable) : 0;
  const cashChange = side === "buy" ? value + fee : -(value - fee);
  return {
    value,
    fee,
    cashChange,
    sellable,
    shortQty,
    overBudget: side === "buy" && account.held >= 0 && value + fee > account.cash + 1e-9,
  };
}

/**
 * The position in words-ready form: `long`, `short` or `flat` with the absolute quantity.
 *
 * @example
 * ```ts
 * import { positionSide } from "./order_estimate.ts";
 *
 * positionSide(-400); // { side: "short", qty: 400 }
 * ```
 */
export function positionSide(qty: number): { side: "long" | "short" | "flat"; qty: number } {
  if (qty > 0) return { side: "long", qty };
  if (qty < 0) return { side: "short", qty: -qty };
  return { side: "flat", qty: 0 };
}
