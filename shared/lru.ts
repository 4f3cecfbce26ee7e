/**
 * A small least-recently-used cache bounded by entry count and, optionally, by total size.
 *
 * @module
 */

/** Options of {@link Lru}. */
export interface LruOptions<V> {
  /** Maximum number of entries (default 500). */
  maxEntries?: number;
  /** Maximum total size (default: unbounded). */
  maxSize?: number;
  /** Size of one value (default: 1). */
  sizeOf?: (value: V) => number;
}

/**
 * LRU cache: `get` refreshes an entry, `set` evicts the least recently used entries beyond
 * the bounds. A value larger than `maxSize` is not stored.
 *
 * @example
 * ```ts
 * const cache = new Lru<string>({ maxEntries: 2 });
 * cache.set("a", "1");
 * cache.get("a"); // "1"
 * ```
 */
export class Lru<V> {
  readonly #map = new Map<string, { value: V; size: number }>();
  readonly #maxEntries: number;
  readonly #maxSize: number;
  readonly #sizeOf: (value: V) => number;
  #size = 0;
  /** Hits and misses since creation. */
  readonly stats = { hits: 0, misses: 0 };

  /** @param options bounds, see {@link LruOptions} */
  constructor({ maxEntries = 500, maxSize = Infinity, sizeOf = () => 1 }: LruOptions<V> = {}) {
    this.#maxEntries = maxEntries;
    this.#maxSize = maxSize;
    this.#sizeOf = sizeOf;
  }

  /** The cached value, or undefined. */
  get(key: string): V | undefined {
    const e = this.#map.get(key);
    if (!e) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.#map.delete(key);
    this.#map.set(key, e);
    return e.value;
  }

  /** Stores a value, evicting the oldest entries beyond the bounds. */
  set(key: string, value: V): void {
    const size = this.#sizeOf(value);
    this.delete(key);
    if (size > this.#maxSize) return;
    this.#map.set(key, { value, size });
    this.#size += size;
    while (this.#map.size > this.#maxEntries || this.#size > this.#maxSize) {
      const oldest = this.#map.keys().next().value as string;
      this.delete(oldest);
    }
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
