/**
 * Draws the symbol chart's overlays on the candle series (browser only): the chosen patterns'
 * lines (left out of the price autoscale) with their target as a price line, support and
 * resistance levels as dotted price lines, and signal markers as small arrows without text.
 * `set()` redraws them for new toggles.
 *
 * @module
 */
import type * as LC from "lightweight-charts";
import {
  type OverlayToggles,
  pickPatterns,
  type PlanPattern,
  signalMarkers,
} from "./overlay_plan.ts";
import type { PlanSignal } from "./overlay_plan.ts";
import { chartTime } from "./timeframes.ts";

/** A pattern as the chart draws it. */
export interface DrawPattern extends PlanPattern {
  /** Pivots (bar index in the full history, date, price). */
  pivots: { index: number; date: string; price: number }[];
  /** Drawn lines by bar index in the full history. */
  lines: { from: { index: number; price: number }; to: { index: number; price: number } }[];
  /** Translated label. */
  label: string;
}

/** A support/resistance level. */
export interface DrawLevel {
  /** Price. */
  price: number;
  /** support or resistance. */
  kind: string;
  /** Translated label. */
  label: string;
}

/** Everything the overlay layer may draw. */
export interface DrawInputs {
  /** Patterns. */
  patterns: DrawPattern[];
  /** Signals. */
  signals: PlanSignal[];
  /** Levels. */
  levels: DrawLevel[];
}

/** The colours it uses. */
export interface DrawColours {
  /** Up. */
  up: string;
  /** Down. */
  down: string;
  /** Text. */
  fg: string;
  /** Muted. */
  muted: string;
}

const quiet = { lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false };

/** The overlay layer: `set()` draws for the toggles and returns the patterns drawn. */
export function overlayLayer(
  lc: typeof LC,
  chart: LC.IChartApi,
  candle: LC.ISeriesApi<"Candlestick">,
  input: DrawInputs,
  dates: readonly string[],
  col: DrawColours,
): { set(t: OverlayToggles): DrawPattern[] } {
  const known = new Set(dates);
  const markers = lc.createSeriesMarkers(candle, []);
  let series: LC.ISeriesApi<"Line">[] = [];
  let lines: LC.IPriceLine[] = [];
  return {
    set(t) {
      for (const s of series) chart.removeSeries(s);
      for (const l of lines) candle.removePriceLine(l);
      series = [];
      lines = [];
      const drawn = pickPatterns(input.patterns, t.patterns);
      for (const p of drawn) {
        const color = p.direction === "bearish"
          ? col.down
          : p.direction === "bullish"
          ? col.up
          : col.fg;
        for (const seg of segments(p, dates, known)) {
          const line = chart.addSeries(lc.LineSeries, {
            color,
            lineWidth: 2,
            ...quiet,
            autoscaleInfoProvider: () => null, // never stretches the price scale
          });
          line.setData(seg.map((v) => ({ time: chartTime(v.date) as LC.Time, value: v.price })));
          series.push(line);
        }
        if (p.target !== null) {
          lines.push(candle.createPriceLine({
            price: p.target,
            color,
            lineStyle: lc.LineStyle.Dashed,
            lineWidth: 1,
            axisLabelVisible: true,
            title: p.label,
          }));
        }
      }
      if (t.levels) {
        for (const l of input.levels) {
          lines.push(candle.createPriceLine({
            price: l.price,
            color: col.muted,
            lineStyle: lc.LineStyle.Dotted,
            lineWidth: 1,
            axisLabelVisible: false,
            title: l.label,
          }));
        }
      }
      const shown = t.signals ? input.signals.filter((s) => known.has(s.date)) : [];
      markers.setMarkers(
        signalMarkers(shown, col).map((m) => ({ ...m, time: chartTime(m.time) as LC.Time })),
      );
      return drawn;
    },
  };
}

/** The pattern's line segments by date (its own lines when they align, else the pivots). */
function segments(
  p: DrawPattern,
  dates: readonly string[],
  known: ReadonlySet<string>,
): { date: string; price: number }[][] {
  const aligned = p.pivots.every((v) => dates[v.index] === v.date);
  if (aligned && p.lines.length) {
    return p.lines.map((l) => [
      { date: dates[l.from.index], price: l.from.price },
      { date: dates[l.to.index], price: l.to.price },
    ]).filter((seg): seg is { date: string; price: number }[] =>
      seg.every((x) => x.date !== undefined) && seg[0]!.date! < seg[1]!.date!
    );
  }
  const pts = p.pivots.filter((v) => known.has(v.date))
    .sort((a, b) => a.date < b.date ? -1 : 1)
    .filter((v, i, a) => i === 0 || a[i - 1]!.date !== v.date);
  return pts.length >= 2 ? [pts] : [];
}
