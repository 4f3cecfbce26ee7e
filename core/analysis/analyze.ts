/**
 * The `/analyze` answer: price summary, latest indicators, patterns, signals and the composite
 * score over a period ending at the last stored bar. Pure: data in, answer out.
 *
 * @module
 */
import { lowerBound } from "../market_data/series.ts";
import {
  compositeScore,
  computeSignalInputs,
  generateSignals,
  type OhlcvColumns,
  type Signal,
} from "../signals/mod.ts";
import type { CompositeScore } from "../signals/mod.ts";
import { type LatestIndicators, latestIndicators, num } from "./latest.ts";

/** Periods counted back from the last bar, in months (`max` = the whole history). */
export const PERIOD_MONTHS: Record<string, number> = {
  "1mo": 1,
  "3mo": 3,
  "6mo": 6,
  "1y": 12,
  "2y": 24,
  "5y": 60,
  "10y": 120,
  max: Infinity,
};

/** The first date of `period` ending at `lastDate` (ISO), or null for the whole history. */
export function periodStart(lastDate: string, period: string): string | null {
  const months = PERIOD_MONTHS[period];
  if (months === undefined) throw new RangeError(`Cannot analyse: unknown period "${period}"`);
  if (months === Infinity) return null;
  // an intraday bar's date is a local time: its day is the first 10 characters
  const [y, m, day] = lastDate.slice(0, 10).split("-").map(Number) as [number, number, number];
  // Same day `months` earlier, clamped to that month's length (31 March − 1 month = 28/29 Feb).
  const lastOfMonth = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(y, m - 1 - months, Math.min(day, lastOfMonth)));
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Signals listed in the answer (the latest ones; `GET /api/symbols/:s/signals` has them all). */
export const MAX_SIGNALS = 50;

/** Inputs of {@link analyzeSeries}. */
export interface AnalyzeInput {
  /** Ticker. */
  symbol: string;
  /** Market code. */
  market: string;
  /** The whole stored history (indicators warm up on bars before the period). */
  cols: OhlcvColumns;
  /** Period label, see {@link PERIOD_MONTHS}. */
  period: string;
  /** Pattern detector over bars `[start, end)`, when patterns are wanted. */
  patterns?: (cols: OhlcvColumns, start: number, end: number) => unknown;
}

/** The `/analyze` answer (without the AI part, which the shell adds). */
export interface AnalysisResult {
  /** Ticker. */
  symbol: string;
  /** Market code. */
  market: string;
  /** Period label. */
  period: string;
  /** First date of the period actually covered. */
  from: string;
  /** Last date (the latest bar). */
  to: string;
  /** Last close. */
  current_price: number;
  /** Change vs the previous close. */
  price_change: number | null;
  /** Change in percent. */
  price_change_percent: number | null;
  /** Volume of the last bar. */
  volume: number;
  /** Latest indicator values. */
  indicators: LatestIndicators;
  /** Detected patterns (null when not requested). */
  patterns: unknown;
  /** The latest {@link MAX_SIGNALS} signals within the period, oldest first (all of them: `/signals`). */
  signals: Signal[];
  /** Number of signals within the period. */
  signals_total: number;
  /** Composite score at the last bar. */
  score: CompositeScore;
  /** Number of bars in the period. */
  data_points: number;
  /** Date of the latest bar (the data's "as of"). */
  last_updated: string;
}

/**
 * Analyses the last `period` of a history.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { analyzeSeries } from "./analyze.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const a = analyzeSeries({ symbol: "AAPL", market: "US", cols: series, period: "1y" });
 * a.score.stance; // "BUY" | "SELL" | "HOLD"
 * ```
 */
export function analyzeSeries(
  { symbol, market, cols, period, patterns }: AnalyzeInput,
): AnalysisResult {
  const n = cols.close.length;
  if (n === 0) throw new RangeError(`Cannot analyse ${symbol}: no bars`);
  const last = n - 1;
  const fromDate = periodStart(cols.dates[last]!, period);
  const start = fromDate ? lowerBound(cols.dates, fromDate) : 0;
  const inputs = computeSignalInputs(cols);
  const all = generateSignals(cols, { inputs });
  const score = compositeScore(cols, { inputs, signals: all });
  const inPeriod = all.filter((s) => s.index >= start);
  const close = cols.close[last]!;
  const prev = last > 0 ? cols.close[last - 1]! : NaN;
  return {
    symbol,
    market,
    period,
    from: cols.dates[start]!,
    to: cols.dates[last]!,
    current_price: close,
    price_change: num(close - prev),
    price_change_percent: num(((close - prev) / prev) * 100),
    volume: cols.volume[last]!,
    indicators: latestIndicators(cols, inputs, last),
    patterns: patterns ? patterns(cols, start, n) : null,
    signals: inPeriod.slice(-MAX_SIGNALS),
    signals_total: inPeriod.length,
    score,
    data_points: n - start,
    last_updated: cols.dates[last]!,
  };
}
