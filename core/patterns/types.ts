/**
 * Types of the pattern detectors: inputs (columns of OHLCV bars) and outputs (pivots, levels,
 * breakouts, chart-pattern and candlestick matches). Pure.
 *
 * @module
 */
import type { CriterionCode, CriterionParams } from "./criteria.ts";
import { CANDLE_KIND_NAMES, CHART_PATTERN_KIND_NAMES } from "@trading/shared/schemas";

/** Columnar daily bars, dates ascending. `Series` of core/market_data satisfies it. */
export type { OhlcvColumns } from "../market_data/series.ts";

/** A swing high or low found by the zig-zag. */
export interface Pivot {
  /** Bar index. */
  index: number;
  /** Date of that bar. */
  date: string;
  /** The bar's high (for a `high` pivot) or low (for a `low` pivot). */
  price: number;
  /** Swing high or swing low. */
  type: "high" | "low";
}

/** A horizontal support or resistance level: a cluster of pivots at about the same price. */
export interface Level {
  /** Mean price of the clustered pivots. */
  price: number;
  /** `support` when below the last close, `resistance` when at or above it. */
  kind: "support" | "resistance";
  /** Number of pivots in the cluster. */
  touches: number;
  /** Index of the first pivot. */
  firstIndex: number;
  /** Index of the last pivot. */
  lastIndex: number;
  /** Date of the first pivot. */
  firstDate: string;
  /** Date of the last pivot. */
  lastDate: string;
  /** 0..1: `0.7 × (1 − 1/touches) + 0.3 × lastIndex/(n − 1)` (more touches, more recent). */
  strength: number;
}

/** A close through a level. */
export interface Breakout {
  /** Bar of the close through the level. */
  index: number;
  /** Date of that bar. */
  date: string;
  /** The level's price. */
  level: number;
  /** `up`: close crossed above the level; `down`: below it. */
  direction: "up" | "down";
  /** Close of the breakout bar. */
  close: number;
  /** Volume of the bar divided by the mean volume of the previous `volumePeriod` bars. */
  volumeRatio: number | null;
  /** True when `volumeRatio ≥ volumeMultiple` (volume confirms the break). */
  confirmed: boolean;
}

/** Kinds of chart patterns, in the order they are documented (the wire schema's list). */
export const CHART_PATTERN_KINDS = CHART_PATTERN_KIND_NAMES;

/** One chart-pattern kind. */
export type ChartPatternKind = typeof CHART_PATTERN_KINDS[number];

/** Bullish, bearish or (undecided) neutral. */
export type Direction = "bullish" | "bearish" | "neutral";

/** A straight segment to draw (neckline, trendline, rim). */
export interface PatternLine {
  /** Start point. */
  from: { index: number; price: number };
  /** End point. */
  to: { index: number; price: number };
  /** What the line is, e.g. `neckline`, `upper`, `lower`. */
  label: string;
}

/** A chart pattern found in the bars. */
export interface PatternMatch {
  /** Which pattern. */
  kind: ChartPatternKind;
  /** Index of the first pivot. */
  startIndex: number;
  /** Last bar the detection read: the breakout bar, or the last bar when still pending. */
  endIndex: number;
  /** Date of `startIndex`. */
  startDate: string;
  /** Date of `endIndex`. */
  endDate: string;
  /** The pivots that form the pattern. */
  pivots: Pivot[];
  /** Expected move after the breakout. */
  direction: Direction;
  /** Price a close must cross to confirm the pattern (at `endIndex` for sloping lines). */
  breakoutLevel: number;
  /** Measured-move target, or null when the pattern has none. */
  target: number | null;
  /** A close beyond this price invalidates the pattern (the stop). */
  invalidation: number;
  /** A close beyond `breakoutLevel` has happened by `endIndex`. */
  confirmed: boolean;
  /** 0..1 from the criteria listed in `criteria`. */
  confidence: number;
  /** Human-readable reasons behind the confidence (English, filled from `criteriaCodes`). */
  criteria: string[];
  /** The same reasons as templates with parameters (`criteria.ts`), for translation. */
  criteriaCodes?: { code: CriterionCode; params: CriterionParams }[];
  /** Segments for drawing. */
  lines?: PatternLine[];
}

/** Kinds of candlestick patterns (the wire schema's list). */
export const CANDLE_PATTERN_KINDS = CANDLE_KIND_NAMES;

/** One candlestick-pattern kind. */
export type CandleKind = typeof CANDLE_PATTERN_KINDS[number];

/** Trend before a candlestick pattern. */
export type Trend = "up" | "down" | "none";

/** A candlestick pattern ending at bar `index`. */
export interface CandleMatch {
  /** Which pattern. */
  kind: CandleKind;
  /** Last bar of the pattern. */
  index: number;
  /** Date of that bar. */
  date: string;
  /** What the pattern suggests. */
  direction: Direction;
  /** 0..1 from shape quality and trend strength. */
  confidence: number;
  /** Trend over the bars before the pattern's first bar. */
  trend: Trend;
}
