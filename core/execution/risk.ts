/**
 * Pre-trade risk checks of an account (paper broker, and available to the backtester). Pure.
 *
 * @module
 */

/** Risk limits of an account. */
export interface RiskLimits {
  /** Largest position value as a percent of equity after the order (null: no limit). */
  maxPositionPct: number | null;
  /** Largest order value (null: no limit). */
  maxOrderValue: number | null;
  /** When true every new order is refused. */
  killSwitch: boolean;
}

/** What {@link checkOrder} needs to know about the order and the account. */
export interface RiskInputs {
  /** Signed quantity of the order (buy positive). */
  signedQty: number;
  /** Price used to value it (limit/stop level or last close). */
  price: number;
  /** Signed quantity already held in the symbol. */
  heldQty: number;
  /** Account equity now. */
  equity: number;
}

/**
 * The reason the order breaks a limit, or null when it passes. Orders that only reduce a
 * position always pass the size limits (closing risk is never blocked) but not the kill switch.
 *
 * @example
 * ```ts
 * checkOrder({ maxPositionPct: 50, maxOrderValue: null, killSwitch: false },
 *   { signedQty: 100, price: 60, heldQty: 0, equity: 10_000 }); // "position would be 60.0% ..."
 * ```
 */
export function checkOrder(limits: RiskLimits, x: RiskInputs): string | null {
  if (limits.killSwitch) return "kill switch is on: the account accepts no new orders";
  const after = x.heldQty + x.signedQty;
  const reduces = Math.sign(x.heldQty) !== Math.sign(x.signedQty) &&
    Math.abs(after) <= Math.abs(x.heldQty);
  if (reduces) return null;
  const value = Math.abs(x.signedQty) * x.price;
  if (limits.maxOrderValue !== null && value > limits.maxOrderValue) {
    return `order value ${
      value.toFixed(2)
    } exceeds the account's max order value ${limits.maxOrderValue}`;
  }
  if (limits.maxPositionPct !== null) {
    const pct = x.equity > 0 ? Math.abs(after) * x.price / x.equity * 100 : Infinity;
    if (pct > limits.maxPositionPct) {
      return `position would be ${
        pct.toFixed(1)
      }% of equity, above the limit of ${limits.maxPositionPct}%`;
    }
  }
  return null;
}
