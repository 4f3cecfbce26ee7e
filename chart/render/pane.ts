/**
 * One pane of a chart: Observable Plot lays out the scales, grid and axes on the trading-day x
 * scale (bar index) and draws the pane's marks (and, intraday, the session breaks).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Theme } from "../themes/theme.ts";
import { el, svgDocument } from "./dom.ts";
import { tickFormatFor } from "./format.ts";
import { sessionBreaksMark } from "./marks/session_breaks.ts";
import type { TimeTick } from "./time_ticks.ts";

/** Geometry shared by the panes of one chart (same x range so they line up). */
export interface PaneFrame {
  /** Width of the whole chart. */
  width: number;
  /** Number of bars. */
  bars: number;
  /** Time ticks (drawn as grid everywhere, labelled on the bottom pane). */
  ticks: readonly TimeTick[];
  /** Left margin. */
  marginLeft: number;
  /** Right margin (price axis). */
  marginRight: number;
  /** Intraday: bar indices that open a session, each drawn with a break line before it. */
  sessionBreaks?: readonly number[];
}

/** Options of {@link plotPane}. */
export interface PaneOptions {
  /** Pane height including its x axis when shown. */
  height: number;
  /** Top of the pane within the chart. */
  top: number;
  /** y domain. */
  yDomain: readonly [number, number];
  /** Plot marks (render functions or Plot marks). */
  marks: Plot.Markish[];
  /** Draw the time axis under this pane. */
  xAxis: boolean;
  /** Approximate number of y ticks. */
  yTicks?: number;
  /** Fixed y ticks (e.g. 30/70 on RSI). */
  yTickValues?: number[];
  /** y tick label format. */
  yFormat?: (v: number) => string;
  /** Accessible name and CSS class of the pane. */
  name: string;
}

/** Nice round ticks in [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || count < 1) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.round(v / step) * step);
  }
  return out;
}

/** Renders one pane as a nested `<svg>` placed at `top`. */
export function plotPane(frame: PaneFrame, theme: Theme, o: PaneOptions): Element {
  const xAxisHeight = o.xAxis ? 22 : 0;
  const ticks = o.yTickValues ?? niceTicks(o.yDomain[0], o.yDomain[1], o.yTicks ?? 5);
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const yFormat = o.yFormat ?? tickFormatFor(step);
  const tickIdx = frame.ticks.map((t) => t.index);
  // a session's first tick needs no grid line: its break line is half a bar to the left
  const breaks = new Set(frame.sessionBreaks ?? []);
  const gridIdx = breaks.size ? tickIdx.filter((i) => !breaks.has(i)) : tickIdx;
  const tickLabel = new Map(frame.ticks.map((t) => [t.index, t.label]));
  const svg = Plot.plot({
    document: svgDocument,
    width: frame.width,
    height: o.height,
    marginLeft: frame.marginLeft,
    marginRight: frame.marginRight,
    marginTop: 4,
    marginBottom: 2 + xAxisHeight,
    x: { type: "linear", domain: [-0.5, frame.bars - 0.5], axis: null },
    y: { type: "linear", domain: [o.yDomain[0], o.yDomain[1]], axis: null },
    marks: [
      Plot.frame({ stroke: theme.grid, strokeOpacity: 1 }),
      Plot.gridX({ ticks: gridIdx, stroke: theme.grid, strokeOpacity: 1 }),
      Plot.gridY({ ticks, stroke: theme.grid, strokeOpacity: 1 }),
      ...(frame.sessionBreaks?.length ? [sessionBreaksMark(frame.sessionBreaks, theme.grid)] : []),
      ...o.marks,
      Plot.axisY({
        anchor: "right",
        ticks,
        tickFormat: yFormat,
        tickSize: 4,
        label: null,
        stroke: theme.axis,
        fill: theme.text,
        fontSize: 11,
      }),
      o.xAxis
        ? Plot.axisX({
          ticks: tickIdx,
          tickFormat: (i: number) => tickLabel.get(i) ?? "",
          tickSize: 4,
          label: null,
          stroke: theme.axis,
          fill: theme.text,
          fontSize: 11,
        })
        : null,
    ],
  }) as unknown as Element;
  svg.querySelector("style")?.remove();
  svg.removeAttribute("class");
  svg.setAttribute("class", `pane ${o.name}`);
  svg.setAttribute("aria-label", o.name);
  svg.setAttribute("y", String(o.top));
  svg.setAttribute("font-family", theme.fontFamily);
  svg.setAttribute("font-size", "11");
  return svg;
}

/** A small label at the top-left of a pane (name and last values). */
export function paneLabel(
  parts: readonly { text: string; color: string }[],
  x: number,
  y: number,
  measure: (t: string) => number,
): Element {
  const g = el("g", { class: "pane-label", "font-size": 11, "text-anchor": "start" });
  let pen = x;
  for (const p of parts) {
    g.append(el("text", { x: pen, y, fill: p.color }, p.text));
    pen += measure(p.text) + 8;
  }
  return g;
}
