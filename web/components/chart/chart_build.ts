/**
 * Builds the lightweight-charts chart of the symbol page: candles, a volume pane, indicator
 * series on request (each pane with a minimum height, RSI 30/70 and stochastic 20/80 guides,
 * human series names), and the overlays of web/components/chart/draw_overlays.ts behind
 * toggles. The crosshair reports the bar, the indicator values and the day's signals.
 *
 * @module
 */
import { historyShortfall, type Shortfall } from "../../lib/history_shortfall.ts";
import type * as LC from "lightweight-charts";
import type { Lang, T } from "../../i18n/mod.ts";
import { addCandles, chartColours, INDICATOR_CHOICES, monthsBefore } from "./chart_theme.ts";
import type { Candle as ChartBar, Interval } from "@trading/shared/schemas";
import { chartTime, daysBefore, rangesFor, sessionStarts } from "./timeframes.ts";
import { type DrawInputs, type DrawPattern, overlayLayer } from "./draw_overlays.ts";
import { type OverlayToggles, signalsByDate } from "./overlay_plan.ts";
import { paneLayout } from "./pane_layout.ts";
import { seriesLabel } from "./series_labels.ts";

export type { DrawLevel, DrawPattern } from "./draw_overlays.ts";

/**
 * What the server passes for drawing on the price pane, the volume unit (`lotShares` shares
 * per plotted unit: 1,000 for Taiwan's lots, 張; default 1) and the bar interval (daily by
 * default).
 */
export type Overlays = DrawInputs & { lotShares?: number; interval?: Interval };

/** An indicator value shown in the legend. */
export interface LegendValue {
  /** Human series name. */
  label: string;
  /** Value at the hovered bar (null: warm-up). */
  value: number | null;
  /** Line colour. */
  color: string;
}

/** What the crosshair reports. */
export interface Hover {
  /** The bar. */
  bar: ChartBar;
  /** Indicator values at that bar. */
  values: LegendValue[];
  /** Names of the signals of that day. */
  signals: { type: "buy" | "sell"; name: string }[];
}

/** Controls of a built chart. */
export interface ChartHandle {
  /** The chart. */
  chart: LC.IChartApi;
  /** Shows a range button's span ("1D" … "All", see `rangesFor`). */
  setRange(id: string): void;
  /**
   * Fetches and draws an indicator; `true`, or why not: the history it lacks (core's 422), else
   * `false` when the API does not provide it.
   */
  addIndicator(id: string, symbol: string): Promise<true | Shortfall | false>;
  /** Removes an indicator's series (and its pane). */
  removeIndicator(id: string): void;
  /** Redraws the overlays for new toggles; returns the patterns drawn. */
  setOverlays(t: OverlayToggles): DrawPattern[];
}

const quiet = { lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false };
const GUIDES: Record<string, [number, number]> = { rsi: [30, 70], stochastic: [20, 80] };

