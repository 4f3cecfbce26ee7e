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
 * const cache = indicatorCache({ maxEntries: 100 });
 * const out = cache.getOrCompute(key, () => computeIndicator("rsi", {}, series));
 * ```
 */
export function indicatorCache(
  { maxEntries = 256, maxBytes = 64 * 1024 * 1024 }: { maxEntries?: number; maxBytes?: number } =
    {},
): Lru<IndicatorOutputs> {
  return new Lru<IndicatorOutputs>({ maxEntries, maxSize: maxBytes, sizeOf: outputBytes });
}
