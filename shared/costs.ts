/**
 * Default trading costs shared by the backtest lab and paper accounts, so a paper fill costs
 * what the same trade cost in the backtest that suggested it.
 *
 * @module
 */

/**
 * Commission in basis points of the traded value that a new paper account and the backtest
 * lab start with (5 bps = 0.05%).
 *
 * @example
 * ```ts
 * import { DEFAULT_FEE_BPS } from "./costs.ts";
 *
 * const fee = 10_000 * DEFAULT_FEE_BPS / 10_000; // 5 on a 10,000 trade
 * ```
 */
export const DEFAULT_FEE_BPS = 5;
