/**
 * Series marks as Plot render functions: a line (one path, gaps at nulls) and a filled band.
 *
 * @module
 */
import type { RenderFunction } from "@observablehq/plot";
import { el, r2 } from "../dom.ts";

type Scale = (v: number) => number;
type Values = readonly (number | null)[];

function defined(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}

/** Path data of `values` against the bar index, broken at nulls. */
export function linePath(values: Values, x: Scale, y: Scale): string {
  let d = "";
  let pen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!defined(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${r2(x(i))} ${r2(y(v))}`;
    pen = true;
  }
  return d || "M0 0";
}

/** A line through `values` (indexed by bar). */
export function lineMark(
  values: Values,
  { stroke, width = 1.4, dash, className = "line" }: {
    stroke: string;
    width?: number;
    dash?: string;
    className?: string;
  },
): RenderFunction {
  return function renderLine(_index, scales) {
    const { x, y } = scales as unknown as { x: Scale; y: Scale };
    return el("path", {
      class: className,
      d: linePath(values, x, y),
      fill: "none",
      stroke,
      "stroke-width": width,
      "stroke-dasharray": dash,
      "stroke-linejoin": "round",
    }) as unknown as SVGElement;
  };
}

/** A filled band between `lower` and `upper` (e.g. Bollinger), broken at nulls. */
export function bandMark(
  lower: Values,
  upper: Values,
  { fill, opacity, className = "band" }: { fill: string; opacity: number; className?: string },
): RenderFunction {
  return function renderBand(_index, scales) {
    const { x, y } = scales as unknown as { x: Scale; y: Scale };
    let d = "";
    let run: number[] = [];
    const flush = () => {
      if (run.length > 1) {
        d += run.map((i, k) => `${k ? "L" : "M"}${r2(x(i))} ${r2(y(upper[i]!))}`).join("");
        d += run.reverse().map((i) => `L${r2(x(i))} ${r2(y(lower[i]!))}`).join("") + "Z";
      }
      run = [];
    };
    for (let i = 0; i < upper.length; i++) {
      if (defined(upper[i]) && defined(lower[i])) run.push(i);
      else flush();
    }
    flush();
    return el("path", {
      class: className,
      d: d || "M0 0",
      fill,
      "fill-opacity": opacity,
    }) as unknown as SVGElement;
  };
}
