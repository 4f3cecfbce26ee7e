/**
 * A server-side DOM (linkedom) for Observable Plot, and small helpers to build SVG nodes.
 *
 * @module
 */
import { parseHTML } from "linkedom";

/** The SVG namespace (linkedom omits it; resvg needs it on the root). */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** The shared document every renderer creates its nodes in (nodes stay detached). */
export const svgDocument: Document = parseHTML(
  "<!doctype html><html><head></head><body></body></html>",
).document as unknown as Document;

/** Attribute values: numbers are rounded to 2 decimals; undefined is skipped. */
export type Attrs = Record<string, string | number | undefined>;

/** Rounds to 2 decimals for compact, stable SVG. */
export function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Creates an SVG element with attributes and optional text.
 *
 * @example
 * ```ts
 * const t = el("text", { x: 4, y: 12 }, "AAPL");
 * ```
 */
export function el(tag: string, attrs: Attrs = {}, text?: string): Element {
  const node = svgDocument.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) node.setAttribute(k, typeof v === "number" ? String(r2(v)) : v);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The root `<svg>` of a chart: size, view box, the theme's font and a background rectangle.
 * `attrs` adds to (or overrides) the root's attributes, e.g. `class`, `role`, `aria-label`.
 */
export function chartRoot(
  width: number,
  height: number,
  theme: { name: string; fontFamily: string; background: string },
  attrs: Attrs = {},
): Element {
  const root = el("svg", {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": theme.fontFamily,
    "font-size": 11,
    ...attrs,
  });
  root.append(el("rect", { width, height, fill: theme.background }));
  return root;
}

/** Serialises an SVG root with its namespace, ready for a browser or resvg. */
export function serializeSvg(root: Element): string {
  if (!root.getAttribute("xmlns")) root.setAttribute("xmlns", SVG_NS);
  return root.outerHTML;
}
