/**
 * The part of `@resvg/resvg-js` the chart service uses. Its own typings start with
 * `/// <reference types="node" />`, which pulls an ancient `@types/node` from the lockfile and
 * hides Deno's `node:*` types; these declarations avoid that.
 */
export interface ResvgRenderOptions {
  font?: { loadSystemFonts?: boolean; fontFiles?: string[]; defaultFontFamily?: string };
  fitTo?: { mode: "original" } | { mode: "width" | "height" | "zoom"; value: number };
  background?: string;
  logLevel?: "off" | "error" | "warn" | "info" | "debug" | "trace";
}

/** A rendered raster. */
export declare class RenderedImage {
  asPng(): Uint8Array;
  get pixels(): Uint8Array;
  get width(): number;
  get height(): number;
}

/** An SVG parsed by resvg. */
export declare class Resvg {
  constructor(svg: string | Uint8Array, options?: ResvgRenderOptions | null);
  render(): RenderedImage;
  get width(): number;
  get height(): number;
}

/**
 * Parses and renders on resvg's worker thread (a Node-API async task), leaving the JavaScript
 * thread free while it rasterises.
 */
export declare function renderAsync(
  svg: string | Uint8Array,
  options?: ResvgRenderOptions | null,
  signal?: AbortSignal | null,
): Promise<RenderedImage>;
