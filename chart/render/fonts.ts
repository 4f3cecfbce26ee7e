/**
 * Fonts, parsed once per process: DejaVu Sans (Latin, Greek, Cyrillic, symbols) with Noto Sans
 * Hant as the CJK fallback for zh-TW labels. Glyph outlines are cached in em units so text can
 * be turned into paths without resvg reading font files per request.
 *
 * @module
 */
import opentype from "opentype.js";

/** The part of an opentype.js glyph this module uses. */
interface OtGlyph {
  index: number;
  advanceWidth?: number;
  getPath(x: number, y: number, size: number): { commands: OtCommand[] };
}
interface OtCommand {
  type: "M" | "L" | "C" | "Q" | "Z";
  x?: number;
  y?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
}
interface OtFont {
  unitsPerEm: number;
  charToGlyph(ch: string): OtGlyph;
  charToGlyphIndex(ch: string): number;
}

/** A glyph outline at 1 em: commands (`M`,`L`,`C`,`Q`,`Z`) with their coordinates, y down. */
export interface GlyphOutline {
  /** One letter per command. */
  ops: string;
  /** The coordinates of all commands, in order, in em units. */
  coords: Float64Array;
  /** Horizontal advance in em units. */
  advance: number;
}

/** One face with a glyph cache. */
export class Face {
  readonly #font: OtFont;
  readonly #cache = new Map<string, GlyphOutline | null>();
  /** @param font a parsed opentype.js font */
  constructor(font: OtFont) {
    this.#font = font;
  }
  /** The outline of `ch`, or null when the face has no glyph for it. */
  glyph(ch: string): GlyphOutline | null {
    let g = this.#cache.get(ch);
    if (g !== undefined) return g;
    g = this.#font.charToGlyphIndex(ch) === 0 && ch !== " " ? null : this.#outline(ch);
    this.#cache.set(ch, g);
    return g;
  }
  #outline(ch: string): GlyphOutline {
    const glyph = this.#font.charToGlyph(ch);
    const cmds = glyph.getPath(0, 0, 1).commands;
    let ops = "";
    const coords: number[] = [];
    for (const c of cmds) {
      ops += c.type;
      if (c.type === "C") coords.push(c.x1!, c.y1!, c.x2!, c.y2!, c.x!, c.y!);
      else if (c.type === "Q") coords.push(c.x1!, c.y1!, c.x!, c.y!);
      else if (c.type !== "Z") coords.push(c.x!, c.y!);
    }
    return {
      ops,
      coords: Float64Array.from(coords),
      advance: (glyph.advanceWidth ?? 0) / this.#font.unitsPerEm,
    };
  }
}

/** The faces a chart can use. */
export interface FontSet {
  /** DejaVu Sans. */
  regular: Face;
  /** DejaVu Sans Bold. */
  bold: Face;
  /** Noto Sans Hant Regular (CJK), or null when its package is missing. */
  cjk: Face | null;
}

const ROOT = new URL("../../", import.meta.url);
const FILES = {
  regular: "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  cjk: "node_modules/@embedpdf/fonts-tc/fonts/NotoSansHant-Regular.otf",
};

function parse(path: string): OtFont {
  const bytes = Deno.readFileSync(new URL(path, ROOT));
  return (opentype as unknown as { parse(b: ArrayBuffer): OtFont }).parse(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
}

let fonts: FontSet | undefined;

/**
 * Parses the fonts on the first call (≈0.35 s, mostly the CJK face) and returns the same set on
 * every later call. Call it at start-up so no request pays for it.
 */
export function loadFonts(): FontSet {
  if (fonts) return fonts;
  let cjk: Face | null = null;
  try {
    cjk = new Face(parse(FILES.cjk));
  } catch {
    cjk = null;
  }
  fonts = { regular: new Face(parse(FILES.regular)), bold: new Face(parse(FILES.bold)), cjk };
  return fonts;
}

/** True when zh-TW labels can be drawn (the CJK face is loaded). */
export function hasCjk(): boolean {
  return loadFonts().cjk !== null;
}