/** Creates the chart in `el`. `onHover` receives the bar under the crosshair (or the last). */
export function buildChart(
  lc: typeof LC,
  el: HTMLElement,
  bars: ChartBar[],
  overlays: Overlays,
  lang: Lang,
  t: T,
  onHover: (h: Hover) => void,
): ChartHandle {
  const col = chartColours();
  const chart = lc.createChart(el, {
    autoSize: true,
    layout: {
      background: { type: lc.ColorType.Solid, color: col.bg },
      textColor: col.fg,
      attributionLogo: true,
      panes: { separatorColor: col.grid },
    },
    grid: { vertLines: { color: col.grid }, horzLines: { color: col.grid } },
    localization: { locale: lang },
    // intraday bars: hours and minutes on the axis (the exchange's clock, see chartTime)
    timeScale: { borderColor: col.grid, timeVisible: (bars[0]?.date.length ?? 0) > 10 },
    rightPriceScale: { borderColor: col.grid },
  });
  // intraday: a faint column at each session's first bar marks the overnight break (added
  // first, so the candles are drawn over it)
  const breaks = sessionStarts(bars.map((b) => b.date));
  if (breaks.length) {
    const marks = chart.addSeries(lc.HistogramSeries, {
      priceScaleId: "sessions",
      color: col.grid + "99",
      ...quiet,
    }, 0);
    chart.priceScale("sessions", 0).applyOptions({
      visible: false,
      scaleMargins: { top: 0, bottom: 0 },
    });
    marks.setData(breaks.map((i) => ({ time: chartTime(bars[i]!.date) as LC.Time, value: 1 })));
  }

  const candle = addCandles(lc, chart, bars, col);
  const volume = chart.addSeries(lc.HistogramSeries, {
    priceFormat: { type: "volume" },
    ...quiet,
  }, 1);
  const lot = overlays.lotShares ?? 1;
  volume.setData(bars.map((b) => ({
    time: chartTime(b.date) as LC.Time,
    value: b.volume / lot,
    color: b.close >= b.open ? col.up + "88" : col.down + "88",
  })));

  const indicatorSeries = new Map<
    string,
    { s: LC.ISeriesApi<LC.SeriesType>; label: string; color: string }[]
  >();
  const layout = () => {
    const panes = chart.panes();
    const { heights, total } = paneLayout(panes.length - 2, globalThis.innerHeight || 800);
    el.style.height = `${total}px`;
    panes.forEach((p, i) => p.setStretchFactor(heights[i] ?? heights.at(-1)!));
  };
  layout();

  const interval = overlays.interval ?? "1d";
  const byDate = new Map(bars.map((b) => [b.date, b]));
  const dateOf = new Map(bars.map((b) => [String(chartTime(b.date)), b.date]));
  const signalDays = signalsByDate(overlays.signals);
  const last = bars[bars.length - 1]!;
  const report = (date: string, p?: LC.MouseEventParams) => {
    const values: LegendValue[] = [];
    for (const list of indicatorSeries.values()) {
      for (const { s, label, color } of list) {
        const d = p?.seriesData.get(s) as { value?: number } | undefined;
        const v = p ? d?.value ?? null : lastValue(s);
        values.push({ label, value: v, color });
      }
    }
    onHover({
      bar: byDate.get(date) ?? last,
      values,
      signals: (signalDays.get(date) ?? []).map((s) => ({ type: s.type, name: s.name })),
    });
  };
  chart.subscribeCrosshairMove((p) => {
    const key = p.time === undefined ? undefined : dateOf.get(String(p.time));
    if (key) report(key, p);
    else report(last.date);
  });

  report(last.date);
  const layer = overlayLayer(lc, chart, candle, overlays, bars.map((b) => b.date), {
    ...col,
    muted: col.fg + "99",
  });

  return {
    chart,
    setOverlays: (toggles) => layer.set(toggles),
    setRange(id) {
      const r = rangesFor(interval).find((x) => x.id === id);
      const back = r?.days ?? r?.months;
      if (!r || back === undefined || bars.length < 2) return chart.timeScale().fitContent();
      const day = r.days !== undefined
        ? daysBefore(last.date, r.days)
        : monthsBefore(last.date.slice(0, 10), back);
      const first = bars[0]!.date;
      // an intraday axis counts seconds: the range starts at that day's midnight
      const from = last.date.length > 10 ? chartTime(`${day}T00:00:00`) : day;
      const start = first.length > 10 ? chartTime(first) : first;
      chart.timeScale().setVisibleRange({
        from: (from < start ? start : from) as LC.Time,
        to: chartTime(last.date) as LC.Time,
      });
    },
    async addIndicator(id, symbol) {
      const choice = INDICATOR_CHOICES.find((c) => c.id === id);
      if (!choice) return false;
      let body: { dates: string[]; series: Record<string, (number | null)[]> };
      try {
        const res = await fetch(
          `/api/symbols/${encodeURIComponent(symbol)}/indicators?names=${encodeURIComponent(id)}` +
            (interval === "1d" ? "" : `&interval=${interval}`),
        );
        if (!res.ok) {
          const err = await res.json().catch(() => null) as { error?: { message?: string } };
          return historyShortfall(err?.error?.message) ?? false;
        }
        body = await res.json();
      } catch {
        return false;
      }
      const pane = choice.pane === "price" ? 0 : chart.panes().length;
      const guides = GUIDES[id];
      const list: { s: LC.ISeriesApi<LC.SeriesType>; label: string; color: string }[] = [];
      Object.entries(body.series).forEach(([name, values], i) => {
        const data = [] as LC.LineData[];
        values.forEach((v, j) => {
          const d = body.dates[j];
          if (v !== null && d) data.push({ time: chartTime(d) as LC.Time, value: v });
        });
        const color = col.lines[(indicatorSeries.size + i) % col.lines.length]!;
        const fixed = guides
          ? { autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 100 } }) }
          : {};
        const s = name === "histogram"
          ? chart.addSeries(lc.HistogramSeries, { color, ...quiet }, pane)
          : chart.addSeries(lc.LineSeries, { color, lineWidth: 1, ...quiet, ...fixed }, pane);
        s.setData(data);
        if (guides && i === 0) {
          for (const level of guides) {
            s.createPriceLine({
              price: level,
              color: col.fg + "88",
              lineStyle: lc.LineStyle.Dashed,
              lineWidth: 1,
              axisLabelVisible: true,
              title: "",
            });
          }
        }
        list.push({ s, label: seriesLabel(t, name, id), color });
      });
      indicatorSeries.set(id, list);
      layout();
      report(last.date);
      return list.length > 0;
    },
    removeIndicator(id) {
      for (const { s } of indicatorSeries.get(id) ?? []) chart.removeSeries(s);
      indicatorSeries.delete(id);
      layout();
      report(last.date);
    },
  };
}

function lastValue(s: LC.ISeriesApi<LC.SeriesType>): number | null {
  const d = s.data();
  const v = d[d.length - 1] as { value?: number } | undefined;
  return v?.value ?? null;
}
