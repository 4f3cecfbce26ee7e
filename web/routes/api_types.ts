/**
 * Wire types of core responses the web reads (type-only: web never imports core runtime code).
 * Shapes that core does not export as shared schemas yet are written here from the issue
 * contracts and kept in step as the endpoints land.
 *
 * @module
 */
export type {
  Candle,
  CandlesResponse,
  Quote,
  SymbolInfo,
  SymbolsResponse,
} from "@trading/shared/schemas";

/** `GET /api/symbols/:s/signals` composite score. */
export interface SignalScore {
  /** Score (sign gives the direction). */
  score: number;
  /** "BUY" | "SELL" | "HOLD". */
  stance: string;
  /** 0..1. */
  confidence: number;
  /** Factors behind the score. */
  reasons: {
    factor: string;
    value: number | null;
    weight: number;
    contribution: number;
    text: string;
  }[];
}

/** One signal. */
export interface SignalItem {
  /** Bar date. */
  date: string;
  /** Direction. */
  type: "buy" | "sell";
  /** Rule name. */
  name: string;
  /** Why it fired. */
  reason: string;
  /** Strength 0..1. */
  strength: number;
}

/** `GET /api/symbols/:s/signals`. */
export interface SignalsResponse {
  /** Signals, oldest first. */
  signals: SignalItem[];
  /** Composite score. */
  score: SignalScore;
}

/** `GET /api/symbols/:s/indicators`. */
export interface IndicatorsResponse {
  /** Bar dates. */
  dates: string[];
  /** Output name → values aligned with `dates`. */
  series: Record<string, (number | null)[]>;
  /** What was computed. */
  indicators: { name: string; params: Record<string, unknown>; outputs: string[] }[];
}

/** One pivot of a chart pattern. */
export interface Pivot {
  /** Bar index. */
  index: number;
  /** Bar date. */
  date: string;
  /** Price. */
  price: number;
  /** "high" | "low". */
  type: string;
}

/** A detected chart pattern. */
export interface ChartPattern {
  /** e.g. "double_top". */
  kind: string;
  /** First bar date. */
  startDate: string;
  /** Last bar date. */
  endDate: string;
  /** Pivots outlining it. */
  pivots: Pivot[];
  /** "bullish" | "bearish" | "neutral". */
  direction: string;
  /** Neckline or breakout level. */
  breakoutLevel?: number | null;
  /** Measured-move target. */
  target?: number | null;
  /** Price that invalidates it. */
  invalidation?: number | null;
  /** Breakout confirmed. */
  confirmed: boolean;
  /** 0..1. */
  confidence: number;
  /** Criteria met. */
  criteria?: string[] | Record<string, unknown>;
}

/** `GET /api/symbols/:s/patterns`. */
export interface PatternsResponse {
  /** Chart patterns. */
  patterns: ChartPattern[];
  /** Candlestick patterns. */
  candlesticks: { kind: string; date: string; direction: string }[];
  /** Support/resistance levels. */
  levels: { price: number; kind: string; touches: number }[];
}
