/**
 * The options of the simulated broker, shared by backtests and paper bots: costs, sizing,
 * protective exits and risk limits. Pure types and defaults.
 *
 * @module
 */
import type { RiskLimits } from "./risk.ts";
import type { Sizing } from "./sizing.ts";

/** Costs and sizing every simulation uses. */
export interface CostOptions {
  /** Starting cash. */
  cash: number;
  /** Commission in basis points of the traded value. */
  feeBps: number;
  /** Minimum commission per fill. */
  minFee: number;
  /** Slippage in basis points, against the trader. */
  slippageBps: number;
  /** How entries are sized. */
  sizing: Sizing;
  /** Allow fractional shares. */
  fractional: boolean;
  /** Take short positions when a strategy asks for −1 (otherwise −1 means flat). */
  allowShort: boolean;
}

/** Protective exits attached to every entry (all optional). */
export interface ExitOptions {
  /** Stop loss, percent below (long) / above (short) the entry price. */
  stopLossPct: number | null;
  /** Take profit, percent above (long) / below (short) the entry price. */
  takeProfitPct: number | null;
  /** Trailing stop, percent from the best high (long) / low (short) since entry. */
  trailingStopPct: number | null;
  /** Exit at the next open after holding this many bars. */
  maxHoldingBars: number | null;
}

/** Pre-trade risk limits (a paper account's; off when absent or null). */
export interface RiskOption {
  /**
   * Checked on every order a decision sends to the open (entries and signal exits), at the fill
   * price, before it fills; a refused order does not fill and is reported. Protective exits
   * belong to an accepted entry and are not checked again.
   */
  risk?: RiskLimits | null | undefined;
}

/** Everything the simulated broker needs. */
export type ExecOptions = CostOptions & ExitOptions & RiskOption;

/** No protective exit: what paper bots use (their strategies may still give levels). */
export const NO_EXITS: ExitOptions = {
  stopLossPct: null,
  takeProfitPct: null,
  trailingStopPct: null,
  maxHoldingBars: null,
};

/** Why a position was closed. */
export type ExitReason =
  | "signal"
  | "stop_loss"
  | "take_profit"
  | "trailing_stop"
  | "max_holding"
  | "end";
