/**
 * A full candlestick chart: header (title, range, OHLC of the last bar, overlay legend), the
 * price pane and the lower panes stacked on one trading-day x scale, and a note listing what
 * could not be drawn. Intraday bars use the same bar-index scale with exchange-local time ticks
 * and a break line at each session start.
 *
 * @module
 */
import type { ChartLang, ChartSpec } from "@trading/shared/schemas";
import { ValidationError } from "@trading/shared/errors";
import { themeOf, upColourFor, withUpColour } from "../themes/theme.ts";
import type { ChartData } from "./chart_data.ts";
import { chartRoot, el, serializeSvg } from "./dom.ts";
import { hasCjk } from "./fonts.ts";
import { formatPrice } from "./format.ts";
import { label } from "./i18n.ts";
import { intradayTicks } from "./intraday_ticks.ts";
import { isIntradayLabel, localDate, localDateTime, sessionStarts } from "./intraday_time.ts";
import { type PaneFrame, paneLabel, plotPane } from "./pane.ts";
import { lowerPane } from "./panes.ts";
import { pricePane } from "./price_pane.ts";
import { svgToPng } from "./png.ts";
import { measureText } from "./text_paths.ts";
import { timeTicks } from "./time_ticks.ts";

/** A chart ready to serialise, with the notes drawn on it. */
export interface BuiltChart {
  /** The root `<svg>`. */
  root: Element;
  /** What could not be drawn (also drawn on the chart). */
  warnings: string[];
}

const HEADER = 40;
const X_AXIS = 22;

/**
 * Keeps the bars (and aligned series) within the spec's from/to, whole days: an intraday bar is
 * in range when its exchange-local date is.
 */
export function sliceToRange(spec: Pick<ChartSpec, "from" | "to">, data: ChartData): ChartData {
  const { candles } = data;
  let a = 0;
  let b = candles.length;
  if (spec.from) { while (a < b && localDate(candles[a]!.date) < spec.from) a++; }
  if (spec.to) { while (b > a && localDate(candles[b - 1]!.date) > spec.to) b--; }
  if (a === 0 && b === candles.length) return data;
  const series: Record<string, readonly (number | null)[]> = {};
  for (const [k, v] of Object.entries(data.series)) series[k] = v.slice(a, b);
  return { ...data, candles: candles.slice(a, b), series };
}

/**
 * Builds the chart of `spec` over `data`.
 *
 * @example
 * ```ts
 * import { type Candle, ChartSpecSchema } from "@trading/shared/schemas";
 * import { buildChart } from "./chart.ts";
 * import { chartData } from "./chart_data.ts";
 * import { serializeSvg } from "./dom.ts";
 *
 * const spec = ChartSpecSchema.parse({ symbol: "AAPL", panes: [] });
 * const candles: Candle[] = [
 *   { date: "2024-01-02", open: 187.15, high: 188.44, low: 183.89, close: 185.64, volume: 82.5e6 },
 *   { date: "2024-01-03", open: 184.22, high: 185.88, low: 183.43, close: 184.25, volume: 58.4e6 },
 *   { date: "2024-01-04", open: 182.15, high: 183.09, low: 180.88, close: 181.91, volume: 71.9e6 },
 * ];
 * const { root } = buildChart(spec, chartData(candles));
 * const svg = serializeSvg(root);
 * ```
 */
