/**
 * SVG → PNG with resvg. Text is turned into outlines first (fonts parsed once), so resvg loads
 * no font at all.
 *
 * @module
 */
// @ts-types="./resvg_types.d.ts"
import { renderAsync, Resvg } from "@resvg/resvg-js";
import { serializeSvg } from "./dom.ts";
import { textToPaths } from "./text_paths.ts";

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Pixel density: 1 or 2 (default 1). */
  scale?: number;
}

/**
 * Rasterises an SVG tree (mutated: its text becomes paths) to PNG bytes.
 *
 * @example
 * ```ts
 * import { ChartSpecSchema } from "@trading/shared/schemas";
 * import { buildChart } from "./chart.ts";
 * import { chartData } from "./chart_data.ts";
 * import { svgToPng } from "./png.ts";
 *
 * const spec = ChartSpecSchema.parse({ symbol: "AAPL", panes: [] });
 * const data = chartData([
 *   { date: "2024-01-02", open: 187.15, high: 188.44, low: 183.89, close: 185.64, volume: 82.5e6 },
 *   { date: "2024-01-03", open: 184.22, high: 185.88, low: 183.43, close: 184.25, volume: 58.4e6 },
 * ]);
 * const png = svgToPng(buildChart(spec, data).root, { scale: 2 });
 * ```
 */
export function svgToPng(root: Element, { scale = 1 }: PngOptions = {}): Uint8Array {
  textToPaths(root);
  const svg = serializeSvg(root);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false },
    logLevel: "off",
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Rasterises SVG text to PNG bytes at `scale`, asynchronously (see {@link rasteriseSvg}). */
export type Rasterise = (svg: string, scale: number) => Promise<Uint8Array>;

/**
 * Rasterises SVG text (text already turned into paths, see {@link svgForPng}) to PNG bytes on
 * resvg's own worker thread, so the service keeps answering while a large image is drawn.
 *
 * @example
 * ```ts
 * import { ChartSpecSchema } from "@trading/shared/schemas";
 * import { buildChart } from "./chart.ts";
 * import { chartData } from "./chart_data.ts";
 * import { rasteriseSvg, svgForPng } from "./png.ts";
 *
 * const spec = ChartSpecSchema.parse({ symbol: "AAPL", panes: [] });
 * const data = chartData([
 *   { date: "2024-01-02", open: 187.15, high: 188.44, low: 183.89, close: 185.64, volume: 82.5e6 },
 *   { date: "2024-01-03", open: 184.22, high: 185.88, low: 183.43, close: 184.25, volume: 58.4e6 },
 * ]);
 * const png = await rasteriseSvg(svgForPng(buildChart(spec, data).root), 2);
 * ```
 */
export const rasteriseSvg: Rasterise = async (svg, scale) => {
  const img = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false },
    logLevel: "off",
  });
  return new Uint8Array(img.asPng());
};

/** The SVG text to rasterise for `root` (mutated: its text becomes paths, as resvg loads no font). */
export function svgForPng(root: Element): string {
  textToPaths(root);
  return serializeSvg(root);
}

/** Rasterises and returns raw RGBA pixels (for tests and health checks). */
export function svgToPixels(
  root: Element,
  { scale = 1 }: PngOptions = {},
): { width: number; height: number; pixels: Uint8Array } {
  textToPaths(root);
  const img = new Resvg(serializeSvg(root), {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false },
    logLevel: "off",
  }).render();
  return { width: img.width, height: img.height, pixels: new Uint8Array(img.pixels) };
}
