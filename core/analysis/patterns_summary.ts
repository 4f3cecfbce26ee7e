/**
 * The patterns part of the `/analyze` answer: chart patterns that end within the period,
 * the candlestick patterns of its last bars, and the strongest support/resistance levels.
 * Pure.
 *
 * @module
 */
import type { PatternMatchWire } from "@trading/shared/schemas";
import {
  type CandleMatch,
  detectCandlestickPatterns,
  detectChartPatterns,
  type OhlcvColumns,
  supportResistance,
} from "../patterns/mod.ts";
import { levelToWire, patternToWire } from "../patterns/wire.ts";

/** Patterns shown by `/analyze`, in the wire's snake_case (as `/patterns` sends them). */
export interface PatternsSummary {
  /** The latest {@link MAX_CHART_PATTERNS} chart patterns ending within the period, newest first. */
  chart: PatternMatchWire[];
  /** Number of chart patterns ending within the period (all of them: `/patterns`). */
  chart_total: number;
  /** Candlestick patterns of the last 20 bars of the period, newest first. */
  candlestick: CandleMatch[];
  /** Up to 6 levels, strongest first. */
  levels: ReturnType<typeof levelToWire>[];
}

/** Chart patterns listed in the answer. */
export const MAX_CHART_PATTERNS = 10;

/** Builds the {@link PatternsSummary} of bars `[start, end)` (detection reads bars < end only). */
export function patternsSummary(cols: OhlcvColumns, start: number, end: number): PatternsSummary {
  const chart = detectChartPatterns(cols).filter((p) => p.endIndex >= start && p.endIndex < end)
    .sort((a, b) => b.endIndex - a.endIndex);
  const recent = Math.max(start, end - 20);
  const candlestick = detectCandlestickPatterns(cols).filter((m) =>
    m.index >= recent && m.index < end
  )
    .sort((a, b) => b.index - a.index);
  const levels = supportResistance(cols).sort((a, b) => b.strength - a.strength).slice(0, 6);
  return {
    chart: chart.slice(0, MAX_CHART_PATTERNS).map(patternToWire),
    chart_total: chart.length,
    candlestick,
    levels: levels.map(levelToWire),
  };
}
