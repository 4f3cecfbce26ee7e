/**
 * The portfolio core shared by the backtester and the paper broker: fill model, ledger,
 * sizing and risk checks. Pure.
 *
 * @module
 */
export * from "./fill_model.ts";
export * from "./ledger.ts";
export * from "./sizing.ts";
export * from "./risk.ts";
export * from "./broker.ts";
