/**
 * Chart and candlestick patterns (pure): zig-zag pivots, support/resistance levels, volume-
 * confirmed breakouts, chart patterns with measured-move targets, and candlestick patterns in
 * their trend context. Nothing here reads a bar after the end of what it returns.
 *
 * @example
 * ```ts
 * import { detectChartPatterns, detectCandlestickPatterns } from "./core/patterns/mod.ts";
 * const patterns = detectChartPatterns(series, { minConfidence: 0.5 });
 * const candles = detectCandlestickPatterns(series);
 * ```
 *
 * @module
 */
export * from "./types.ts";
export { type ZigzagOptions, zigzagPivots } from "./zigzag.ts";
export { type LevelOptions, supportResistance } from "./levels.ts";
export { type BreakoutOptions, detectBreakouts } from "./breakouts.ts";
export { type ChartPatternOptions, detectChartPatterns } from "./detect_chart_patterns.ts";
export { type CandleOptions, detectCandlestickPatterns } from "./candlesticks.ts";
export { trendBefore, type TrendOptions } from "./trend.ts";
export {
  headOf,
  type PatternScan,
  patternsInRange,
  type RangeFilter,
  scanPatterns,
} from "./patterns_in_range.ts";
export { type PatternOutcome, patternOutcome } from "./outcome.ts";
