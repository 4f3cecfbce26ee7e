/**
 * The heat-map palette: viridis (perceptually uniform, readable with every common colour-vision
 * deficiency and in greyscale), opaque so a cell looks the same in the dark and light themes,
 * and the cell text black or white, whichever contrasts more with the cell (WCAG 2 relative
 * luminance), so every cell's text passes AA (4.5:1).
 *
 * @module
 */

/** Viridis at 0, 0.1, …, 1 (matplotlib's `_viridis_data`, sampled). */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 36, 117],
  [65, 68, 135],
  [53, 95, 141],
  [42, 120, 142],
  [33, 145, 140],
  [34, 168, 132],
  [68, 191, 112],
  [122, 209, 81],
  [189, 223, 38],
  [253, 231, 37],
];

/** An RGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/** The palette colour at `f` in [0, 1] (clamped), linearly between the viridis samples. */
export function viridis(f: number): Rgb {
  const x = Math.max(0, Math.min(1, Number.isFinite(f) ? f : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(x), VIRIDIS.length - 2);
  const a = VIRIDIS[i]!, b = VIRIDIS[i + 1]!, w = x - i;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * w)) as unknown as Rgb;
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** Black or white, whichever contrasts more with `bg`. */
export function textOn(bg: Rgb): Rgb {
  return contrast(bg, BLACK) >= contrast(bg, WHITE) ? BLACK : WHITE;
}

/** A CSS `rgb()` colour. */
export function css([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/**
 * Background and text colour of a heat-map cell whose score is `v` in `[lo, hi]` (worst to
 * best); `null` when the cell has no score.
 *
 * @example
 * ```ts
 * import { heatCell } from "./heat_palette.ts";
 *
 * heatCell(2, 0, 2); // { background: "rgb(253 231 37)", color: "rgb(0 0 0)" } (best: yellow)
 * ```
 */
export function heatCell(
  v: number | null,
  lo: number,
  hi: number,
): { background: string; color: string } | null {
  if (v === null || !Number.isFinite(v)) return null;
  const bg = viridis(hi > lo ? (v - lo) / (hi - lo) : 0.5);
  return { background: css(bg), color: css(textOn(bg)) };
}
