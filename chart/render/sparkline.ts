/**
 * Sparkline: a small close-price line for watchlists, coloured by the period's change.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { themeOf } from "../themes/theme.ts";
import { svgDocument } from "./dom.ts";

/** Options of {@link buildSparkline}. */
export interface SparklineOptions {
  /** Width in px. */
  width: number;
  /** Height in px. */
  height: number;
  /** Palette. */
  theme: "dark" | "light";
}

/**
 * A sparkline of `closes` with a dot on the last value.
 *
 * @example
 * ```ts
 * const root = buildSparkline([1, 2, 3], { width: 120, height: 32, theme: "light" });
 * ```
 */
export function buildSparkline(
  closes: readonly number[],
  { width, height, theme }: SparklineOptions,
): Element {
  const t = themeOf(theme);
  const first = closes[0] ?? 0;
  const last = closes[closes.length - 1] ?? 0;
  const color = last >= first ? t.up : t.down;
  const svg = Plot.plot({
    document: svgDocument,
    width,
    height,
    margin: 2,
    marginRight: 4,
    x: { axis: null, domain: [0, Math.max(1, closes.length - 1)] },
    y: { axis: null, domain: [Math.min(...closes), Math.max(...closes)], nice: false },
    marks: [
      Plot.areaY(closes, {
        x: (_: number, i: number) => i,
        y1: Math.min(...closes),
        y2: (v: number) => v,
        fill: color,
        fillOpacity: 0.12,
      }),
      Plot.lineY(closes, {
        x: (_: number, i: number) => i,
        y: (v: number) => v,
        stroke: color,
        strokeWidth: 1.4,
      }),
      Plot.dot([last], { x: closes.length - 1, y: (v: number) => v, r: 2, fill: color }),
    ],
  }) as unknown as Element;
  svg.querySelector("style")?.remove();
  svg.setAttribute("class", `sparkline ${last >= first ? "up" : "down"}`);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return svg;
}
