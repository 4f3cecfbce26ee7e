/**
 * Optimisation heat-map: a metric over a grid of two strategy parameters, best cell outlined.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { HeatmapRequest } from "@trading/shared/schemas";
import { themeOf } from "../themes/theme.ts";
import { chartRoot, el, svgDocument } from "./dom.ts";
import { label } from "./i18n.ts";

interface Cell {
  x: number;
  y: number;
  z: number | null;
}

/**
 * Builds the heat-map of `req.z` (rows follow `y.values`, columns `x.values`).
 *
 * @example
 * ```ts
 * import { HeatmapRequestSchema } from "@trading/shared/schemas";
 * import { buildHeatmap } from "./heatmap.ts";
 *
 * const body = {
 *   metric: "sharpe",
 *   x: { name: "fast", values: [5, 10] },
 *   y: { name: "slow", values: [20, 50] },
 *   z: [[0.4, 0.9], [0.7, null]], // one row per slow value; null: not run
 * };
 * const root = buildHeatmap(HeatmapRequestSchema.parse(body));
 * ```
 */
export function buildHeatmap(req: HeatmapRequest): Element {
  const theme = themeOf(req.theme);
  const cells: Cell[] = [];
  req.z.forEach((row, yi) =>
    row.forEach((z, xi) => cells.push({ x: req.x.values[xi]!, y: req.y.values[yi]!, z }))
  );
  const defined = cells.filter((c): c is Cell & { z: number } =>
    c.z !== null && Number.isFinite(c.z)
  );
  const best = defined.reduce<Cell | null>((b, c) => (b === null || c.z! > b.z! ? c : b), null);
  const small = req.x.values.length * req.y.values.length <= 225;
  const header = 34;
  const plot = Plot.plot({
    document: svgDocument,
    width: req.width,
    height: req.height - header,
    marginLeft: 60,
    marginBottom: 40,
    marginTop: 8,
    x: {
      type: "band",
      domain: req.x.values,
      label: req.x.name,
      labelAnchor: "center",
      padding: 0.04,
    },
    y: { type: "band", domain: req.y.values, label: req.y.name, reverse: true, padding: 0.04 },
    color: { type: "linear", scheme: theme.heatScheme as Plot.ColorScheme },
    marks: [
      Plot.cell(defined, { x: "x", y: "y", fill: "z", inset: 0.5 }),
      small
        ? Plot.text(defined, {
          x: "x",
          y: "y",
          text: (c: Cell) => c.z!.toFixed(2),
          fill: "white",
          stroke: "black",
          strokeOpacity: 0.4,
          strokeWidth: 2,
          paintOrder: "stroke",
          fontSize: 10,
        })
        : null,
      best
        ? Plot.cell([best], { x: "x", y: "y", stroke: theme.title, strokeWidth: 2.5, fill: "none" })
        : null,
    ],
  }) as unknown as Element;
  plot.querySelector("style")?.remove();
  plot.setAttribute("class", "heatmap");
  plot.setAttribute("y", String(header));
  plot.setAttribute("color", theme.text);
  plot.setAttribute("font-family", theme.fontFamily);
  const root = chartRoot(req.width, req.height, theme, {
    class: `heatmap-chart theme-${theme.name}`,
  });
  root.append(plot);
  const min = defined.length ? Math.min(...defined.map((c) => c.z!)) : null;
  const title = `${req.title ? `${req.title} · ` : ""}${req.metric}`;
  const range = min === null || !best
    ? ""
    : `  min ${min.toFixed(2)} · max ${best.z!.toFixed(2)} (${
      label("best", req.lang)
    }: ${req.x.name}=${best.x}, ${req.y.name}=${best.y})`;
  root.append(
    el("text", {
      x: 12,
      y: 20,
      fill: theme.title,
      "font-size": 13,
      "text-anchor": "start",
      class: "chart-title",
    }, title + range),
  );
  return root;
}
