/**
 * Everything the patterns endpoint shows for a date range, computed over the history up to the
 * range's end (never after it), then limited to the range.
 *
 * @module
 */
import { firstBars } from "../market_data/series.ts";
import { detectCandlestickPatterns } from "./candlesticks.ts";
import { detectChartPatterns } from "./detect_chart_patterns.ts";
import { supportResistance } from "./levels.ts";
import type { CandleMatch, Level, OhlcvColumns, PatternMatch } from "./types.ts";

/** Full detection over bars `[0, end)`: reusable for any range ending at `end`. */
export interface PatternScan {
  /** Number of bars scanned. */
  end: number;
  /** All chart patterns (all kinds, any confidence). */
  patterns: PatternMatch[];
  /** All candlestick patterns. */
  candlesticks: CandleMatch[];
}

/**
 * Detects every chart and candlestick pattern on the bars before `end`.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { scanPatterns } from "./patterns_in_range.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const scan = scanPatterns(series, series.close.length);
 * ```
 */
export function scanPatterns(cols: OhlcvColumns, end: number): PatternScan {
  const head = firstBars(cols, end);
  return {
    end,
    patterns: detectChartPatterns(head),
    candlesticks: detectCandlestickPatterns(head),
  };
}

/** Filters of {@link patternsInRange}. */
export interface RangeFilter {
  /** First bar of the range. */
  start: number;
  /** Only these kinds (chart and candlestick kinds may be mixed); all when absent. */
  kinds?: readonly string[] | undefined;
  /** Include candlestick patterns. */
  candles: boolean;
  /** Least confidence (default 0). */
  minConfidence?: number | undefined;
  /** Most levels, strongest first (default 12). */
  maxLevels?: number;
}

/**
 * The chart patterns ending within `[start, scan.end)`, the candlestick patterns on bars of the
 * range (when `candles`), and the support/resistance levels from the range's pivots, as of
 * the range's last bar.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { patternsInRange, scanPatterns } from "./patterns_in_range.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const scan = scanPatterns(series, series.close.length); // once per data version
 * // the last 260 bars (about a year)
 * const start = series.close.length - 260;
 * const { patterns, candlesticks, levels } = patternsInRange(series, scan, { start, candles: true });
 * ```
 */
export function patternsInRange(
  cols: OhlcvColumns,
  scan: PatternScan,
  { start, kinds, candles, minConfidence = 0, maxLevels = 12 }: RangeFilter,
): { patterns: PatternMatch[]; candlesticks: CandleMatch[]; levels: Level[] } {
  const wanted = kinds ? new Set(kinds) : null;
  const patterns = scan.patterns.filter((m) =>
    m.endIndex >= start && m.confidence >= minConfidence && (!wanted || wanted.has(m.kind))
  );
  const candlesticks = candles
    ? scan.candlesticks.filter((m) =>
      m.index >= start && m.confidence >= minConfidence && (!wanted || wanted.has(m.kind))
    )
    : [];
  const levels = scan.end > start
    ? supportResistance(firstBars(cols, scan.end), { fromIndex: start, maxLevels })
    : [];
  return { patterns, candlesticks, levels };
}
