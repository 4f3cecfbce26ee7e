/**
 * What a chart draws, besides its spec: the candles and the analysis results aligned with them.
 *
 * @module
 */
import type {
  Candle,
  ChartLevel,
  ChartMarker,
  ChartOverlay,
  ChartPane,
  ChartPattern,
} from "@trading/shared/schemas";

/** Data of one chart; every `series` array has one value per candle (null in warm-up). */
export interface ChartData {
  /** Bars, ascending: dates (daily, weekly, monthly) or exchange-local times (intraday). */
  candles: readonly Candle[];
  /** Indicator values keyed as {@link seriesKeys} names them. */
  series: Readonly<Record<string, readonly (number | null)[]>>;
  /** Chart patterns to outline. */
  patterns: readonly ChartPattern[];
  /** Support and resistance levels. */
  levels: readonly ChartLevel[];
  /** Buy and sell markers. */
  markers: readonly ChartMarker[];
  /** Things the caller could not provide (drawn as a note on the chart). */
  warnings: readonly string[];
}

/** An empty data set around `candles`. */
export function chartData(candles: readonly Candle[], extra: Partial<ChartData> = {}): ChartData {
  return { candles, series: {}, patterns: [], levels: [], markers: [], warnings: [], ...extra };
}

/**
 * The `series` keys an overlay or pane reads: `sma20`, `ema50`, `bb.upper|middle|lower`,
 * `vwap`, `rsi`, `macd.macd|signal|histogram`, `stoch.k|d`; none for volume, levels, patterns
 * and signals.
 */
export function seriesKeys(item: ChartOverlay | ChartPane): string[] {
  switch (item.type) {
    case "sma":
    case "ema":
      return [`${item.type}${item.period}`];
    case "bollinger":
      return ["bb.upper", "bb.middle", "bb.lower"];
    case "vwap":
      return ["vwap"];
    case "rsi":
      return ["rsi"];
    case "macd":
      return ["macd.macd", "macd.signal", "macd.histogram"];
    case "stochastic":
      return ["stoch.k", "stoch.d"];
    default:
      return [];
  }
}
