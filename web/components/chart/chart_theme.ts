/**
 * Chart colours read from the page's CSS variables, so the chart follows the light/dark theme,
 * and the candle series every chart of the dashboard draws the same way.
 *
 * @module
 */

import type { Candle } from "@trading/shared/schemas";
import type * as LC from "lightweight-charts";
import { chartTime } from "./timeframes.ts";

/** Colours the chart uses. */
export interface ChartColours {
  /** Background. */
  bg: string;
  /** Text. */
  fg: string;
  /** Grid lines. */
  grid: string;
  /** Rising candles. */
  up: string;
  /** Falling candles. */
  down: string;
  /** Line palette for indicators. */
  lines: string[];
}

/** Reads the colours from CSS custom properties of `<html>`. */
export function chartColours(): ChartColours {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v("--surface", "#ffffff"),
    fg: v("--fg", "#111111"),
    grid: v("--grid", "#e5e7eb"),
    up: v("--up", "#089981"),
    down: v("--down", "#f23645"),
    lines: [
      v("--line-1", "#2962ff"),
      v("--line-2", "#ff9800"),
      v("--line-3", "#9c27b0"),
      v(
        "--line-4",
        "#00897b",
      ),
    ],
  };
}

/** The ISO date `months` before `iso` (clamped to the month's end). */
export function monthsBefore(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** Indicators the picker offers: request name, where it is drawn. */
export const INDICATOR_CHOICES = [
  { id: "sma:20", pane: "price" },
  { id: "sma:50", pane: "price" },
  { id: "ema:20", pane: "price" },
  { id: "bollinger", pane: "price" },
  { id: "rsi", pane: "rsi" },
  { id: "macd", pane: "macd" },
  { id: "stochastic", pane: "stochastic" },
] as const;

/** Daily bars as the candle series reads them (the wire type without volume). */
export type ChartBar = Omit<Candle, "volume">;

/** Adds the candlestick series in the theme's up/down colours and sets its data. */
export function addCandles(
  lc: typeof LC,
  chart: LC.IChartApi,
  bars: readonly ChartBar[],
  col: ChartColours,
): LC.ISeriesApi<"Candlestick"> {
  const candle = chart.addSeries(lc.CandlestickSeries, {
    upColor: col.up,
    downColor: col.down,
    borderVisible: false,
    wickUpColor: col.up,
    wickDownColor: col.down,
  });
  candle.setData(bars.map((b) => ({
    time: chartTime(b.date) as LC.Time,
    open: b.open,
    high: b.high,
    low: b.low,
    close: b.close,
  })));
  return candle;
}
