/**
 * The backtest result charts (TradingView Lightweight Charts): equity against buy-and-hold with
 * a drawdown pane, and the price with every trade's entry and exit as markers.
 *
 * @module
 */
import type * as LC from "lightweight-charts";
import type { Lang } from "../../i18n/mod.ts";
import { addCandles, chartColours } from "../chart/chart_theme.ts";
import type { Trade } from "./backtest_metrics.tsx";

/** Running drawdown (≤ 0, a fraction) of an equity curve. */
export function drawdown(values: readonly number[]): number[] {
  let peak = -Infinity;
  return values.map((v) => {
    if (v > peak) peak = v;
    return peak > 0 ? v / peak - 1 : 0;
  });
}

const quiet = { priceLineVisible: false, crosshairMarkerVisible: true };

function baseChart(lc: typeof LC, el: HTMLElement, lang: Lang): LC.IChartApi {
  const col = chartColours();
  return lc.createChart(el, {
    autoSize: true,
    layout: {
      background: { type: lc.ColorType.Solid, color: col.bg },
      textColor: col.fg,
      attributionLogo: true,
      panes: { separatorColor: col.grid },
    },
    grid: { vertLines: { color: col.grid }, horzLines: { color: col.grid } },
    localization: { locale: lang },
    timeScale: { borderColor: col.grid },
    rightPriceScale: { borderColor: col.grid },
  });
}

/** Labels of the equity chart's series. */
export interface EquityLabels {
  strategy: string;
  benchmark: string;
  drawdown: string;
}

/** Equity and buy-and-hold lines, and a drawdown pane underneath. */
export function equityChart(
  lc: typeof LC,
  el: HTMLElement,
  equity: { date: string; equity: number; benchmark: number }[],
  lang: Lang,
  labels: EquityLabels,
): LC.IChartApi {
  const col = chartColours();
  const chart = baseChart(lc, el, lang);
  const strat = chart.addSeries(lc.LineSeries, {
    color: col.lines[0]!,
    lineWidth: 2,
    title: labels.strategy,
    ...quiet,
  });
  strat.setData(equity.map((p) => ({ time: p.date as LC.Time, value: p.equity })));
  const bench = chart.addSeries(lc.LineSeries, {
    color: col.lines[1]!,
    lineWidth: 1,
    title: labels.benchmark,
    ...quiet,
  });
  bench.setData(equity.map((p) => ({ time: p.date as LC.Time, value: p.benchmark })));
  const dd = chart.addSeries(lc.AreaSeries, {
    lineColor: col.down,
    topColor: col.down + "22",
    bottomColor: col.down + "66",
    lineWidth: 1,
    title: labels.drawdown,
    invertFilledArea: true,
    priceFormat: { type: "percent" },
    ...quiet,
  }, 1);
  const dds = drawdown(equity.map((p) => p.equity));
  dd.setData(equity.map((p, i) => ({ time: p.date as LC.Time, value: dds[i]! * 100 })));
  chart.panes()[1]?.setHeight(110);
  chart.timeScale().fitContent();
  return chart;
}

/** Candles of the backtest range with an arrow per entry and exit. */
export function tradesChart(
  lc: typeof LC,
  el: HTMLElement,
  bars: { date: string; open: number; high: number; low: number; close: number }[],
  trades: Trade[],
  lang: Lang,
  text: (t: Trade, at: "entry" | "exit") => string,
): LC.IChartApi {
  const col = chartColours();
  const chart = baseChart(lc, el, lang);
  const candle = addCandles(lc, chart, bars, col);
  const dates = new Set(bars.map((b) => b.date));
  const markers: LC.SeriesMarker<LC.Time>[] = [];
  for (const t of trades) {
    const long = t.side === "long";
    if (dates.has(t.entry_date)) {
      markers.push({
        time: t.entry_date as LC.Time,
        position: long ? "belowBar" : "aboveBar",
        color: long ? col.up : col.down,
        shape: long ? "arrowUp" : "arrowDown",
        text: text(t, "entry"),
      });
    }
    if (dates.has(t.exit_date)) {
      markers.push({
        time: t.exit_date as LC.Time,
        position: long ? "aboveBar" : "belowBar",
        color: col.fg,
        shape: "circle",
        text: text(t, "exit"),
      });
    }
  }
  markers.sort((a, b) => (a.time as string) < (b.time as string) ? -1 : 1);
  if (markers.length) lc.createSeriesMarkers(candle, markers);
  chart.timeScale().fitContent();
  return chart;
}