export function buildChart(spec: ChartSpec, input: ChartData): BuiltChart {
  const data = sliceToRange(spec, input);
  const n = data.candles.length;
  if (n === 0) {
    throw new ValidationError("No bars in the requested range", [
      {
        field: "from",
        message: `no bars between ${spec.from ?? "the start"} and ${spec.to ?? "the end"}`,
      },
    ]);
  }
  const warnings = [...data.warnings];
  let lang: ChartLang = spec.lang;
  if (lang === "zh-TW" && !hasCjk()) {
    lang = "en";
    warnings.push("zh-TW labels need the CJK font package; labels are in English");
  }
  const theme = withUpColour(themeOf(spec.theme), upColourFor(spec));
  const { width, height } = spec;
  const labels = data.candles.map((c) => c.date);
  const maxTicks = Math.max(2, Math.floor((width - 80) / 90));
  // intraday bars carry a local time: times and session breaks on the same bar-index axis
  const intraday = isIntradayLabel(labels[0]!);
  const frame: PaneFrame = {
    width,
    bars: n,
    ticks: intraday ? intradayTicks(labels, maxTicks, lang) : timeTicks(labels, maxTicks, lang),
    marginLeft: 8,
    marginRight: 72,
    ...(intraday ? { sessionBreaks: sessionStarts(labels) } : {}),
  };
  const lowers = [];
  for (const p of spec.panes) {
    const lp = lowerPane(p, data.candles, data.series, theme, lang);
    if ("missing" in lp) warnings.push(`${lp.missing}: no data`);
    else lowers.push(lp);
  }
  const price = pricePane(spec, data, theme, lang);
  for (const w of price.warnings) warnings.push(`${w}: no data`);
  const avail = height - HEADER - X_AXIS;
  const lowerH = Math.max(48, Math.floor(avail * (lowers.length > 2 ? 0.16 : 0.2)));
  const priceH = Math.max(80, avail - lowerH * lowers.length);
  const root = chartRoot(width, height, theme, {
    class: `chart theme-${theme.name}`,
    role: "img",
    "aria-label": `${spec.symbol} chart`,
  });
  const measure = (t: string) => measureText(t, 11);
  let top = HEADER;
  root.append(plotPane(frame, theme, {
    name: "price",
    top,
    height: priceH + (lowers.length ? 0 : X_AXIS),
    yDomain: price.yDomain,
    yTicks: Math.max(3, Math.round(priceH / 55)),
    marks: price.marks,
    xAxis: lowers.length === 0,
  }));
  top += priceH;
  lowers.forEach((lp, k) => {
    const last = k === lowers.length - 1;
    root.append(plotPane(frame, theme, {
      name: lp.name,
      top,
      height: lowerH + (last ? X_AXIS : 0),
      yDomain: lp.yDomain,
      ...(lp.yTickValues ? { yTickValues: lp.yTickValues } : {}),
      ...(lp.yFormat ? { yFormat: lp.yFormat } : {}),
      marks: lp.marks,
      xAxis: last,
    }));
    root.append(paneLabel(lp.label, frame.marginLeft + 6, top + 16, measure));
    top += lowerH;
  });
  root.append(header(spec, data, theme, lang, price.legend, measure));
  if (warnings.length) {
    const g = el("g", {
      class: "chart-warnings",
      fill: theme.warning,
      "font-size": 11,
      "text-anchor": "start",
    });
    warnings.forEach((w, i) => {
      g.append(
        el("text", {
          x: frame.marginLeft + 6,
          y: HEADER + priceH - 8 - (warnings.length - 1 - i) * 14,
        }, `${label("note", lang)}: ${w}`),
      );
    });
    root.append(g);
  }
  return { root, warnings };
}

function header(
  spec: ChartSpec,
  data: ChartData,
  theme: ReturnType<typeof themeOf>,
  lang: ChartLang,
  legend: readonly { text: string; color: string }[],
  measure: (t: string) => number,
): Element {
  const c = data.candles;
  const lastBar = c[c.length - 1]!;
  const prev = c[c.length - 2];
  const g = el("g", { class: "chart-header", "text-anchor": "start" });
  // TradingView's names: daily charts carry none, weekly "1W", monthly "1M", intraday "5m"…
  const tf = spec.interval === "1d"
    ? ""
    : spec.interval === "1mo"
    ? " · 1M"
    : ` · ${spec.interval === "1w" ? "1W" : spec.interval}`;
  const title = spec.title ?? spec.symbol + tf;
  g.append(
    el("text", {
      x: 12,
      y: 17,
      fill: theme.title,
      "font-size": 14,
      "font-weight": "bold",
      class: "chart-title",
    }, title),
  );
  let pen = 12 + measureText(title, 14, true) + 12;
  const range = `${localDateTime(c[0]!.date)} – ${localDateTime(lastBar.date)}`;
  g.append(el("text", { x: pen, y: 17, fill: theme.text, class: "chart-range" }, range));
  pen += measure(range) + 14;
  const change = prev ? (lastBar.close / prev.close - 1) * 100 : 0;
  const color = change >= 0 ? theme.up : theme.down;
  const ohlc = `${label("open", lang)} ${formatPrice(lastBar.open)}  ${label("high", lang)} ${
    formatPrice(lastBar.high)
  }  ${label("low", lang)} ${formatPrice(lastBar.low)}  ${label("close", lang)} ${
    formatPrice(lastBar.close)
  }  ${change >= 0 ? "+" : ""}${change.toFixed(2)}%`;
  g.append(el("text", { x: pen, y: 17, fill: color, class: "chart-ohlc" }, ohlc));
  let lx = 12;
  for (const item of legend) {
    g.append(el("text", { x: lx, y: 33, fill: item.color, class: "legend-item" }, item.text));
    lx += measure(item.text) + 14;
  }
  return g;
}

/** The chart as an SVG document string. */
export function chartSvg(spec: ChartSpec, data: ChartData): { svg: string; warnings: string[] } {
  const { root, warnings } = buildChart(spec, data);
  return { svg: serializeSvg(root), warnings };
}

/** The chart as PNG bytes at `scale` (1 or 2). */
export function chartPng(
  spec: ChartSpec,
  data: ChartData,
  scale = 1,
): { png: Uint8Array; warnings: string[] } {
  const { root, warnings } = buildChart(spec, data);
  return { png: svgToPng(root, { scale }), warnings };
}
