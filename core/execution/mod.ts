/**
 * The simulated broker shared by backtests and paper trading (the nautilus_trader model:
 * strategy → orders → risk → fills → ledger): the fill model, sizing, risk checks, the ledger,
 * a strategy slot's bar steps (position.ts, open_step.ts, protect_step.ts, close_step.ts,
 * decide_step.ts: market orders at the open with stop-loss, take-profit and trailing exits
 * attached) and the matching of resting limit/stop orders
 * (match.ts). The backtest engine runs it in memory; paper trading runs the same calls and
 * persists the fills. Pure.
 *
 * @module
 */
export * from "./close_step.ts";
export * from "./decide_step.ts";
export * from "./fill_model.ts";
export * from "./ledger.ts";
export * from "./match.ts";
export * from "./open_step.ts";
export * from "./options.ts";
export * from "./position.ts";
export * from "./protect_step.ts";
export * from "./risk.ts";
export * from "./sizing.ts";
