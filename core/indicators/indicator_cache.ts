/**
 * A cache of indicator arrays for one series, keyed by name and parameters, so a grid search
 * computes each distinct indicator once for all parameter combinations. Pure.
 *
 * @module
 */

/** Indicator results of one series, by key. */
export class IndicatorCache {
  readonly #map = new Map<string, unknown>();
  /** Number of computations done (misses), for tests and benchmarks. */
  misses = 0;

  /**
   * The cached value for `key`, computing it with `make` on the first request.
   *
   * @example
   * ```ts
   * import { sma } from "./sma.ts";
   * import { IndicatorCache } from "./indicator_cache.ts";
   *
   * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
   * const cache = new IndicatorCache();
   * const fast = cache.get("sma:10", () => sma(close, 10));
   * cache.get("sma:10", () => sma(close, 10)) === fast; // true: computed once (cache.misses is 1)
   * ```
   */
  get<T>(key: string, make: () => T): T {
    if (this.#map.has(key)) return this.#map.get(key) as T;
    const v = make();
    this.misses++;
    this.#map.set(key, v);
    return v;
  }

  /** Number of entries held. */
  get size(): number {
    return this.#map.size;
  }
}

/** A cache that never keeps anything (each call recomputes): the naive baseline. */
export class NoCache extends IndicatorCache {
  /** Always computes. */
  override get<T>(_key: string, make: () => T): T {
    this.misses++;
    return make();
  }
}
