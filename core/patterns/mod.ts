/**
 * Chart and candlestick patterns (pure): zig-zag pivots, support/resistance levels, volume-
 * confirmed breakouts, chart patterns with measured-move targets, and candlestick patterns in
 * their trend context. Nothing here reads a bar after the end of what it returns.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { detectCandlestickPatterns, detectChartPatterns } from "./mod.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
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
  type PatternScan,
  patternsInRange,
  type RangeFilter,
  scanPatterns,
} from "./patterns_in_range.ts";
export { type PatternOutcome, patternOutcome } from "./outcome.ts";
