/**
 * Builds the lightweight-charts chart of the symbol page: candles, a volume pane, indicator
 * series on request, pattern outlines with target lines, and signal markers.
 *
 * @module
 */
import type * as LC from "lightweight-charts";
import type { Lang } from "../i18n/mod.ts";
import {
  addCandles,
  chartColours,
  INDICATOR_CHOICES,
  monthsBefore,
  RANGES,
} from "./_chart_theme.ts";
import type { Candle as ChartBar } from "@trading/shared/schemas";

/** A pattern to outline on the chart. */
export interface PatternOverlay {
  /** Pattern kind, shown as the label. */
  kind: string;
  /** Direction (bullish/bearish/neutral). */
  direction: string;
  /** Pivots (bar index in the full history, date, price) joined by a line. */
  pivots: { index: number; date: string; price: number }[];
  /** The pattern's drawn lines (trendlines, neckline) by bar index in the full history. */
  lines: { from: { index: number; price: number }; to: { index: number; price: number } }[];
  /** Measured-move target. */
  target: number | null;
  /** Label text (translated). */
  label: string;
}

/** A signal to mark on the chart. */
export interface SignalMarker {
  /** Bar date. */
  date: string;
  /** Direction. */
  type: "buy" | "sell";
  /** Short text. */
  name: string;
}

/** What the server passes for drawing on the price pane. */
export interface Overlays {
  /** Recent chart patterns. */
  patterns: PatternOverlay[];
  /** Recent signals. */
  signals: SignalMarker[];
}

/** Controls of a built chart. */
export interface ChartHandle {
  /** The chart. */
  chart: LC.IChartApi;
  /** Shows a range button's span ("1M" … "All"). */
  setRange(id: string): void;
  /** Fetches and draws an indicator; false when the API does not provide it. */
  addIndicator(id: string, symbol: string): Promise<boolean>;
  /** Removes an indicator's series. */
  removeIndicator(id: string): void;
}

const quiet = { lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false };

/** Creates the chart in `el`. `onHover` receives the bar under the crosshair (or the last). */
export function buildChart(
  lc: typeof LC,
  el: HTMLElement,
  bars: ChartBar[],
  overlays: Overlays,
  lang: Lang,
  onHover: (bar: ChartBar) => void,
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
    timeScale: { borderColor: col.grid },
    rightPriceScale: { borderColor: col.grid },
  });
  const candle = addCandles(lc, chart, bars, col);
  const volume = chart.addSeries(lc.HistogramSeries, {
    priceFormat: { type: "volume" },
    ...quiet,
  }, 1);
  volume.setData(bars.map((b) => ({
    time: b.date as LC.Time,
    value: b.volume,
    color: b.close >= b.open ? col.up + "88" : col.down + "88",
  })));
  chart.panes()[1]?.setHeight(90);

  const byDate = new Map(bars.map((b) => [b.date, b]));
  const last = bars[bars.length - 1]!;
  chart.subscribeCrosshairMove((p) => {
    const key = typeof p.time === "string" ? p.time : null;
    onHover((key && byDate.get(key)) || last);
  });

  drawOverlays(lc, chart, candle, overlays, bars, byDate, col);

  const indicatorSeries = new Map<string, LC.ISeriesApi<LC.SeriesType>[]>();
  return {
    chart,
    setRange(id) {
      const r = RANGES.find((x) => x.id === id);
      if (!r || r.months === 0 || bars.length < 2) return chart.timeScale().fitContent();
      const from = monthsBefore(last.date, r.months);
      const first = bars[0]!.date;
      chart.timeScale().setVisibleRange({
        from: (from < first ? first : from) as LC.Time,
        to: last.date as LC.Time,
      });
    },
    async addIndicator(id, symbol) {
      const choice = INDICATOR_CHOICES.find((c) => c.id === id);
      if (!choice) return false;
      let body: { dates: string[]; series: Record<string, (number | null)[]> };
      try {
        const res = await fetch(
          `/api/symbols/${encodeURIComponent(symbol)}/indicators?names=${encodeURIComponent(id)}`,
        );
        if (!res.ok) return false;
        body = await res.json();
      } catch {
        return false;
      }
      const pane = choice.pane === "price" ? 0 : chart.panes().length;
      const list: LC.ISeriesApi<LC.SeriesType>[] = [];
      Object.entries(body.series).forEach(([name, values], i) => {
        const data = [] as LC.LineData[];
        values.forEach((v, j) => {
          const d = body.dates[j];
          if (v !== null && d) data.push({ time: d as LC.Time, value: v });
        });
        const color = col.lines[(indicatorSeries.size + i) % col.lines.length]!;
        const s = name === "histogram"
          ? chart.addSeries(lc.HistogramSeries, { color, ...quiet, title: name }, pane)
          : chart.addSeries(lc.LineSeries, { color, lineWidth: 1, ...quiet, title: name }, pane);
        s.setData(data);
        list.push(s);
      });
      indicatorSeries.set(id, list);
      if (pane > 0) chart.panes()[pane]?.setHeight(110);
      return list.length > 0;
    },
    removeIndicator(id) {
      for (const s of indicatorSeries.get(id) ?? []) chart.removeSeries(s);
      indicatorSeries.delete(id);
    },
  };
}

