/**
 * A small bounded LRU of computed indicator arrays, so that repeated requests for the same
 * (symbol, data version, indicator, parameters) cost a lookup. Bounded by entry count and by
 * total bytes of the cached arrays. Pure (no clock): recency is insertion order of a `Map`.
 *
 * @module
 */

/** Limits of an {@link IndicatorCache}. */
export interface IndicatorCacheOptions {
  /** Most entries kept (default 256). */
  maxEntries?: number;
  /** Most bytes of arrays kept (default 64 MiB). */
  maxBytes?: number;
}

type Entry = { value: Record<string, Float64Array>; bytes: number };

/**
 * LRU cache of indicator outputs keyed by a string such as `AAPL|3|rsi|14`.
 *
 * @example
 * ```ts
 * const cache = new IndicatorCache({ maxEntries: 100 });
 * const out = cache.getOrCompute(key, () => computeIndicator("rsi", {}, series));
 * ```
 */
export class IndicatorCache {
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #map = new Map<string, Entry>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  /** @param options entry and byte limits */
  constructor({ maxEntries = 256, maxBytes = 64 * 1024 * 1024 }: IndicatorCacheOptions = {}) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, current value is ${maxEntries}`);
    }
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  /** The cached value for `key` (marking it most recently used) or `undefined`. */
  get(key: string): Record<string, Float64Array> | undefined {
    const e = this.#map.get(key);
    if (!e) {
      this.#misses++;
      return undefined;
    }
    this.#hits++;
    this.#map.delete(key);
    this.#map.set(key, e);
    return e.value;
  }

  /** Stores `value`, evicting the least recently used entries beyond the limits. */
  set(key: string, value: Record<string, Float64Array>): void {
    const old = this.#map.get(key);
    if (old) {
      this.#bytes -= old.bytes;
      this.#map.delete(key);
    }
    let bytes = 0;
    for (const a of Object.values(value)) bytes += a.byteLength;
    if (bytes > this.#maxBytes) return;
    this.#map.set(key, { value, bytes });
    this.#bytes += bytes;
    while (this.#map.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const [k, e] = this.#map.entries().next().value!;
      this.#map.delete(k);
      this.#bytes -= e.bytes;
    }
  }

  /** The cached value, or computes, stores and returns it. */
  getOrCompute(
    key: string,
    compute: () => Record<string, Float64Array>,
  ): Record<string, Float64Array> {
    const hit = this.get(key);
    if (hit) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }

  /** Counters for monitoring and tests. */
  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.#map.size, bytes: this.#bytes, hits: this.#hits, misses: this.#misses };
  }
}
