/**
 * Session breaks of an intraday chart: a thin vertical line between the last bar of a session
 * and the first bar of the next, over the pane's full height.
 *
 * @module
 */
import type { RenderFunction } from "@observablehq/plot";
import { el, r2 } from "../dom.ts";

type Scale = (v: number) => number;
interface Dims {
  height: number;
  marginTop: number;
  marginBottom: number;
}

/** One line before each bar index of `starts` (one path, a subpath per break). */
export function sessionBreaksMark(starts: readonly number[], stroke: string): RenderFunction {
  return function renderSessionBreaks(_index, scales, _values, dims) {
    const { x } = scales as unknown as { x: Scale };
    const d = dims as unknown as Dims;
    const top = r2(d.marginTop);
    const bottom = r2(d.height - d.marginBottom);
    return el("path", {
      class: "session-breaks",
      d: starts.map((i) => `M${r2(x(i - 0.5))} ${top}V${bottom}`).join("") || "M0 0",
      stroke,
      "stroke-width": 1,
      fill: "none",
      "shape-rendering": "crispEdges",
    }) as unknown as SVGElement;
  };
}
