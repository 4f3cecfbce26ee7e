/**
 * The price pane: candles, OHLC bars or a close line, with overlays (moving averages,
 * Bollinger bands, VWAP, levels, patterns, markers) and the last-price label.
 *
 * @module
 */
import type { Markish } from "@observablehq/plot";
import type { ChartLang, ChartSpec } from "@trading/shared/schemas";
import type { Theme } from "../themes/theme.ts";
import type { ChartData } from "./chart_data.ts";
import { seriesKeys } from "./chart_data.ts";
import { formatPrice } from "./format.ts";
import { label } from "./i18n.ts";
import { candlesMark, ohlcMark } from "./marks/bars.ts";
import { bandMark, lineMark } from "./marks/lines.ts";
import { lastPriceMark, levelsMark, markersMark, patternsMark } from "./marks/annotations.ts";

/** At most this many patterns are outlined (confirmed first, then by confidence, then latest). */
export const MAX_PATTERNS = 3;
/** At most this many levels are drawn (most touched first, then nearest the last close). */
export const MAX_LEVELS = 4;

/** Marks, y domain, legend and warnings of the price pane. */
export interface PricePane {
  /** Marks in drawing order. */
  marks: Markish[];
  /** y domain (padded). */
  yDomain: [number, number];
  /** Legend entries for the overlays drawn. */
  legend: { text: string; color: string }[];
  /** Overlays that could not be drawn. */
  warnings: string[];
}

function lastDefined(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
}

/** Builds the price pane's marks for `spec` and `data`. */
export function pricePane(
  spec: ChartSpec,
  data: ChartData,
  theme: Theme,
  lang: ChartLang,
): PricePane {
  const { candles, series } = data;
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of candles) {
    if (c.low < lo) lo = c.low;
    if (c.high > hi) hi = c.high;
  }
  const base: Markish[] = [];
  const lines: Markish[] = [];
  const legend: PricePane["legend"] = [];
  const warnings: string[] = [];
  let color = 0;
  const widen = (values: readonly (number | null)[]) => {
    for (const v of values) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  for (const o of spec.overlays) {
    const keys = seriesKeys(o);
    if (keys.length === 0) continue;
    const values = keys.map((k) => series[k]);
    const name = o.type === "sma" || o.type === "ema"
      ? `${label(o.type, lang)} ${o.period}`
      : o.type === "bollinger"
      ? `${label("bollinger", lang)} ${o.period} ${o.k}`
      : label("vwap", lang);
    if (values.some((v) => !v)) {
      warnings.push(name);
      continue;
    }
    const stroke = theme.lines[color++ % theme.lines.length]!;
    if (o.type === "bollinger") {
      const [upper, middle, lower] = values as (readonly (number | null)[])[];
      widen(upper!);
      widen(lower!);
      base.push(
        bandMark(lower!, upper!, {
          fill: theme.bandFill,
          opacity: theme.bandOpacity,
          className: "bollinger-band",
        }),
      );
      lines.push(lineMark(upper!, { stroke, width: 1, className: "bollinger-upper" }));
      lines.push(
        lineMark(middle!, { stroke, width: 1, dash: "4 3", className: "bollinger-middle" }),
      );
      lines.push(lineMark(lower!, { stroke, width: 1, className: "bollinger-lower" }));
      const u = lastDefined(upper!);
      const l = lastDefined(lower!);
      legend.push({
        text: `${name} ${u === null ? "—" : formatPrice(u)} / ${l === null ? "—" : formatPrice(l)}`,
        color: stroke,
      });
    } else {
      const v = values[0]!;
      widen(v);
      lines.push(lineMark(v, { stroke, className: `overlay ${o.type}` }));
      const lv = lastDefined(v);
      legend.push({ text: `${name} ${lv === null ? "—" : formatPrice(lv)}`, color: stroke });
    }
  }
  const wants = new Set(spec.overlays.map((o) => o.type));
  const price: Markish = spec.style === "ohlc"
    ? ohlcMark(candles, theme.up, theme.down)
    : spec.style === "line"
    ? lineMark(candles.map((c) => c.close), {
      stroke: theme.lines[1]!,
      width: 1.6,
      className: "close-line",
    })
    : candlesMark(candles, theme.up, theme.down);
  const annotations: Markish[] = [];
  const range = hi - lo;
  if (wants.has("levels") && data.levels.length) {
    const lastClose = candles[candles.length - 1]!.close;
    const near = data.levels.filter((l) =>
      l.price >= lo - range * 0.1 && l.price <= hi + range * 0.1
    ).sort((a, b) =>
      (b.touches ?? 0) - (a.touches ?? 0) ||
      Math.abs(a.price - lastClose) - Math.abs(b.price - lastClose)
    ).slice(0, MAX_LEVELS);
    for (const l of near) widen([l.price]);
    annotations.push(levelsMark(near, theme, lang));
  }
  if (wants.has("patterns") && data.patterns.length) {
    const shown = [...data.patterns].sort((a, b) =>
      Number(b.confirmed ?? false) - Number(a.confirmed ?? false) ||
      (b.confidence ?? 0) - (a.confidence ?? 0) || (b.end_date < a.end_date ? -1 : 1)
    ).slice(0, MAX_PATTERNS);
    for (const p of shown) {
      if (
        p.target !== null && p.target !== undefined && p.target > lo - range * 0.5 &&
        p.target < hi + range * 0.5
      ) {
        widen([p.target]);
      }
    }
    annotations.push(patternsMark(shown, candles, theme, lang));
  }
  if (wants.has("signals") && data.markers.length) {
    annotations.push(markersMark(data.markers, candles, theme));
  }
  const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.01 || 1;
  return {
    marks: [...base, price, ...lines, ...annotations, lastPriceMark(candles, theme)],
    yDomain: [lo - pad, hi + pad],
    legend,
    warnings,
  };
}
