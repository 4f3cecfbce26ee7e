/**
 * A least-recently-used cache bounded by entry count and by total size, with optional expiry.
 * The one cache of the project (indicator arrays, analysis answers, rendered charts…).
 *
 * @module
 */

/** Options of {@link Lru}. */
export interface LruOptions<V> {
  /** Maximum number of entries (default 500). */
  maxEntries?: number;
  /** Maximum total size, in the unit of `sizeOf` (default: unbounded). */
  maxSize?: number;
  /** Size of one value when `set` is not given one (default: 1). */
  sizeOf?: (value: V) => number;
  /** Clock for expiry, ms (default `Date.now`). */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  size: number;
  expires: number;
}

/**
 * LRU cache: `get` refreshes an entry, `set` evicts the least recently used entries beyond
 * the bounds; a value larger than `maxSize` is not stored; an expired entry is a miss.
 *
 * @example
 * ```ts
 * const cache = new Lru<string>({ maxEntries: 2 });
 * cache.set("a", "1");
 * cache.get("a"); // "1"
 * ```
 */
export class Lru<V> {
  readonly #map = new Map<string, Entry<V>>();
  readonly #maxEntries: number;
  readonly #maxSize: number;
  readonly #sizeOf: (value: V) => number;
  readonly #now: () => number;
  #size = 0;
  /** Lookups that found a live entry. */
  hits = 0;
  /** Lookups that did not. */
  misses = 0;

  /** @param options bounds and clock, see {@link LruOptions} */
  constructor(
    { maxEntries = 500, maxSize = Infinity, sizeOf = () => 1, now = Date.now }: LruOptions<V> = {},
  ) {
    if (!(maxEntries >= 1)) {
      throw new RangeError(
        `Cannot create an LRU: maxEntries must be ≥ 1, current value is ${maxEntries}`,
      );
    }
    this.#maxEntries = maxEntries;
    this.#maxSize = maxSize;
    this.#sizeOf = sizeOf;
    this.#now = now;
  }

  /** The live value of `key` (marking it most recently used), or undefined. */
  get(key: string): V | undefined {
    const e = this.#map.get(key);
    if (!e || e.expires <= this.#now()) {
      if (e) this.delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#map.delete(key);
    this.#map.set(key, e);
    return e.value;
  }

  /** Stores a value (of `size`, default `sizeOf(value)`, for `ttlMs`, default forever). */
  set(
    key: string,
    value: V,
    { size = this.#sizeOf(value), ttlMs = Infinity }: { size?: number; ttlMs?: number } = {},
  ): void {
    this.delete(key);
    if (size > this.#maxSize) return;
    this.#map.set(key, {
      value,
      size,
      expires: ttlMs === Infinity ? Infinity : this.#now() + ttlMs,
    });
    this.#size += size;
    while (this.#map.size > this.#maxEntries || this.#size > this.#maxSize) {
      this.delete(this.#map.keys().next().value as string);
    }
  }

  /** The cached value, or computes, stores and returns it. */
  getOrCompute(key: string, compute: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }

  /** Removes an entry. */
  delete(key: string): void {
    const e = this.#map.get(key);
    if (!e) return;
    this.#size -= e.size;
    this.#map.delete(key);
  }

  /** Number of entries. */
  get length(): number {
    return this.#map.size;
  }

  /** Total size of the entries. */
  get size(): number {
    return this.#size;
  }
}
