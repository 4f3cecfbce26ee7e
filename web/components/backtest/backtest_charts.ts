/**
 * The backtest result charts (TradingView Lightweight Charts): equity against buy-and-hold with
 * a drawdown pane, and the price with every trade's entry and exit as markers.
 *
 * @module
 */
import type * as LC from "lightweight-charts";
import type { Lang } from "../../i18n/mod.ts";
import { addCandles, chartColours } from "../chart/chart_theme.ts";
import { chartTime } from "../chart/timeframes.ts";
import { needsLogScale, spansTenfold } from "./equity_scale.ts";
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

/** True when bar labels are intraday times (`2021-03-31T15:00:00-04:00`). */
const isIntraday = (dates: readonly string[]) => (dates[0]?.length ?? 0) > 10;

function baseChart(lc: typeof LC, el: HTMLElement, lang: Lang, intraday = false): LC.IChartApi {
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
    // a bar may be narrower than a pixel: a phone shows the whole period of a long run
    // intraday: the exchange's clock on the axis (chartTime reads local times as UTC)
    timeScale: { borderColor: col.grid, minBarSpacing: 0.01, timeVisible: intraday },
    rightPriceScale: { borderColor: col.grid },
  });
}

/**
 * Fits the whole range in view and records the dates shown (`data-visible-from`/`-to` on the
 * chart's element), so what a reader sees can be checked against the run's period.
 */
function fitAll(chart: LC.IChartApi, el: HTMLElement): void {
  chart.timeScale().subscribeVisibleTimeRangeChange((shown) => {
    if (!shown) return;
    el.dataset.visibleFrom = String(shown.from);
    el.dataset.visibleTo = String(shown.to);
  });
  chart.timeScale().fitContent();
}

/**
 * Formatter of a money axis: whole units of `currency` with the language's separators.
 *
 * @example
 * ```ts
 * import { moneyAxis } from "./backtest_charts.ts";
 *
 * moneyAxis("en", "USD")(350000.4); // "$350,000"
 * ```
 */
export function moneyAxis(lang: Lang, currency: string): (v: number) => string {
  const f = new Intl.NumberFormat(lang, { style: "currency", currency, maximumFractionDigits: 0 });
  return (v) => f.format(v);
}

/** Labels of the equity chart's series. */
export interface EquityLabels {
  strategy: string;
  benchmark: string;
  drawdown: string;
}

/**
 * Equity and buy-and-hold lines on an axis in `currency` with separators (`$350,000`), and a
 * drawdown pane underneath.
 */
export function equityChart(
  lc: typeof LC,
  el: HTMLElement,
  equity: { date: string; equity: number; benchmark: number }[],
  lang: Lang,
  currency: string,
  labels: EquityLabels,
): LC.IChartApi {
  const col = chartColours();
  const chart = baseChart(lc, el, lang, isIntraday(equity.map((p) => p.date)));
  const money: LC.PriceFormat = {
    type: "custom",
    minMove: 1,
    formatter: moneyAxis(lang, currency),
  };
  const strat = chart.addSeries(lc.LineSeries, {
    color: col.lines[0]!,
    lineWidth: 2,
    title: labels.strategy,
    priceFormat: money,
    ...quiet,
  });
  strat.setData(equity.map((p) => ({ time: chartTime(p.date) as LC.Time, value: p.equity })));
  const bench = chart.addSeries(lc.LineSeries, {
    color: col.lines[1]!,
    lineWidth: 1,
    title: labels.benchmark,
    priceFormat: money,
    ...quiet,
  });
  bench.setData(equity.map((p) => ({ time: chartTime(p.date) as LC.Time, value: p.benchmark })));
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
  dd.setData(equity.map((p, i) => ({ time: chartTime(p.date) as LC.Time, value: dds[i]! * 100 })));
  chart.panes()[1]?.setHeight(110);
  const log = needsLogScale(equity);
  if (log) chart.priceScale("right", 0).applyOptions({ mode: lc.PriceScaleMode.Logarithmic });
  el.dataset.scale = log ? "log" : "linear";
  fitAll(chart, el);
  return chart;
}

/** Most markers drawn with their text; more are drawn as shapes only. */
const MAX_LABELLED = 12;

/** Candles of the backtest range with an arrow per entry and exit (labelled when few). */
export function tradesChart(
  lc: typeof LC,
  el: HTMLElement,
  bars: { date: string; open: number; high: number; low: number; close: number }[],
  trades: Trade[],
  lang: Lang,
  text: (t: Trade, at: "entry" | "exit") => string,
): LC.IChartApi {
  const col = chartColours();
  const chart = baseChart(lc, el, lang, isIntraday(bars.map((b) => b.date)));
  const candle = addCandles(lc, chart, bars, col);
  const dates = new Set(bars.map((b) => b.date));
  const markers: LC.SeriesMarker<LC.Time>[] = [];
  for (const t of trades) {
    const long = t.side === "long";
    if (dates.has(t.entry_date)) {
      markers.push({
        time: chartTime(t.entry_date) as LC.Time,
        position: long ? "belowBar" : "aboveBar",
        color: long ? col.up : col.down,
        shape: long ? "arrowUp" : "arrowDown",
        text: text(t, "entry"),
      });
    }
    if (dates.has(t.exit_date)) {
      markers.push({
        time: chartTime(t.exit_date) as LC.Time,
        position: long ? "aboveBar" : "belowBar",
        color: col.fg,
        shape: "circle",
        text: text(t, "exit"),
      });
    }
  }
  // all ISO dates (strings) or all intraday seconds (numbers): each sorts in its own order
  markers.sort((a, b) => (a.time as string | number) < (b.time as string | number) ? -1 : 1);
  // labels of many trades overprint each other: then shapes only (the trade table has prices)
  if (markers.length > MAX_LABELLED) { for (const m of markers) delete m.text; }
  if (markers.length) lc.createSeriesMarkers(candle, markers);
  // decades of a stock that rose a hundredfold: a linear axis flattens the early years (and its
  // autoscale with the markers dipped below zero), so prices spanning over tenfold are log-scaled
  const log = spansTenfold(bars.flatMap((b) => [b.low, b.high]));
  if (log) chart.priceScale("right").applyOptions({ mode: lc.PriceScaleMode.Logarithmic });
  el.dataset.scale = log ? "log" : "linear";
  fitAll(chart, el);
  return chart;
}
