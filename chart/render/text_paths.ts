/**
 * Replaces every `<text>` of an SVG tree with `<path>` outlines from the fonts parsed at
 * start-up, so resvg draws text without loading font files per request (it would otherwise
 * re-read the font file for every text node: ~0.4 ms each).
 *
 * @module
 */
import { el } from "./dom.ts";
import { type Face, type FontSet, type GlyphOutline, loadFonts } from "./fonts.ts";

const COPIED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-linejoin",
  "stroke-opacity",
  "paint-order",
  "opacity",
  "transform",
  "class",
];

function inherited(node: Element, name: string): string | null {
  for (let n: Element | null = node; n; n = n.parentElement) {
    const v = n.getAttribute(name);
    if (v !== null) return v;
  }
  return null;
}

function length(v: string | null, fontSize: number): number {
  if (!v) return 0;
  const n = parseFloat(v);
  if (!Number.isFinite(n)) return 0;
  return v.endsWith("em") ? n * fontSize : n;
}

function emit(out: string[], g: GlyphOutline, x: number, y: number, size: number): void {
  const c = g.coords;
  let k = 0;
  for (const op of g.ops) {
    if (op === "Z") {
      out.push("Z");
      continue;
    }
    const n = op === "C" ? 3 : op === "Q" ? 2 : 1;
    let s = op;
    for (let i = 0; i < n; i++, k += 2) {
      s += `${Math.round((x + c[k]! * size) * 100) / 100} ${
        Math.round((y + c[k + 1]! * size) * 100) / 100
      }${i < n - 1 ? " " : ""}`;
    }
    out.push(s);
  }
}

function glyphOf(ch: string, face: Face, fonts: FontSet): GlyphOutline | null {
  return face.glyph(ch) ?? fonts.cjk?.glyph(ch) ?? fonts.regular.glyph("?");
}

/** Width of `text` in px at `size` with the regular face (CJK fallback included). */
export function measureText(text: string, size: number, bold = false): number {
  const fonts = loadFonts();
  const face = bold ? fonts.bold : fonts.regular;
  let w = 0;
  for (const ch of text) w += (glyphOf(ch, face, fonts)?.advance ?? 0.6) * size;
  return w;
}

/** Outline path data of one line of text whose baseline starts at (x, y). */
export function textPathData(text: string, x: number, y: number, size: number, bold: boolean) {
  const fonts = loadFonts();
  const face = bold ? fonts.bold : fonts.regular;
  const out: string[] = [];
  let pen = x;
  for (const ch of text) {
    const g = glyphOf(ch, face, fonts);
    if (!g) continue;
    emit(out, g, pen, y, size);
    pen += g.advance * size;
  }
  return { d: out.join(""), width: pen - x };
}

/**
 * Converts every `<text>` under `root` (x, y, dx, dy in px or em, inherited `font-size`,
 * `font-weight` and `text-anchor`, one level of `<tspan>` lines) into a `<path>` in place.
 */
export function textToPaths(root: Element): void {
  for (const text of Array.from(root.querySelectorAll("text"))) {
    const size = parseFloat(inherited(text, "font-size") ?? "10") || 10;
    const weight = inherited(text, "font-weight") ?? "normal";
    const bold = weight === "bold" || parseInt(weight) >= 600;
    const anchor = inherited(text, "text-anchor") ?? "start";
    const spans = Array.from(text.querySelectorAll("tspan"));
    const lines = spans.length ? spans : [text];
    const baseX = length(text.getAttribute("x"), size) + length(text.getAttribute("dx"), size);
    let y = length(text.getAttribute("y"), size) + length(text.getAttribute("dy"), size);
    const parts: string[] = [];
    for (const line of lines) {
      const content = line.textContent ?? "";
      let x = baseX;
      if (line !== text) {
        if (line.getAttribute("x") !== null) x = length(line.getAttribute("x"), size);
        y += length(line.getAttribute("dy"), size);
      }
      if (!content.trim()) continue;
      const width = anchor === "start" ? 0 : measureText(content, size, bold);
      const shift = anchor === "middle" ? -width / 2 : anchor === "end" ? -width : 0;
      parts.push(textPathData(content, x + shift, y, size, bold).d);
    }
    const path = el("path", { d: parts.join("") || "M0 0" });
    for (const name of COPIED) {
      const v = text.getAttribute(name);
      if (v !== null) path.setAttribute(name, v);
    }
    text.replaceWith(path);
  }
}
