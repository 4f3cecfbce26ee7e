/**
 * Shared test data: a real AAPL window with derived series, one pattern whose pivots are real
 * bars' lows and highs, levels at real closes and markers on real dates.
 *
 * @module
 */
import type { Candle, ChartPattern } from "@trading/shared/schemas";
import { type ChartData, chartData } from "./chart_data.ts";
import { derivedSeries, realCandles } from "./fixtures.ts";

/** The last `bars` AAPL bars with their derived series (computed on the full history). */
export function aaplWindow(
  bars: number,
): { candles: Candle[]; series: Record<string, (number | null)[]> } {
  const all = realCandles("AAPL");
  const s = derivedSeries(all);
  const cut = all.length - bars;
  const series: Record<string, (number | null)[]> = {};
  for (const [k, v] of Object.entries(s)) series[k] = v.slice(cut);
  return { candles: all.slice(cut), series };
}

/** A double-bottom outline through three real pivots of `candles` (indices a < b < c). */
export function pivotPattern(
  candles: readonly Candle[],
  a: number,
  b: number,
  c: number,
): ChartPattern {
  const neck = candles[b]!.high;
  return {
    kind: "double_bottom",
    start_date: candles[a]!.date,
    end_date: candles[c]!.date,
    direction: "bullish",
    pivots: [
      { index: a, date: candles[a]!.date, price: candles[a]!.low, type: "low" },
      { index: b, date: candles[b]!.date, price: neck, type: "high" },
      { index: c, date: candles[c]!.date, price: candles[c]!.low, type: "low" },
    ],
    breakout_level: neck,
    target: neck + (neck - Math.min(candles[a]!.low, candles[c]!.low)),
    confirmed: true,
    confidence: 0.7,
  };
}

/** Full test data over the last `bars` AAPL bars. */
export function aaplData(bars: number): ChartData {
  const { candles, series } = aaplWindow(bars);
  const n = candles.length;
  return chartData(candles, {
    series,
    patterns: [pivotPattern(candles, n - 60, n - 45, n - 25)],
    levels: [
      { price: candles[n - 30]!.close, kind: "support", touches: 3 },
      { price: candles[n - 10]!.high, kind: "resistance", touches: 2 },
    ],
    markers: [{ date: candles[n - 50]!.date, type: "buy" }, {
      date: candles[n - 20]!.date,
      type: "sell",
    }],
  });
}
