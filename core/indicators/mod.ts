/**
 * Technical indicators: pure functions over `Float64Array`s (same length out, `NaN` during
 * warm-up, one O(n) pass, an allocation-free `…Into` variant and a `…Warmup` for each), plus the
 * by-name registry used by HTTP, signals and analysis.
 *
 * Conventions: EMA is seeded with the SMA of its first `period` values; RSI, ATR and ADX use
 * Wilder's smoothing seeded with simple averages (Wilder 1978, TA-Lib, StockCharts); Bollinger
 * uses the population standard deviation. Each file documents its own details.
 *
 * @example
 * ```ts
 * import { macd, rsi, toJsonArray } from "./mod.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const r = rsi(close, 14);
 * const { histogram } = macd(close);
 * const json = toJsonArray(r); // NaN → null
 * ```
 *
 * @module
 */
export * from "./sma.ts";
export * from "./ema.ts";
export * from "./wma.ts";
export * from "./rsi.ts";
export * from "./macd.ts";
export * from "./bollinger.ts";
export * from "./stochastic.ts";
export * from "./williams_r.ts";
export * from "./true_range.ts";
export * from "./atr.ts";
export * from "./adx.ts";
export * from "./obv.ts";
export * from "./pvt.ts";
export * from "./vwap.ts";
export * from "./volume_ratio.ts";
export * from "./registry.ts";
export * from "./compute.ts";
export * from "./to_json.ts";
export * from "./result_cache.ts";
