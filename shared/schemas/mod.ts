/**
 * Zod schemas shared by the services: the wire contract.
 *
 * @module
 */
export * from "./error.ts";
export * from "./interval.ts";
export * from "./candle.ts";
export * from "./market.ts";
export * from "./indicator.ts";
export * from "./signal.ts";
export * from "./analysis.ts";
export * from "./chart.ts";
export * from "./chart_service.ts";
export * from "./ai.ts";
export * from "./ai_track_record.ts";
export * from "./auth.ts";
export * from "./backtest.ts";
export * from "./optimisation.ts";
export * from "./pattern.ts";
export * from "./portfolio.ts";
export * from "./risk.ts";
export * from "./screen.ts";
export * from "./alerts.ts";
export * from "./watchlist.ts";
export * from "./jobs.ts";
export * from "./examples.ts";
