/**
 * Shapes shared by the backtest engine, the fast kernel and the optimiser. Pure types.
 *
 * @module
 */
import type { OhlcvColumns } from "../market_data/series.ts";
import type { ExecOptions, ExitReason } from "../execution/options.ts";

/** Columnar OHLCV bars, dates ascending (a `Series` from market_data fits). */
export type Cols = OhlcvColumns;

/** All options of a backtest: the simulated broker's (core/execution/options.ts). */
export type BacktestOptions = ExecOptions & {
  /**
   * Bars per year, for annualised metrics (CAGR, volatility, Sharpe, Sortino): 252 for daily
   * bars (the default), 52 weekly, 12 monthly.
   */
  periodsPerYear?: number | undefined;
};

/** Defaults: 100,000 cash, no costs, all equity in one position, whole shares, long only. */
export const DEFAULT_OPTIONS: BacktestOptions = {
  cash: 100_000,
  feeBps: 0,
  minFee: 0,
  slippageBps: 0,
  sizing: { mode: "percent_equity", percent: 100 },
  fractional: false,
  allowShort: false,
  stopLossPct: null,
  takeProfitPct: null,
  trailingStopPct: null,
  maxHoldingBars: null,
};

/** One round trip. */
export interface Trade {
  /** Symbol traded. */
  symbol: string;
  /** `long` or `short`. */
  side: "long" | "short";
  /** Entry date (ISO). */
  entry_date: string;
  /** Entry fill price. */
  entry_price: number;
  /** Exit date, or the last bar's date for a trade still open at the end. */
  exit_date: string;
  /** Exit fill price (the last close for an open trade). */
  exit_price: number;
  /** Shares. */
  qty: number;
  /** P&L net of both commissions (the exit commission is 0 for an open trade). */
  pnl: number;
  /** `pnl` over the entry value. */
  return_pct: number;
  /** Bars from entry to exit. */
  bars_held: number;
  /** Commissions paid. */
  fees: number;
  /** Why it closed. */
  exit_reason: ExitReason;
}

/** Running trade statistics (what metrics need without keeping every trade). */
export interface TradeTally {
  /** Closed or still-open round trips. */
  count: number;
  /** Trades with pnl > 0. */
  wins: number;
  /** Trades with pnl < 0. */
  losses: number;
  /** Sum of winning pnl. */
  grossProfit: number;
  /** Sum of losing pnl, as a positive number. */
  grossLoss: number;
  /** Commissions paid. */
  fees: number;
  /** Bars with a position. */
  exposureBars: number;
}

/** An empty tally. */
export function newTally(): TradeTally {
  return { count: 0, wins: 0, losses: 0, grossProfit: 0, grossLoss: 0, fees: 0, exposureBars: 0 };
}

/** Adds one trade's pnl to a tally. */
export function tallyTrade(t: TradeTally, pnl: number): void {
  t.count++;
  if (pnl > 0) {
    t.wins++;
    t.grossProfit += pnl;
  } else if (pnl < 0) {
    t.losses++;
    t.grossLoss -= pnl;
  }
}