function drawOverlays(
  lc: typeof LC,
  chart: LC.IChartApi,
  candle: LC.ISeriesApi<"Candlestick">,
  { patterns, signals }: Overlays,
  bars: ChartBar[],
  byDate: Map<string, ChartBar>,
  col: ReturnType<typeof chartColours>,
): void {
  const markers: LC.SeriesMarker<LC.Time>[] = [];
  for (const p of patterns) {
    const pts = p.pivots.filter((v) => byDate.has(v.date))
      .sort((a, b) => a.date < b.date ? -1 : 1)
      .filter((v, i, a) => i === 0 || a[i - 1]!.date !== v.date);
    if (pts.length < 2) continue;
    const color = p.direction === "bearish"
      ? col.down
      : p.direction === "bullish"
      ? col.up
      : col.fg;
    // The lines' indices count bars of the full history: use them only when the pivots' own
    // indices point at their dates in the bars drawn here.
    const aligned = p.pivots.every((v) => bars[v.index]?.date === v.date);
    const segments = aligned && p.lines.length
      ? p.lines.map((l) => [
        { date: bars[l.from.index]?.date, price: l.from.price },
        { date: bars[l.to.index]?.date, price: l.to.price },
      ]).filter((seg): seg is { date: string; price: number }[] =>
        seg.every((x) => x.date !== undefined) && seg[0]!.date !== seg[1]!.date
      )
      : [pts];
    for (const seg of segments) {
      const line = chart.addSeries(lc.LineSeries, {
        color,
        lineWidth: 2,
        lineStyle: aligned && p.lines.length ? lc.LineStyle.Solid : lc.LineStyle.Dotted,
        ...quiet,
      });
      line.setData(seg.map((v) => ({ time: v.date as LC.Time, value: v.price })));
    }
    if (p.target !== null) {
      candle.createPriceLine({
        price: p.target,
        color,
        lineStyle: lc.LineStyle.Dashed,
        lineWidth: 1,
        axisLabelVisible: true,
        title: p.label,
      });
    }
    markers.push({
      time: pts[pts.length - 1]!.date as LC.Time,
      position: "aboveBar",
      color,
      shape: "square",
      text: p.label,
    });
  }
  for (const s of signals) {
    if (!byDate.has(s.date)) continue;
    markers.push({
      time: s.date as LC.Time,
      position: s.type === "buy" ? "belowBar" : "aboveBar",
      color: s.type === "buy" ? col.up : col.down,
      shape: s.type === "buy" ? "arrowUp" : "arrowDown",
      text: s.name,
    });
  }
  markers.sort((a, b) => (a.time as string) < (b.time as string) ? -1 : 1);
  if (markers.length) lc.createSeriesMarkers(candle, markers);
}
