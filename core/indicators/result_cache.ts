/**
 * The bounded cache of computed indicator arrays: an {@link Lru} sized by the bytes of the
 * arrays, keyed by (symbol, data version, indicator, parameters).
 *
 * @module
 */
import { Lru } from "@trading/shared/lru";

/** Cached outputs of one indicator computation. */
export type IndicatorOutputs = Record<string, Float64Array>;

/** Bytes held by an indicator's output arrays. */
export function outputBytes(v: IndicatorOutputs): number {
  let bytes = 0;
  for (const a of Object.values(v)) bytes += a.byteLength;
  return bytes;
}

/**
 * A cache of indicator outputs (default 256 entries, 64 MiB).
 *
 * @example
 * ```ts
 * import { computeIndicator } from "./compute.ts";
 * import { indicatorCache } from "./result_cache.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const series = { open: close, high: close, low: close, close, volume: close.map(() => 1e6) };
 * const cache = indicatorCache({ maxEntries: 100 });
 * const key = "AAPL|v1|60|rsi|14"; // symbol, data version, bars, indicator, parameters
 * const out = cache.getOrCompute(key, () => computeIndicator("rsi", {}, series));
 * cache.getOrCompute(key, () => computeIndicator("rsi", {}, series)) === out; // true (a hit)
 * ```
 */
export function indicatorCache(
  { maxEntries = 256, maxBytes = 64 * 1024 * 1024 }: { maxEntries?: number; maxBytes?: number } =
    {},
): Lru<IndicatorOutputs> {
  return new Lru<IndicatorOutputs>({ maxEntries, maxSize: maxBytes, sizeOf: outputBytes });
}
