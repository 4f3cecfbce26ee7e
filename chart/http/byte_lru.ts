/**
 * A least-recently-used cache bounded by the total size in bytes of its values.
 *
 * @module
 */

interface Entry<V> {
  value: V;
  bytes: number;
  expires: number;
}

/** LRU map whose total `bytes` stays at or under `maxBytes`; entries may expire. */
export class ByteLru<V> {
  readonly #map = new Map<string, Entry<V>>();
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;
  /** Lookups that found a live entry. */
  hits = 0;
  /** Lookups that did not. */
  misses = 0;

  /**
   * @param maxBytes size bound
   * @param now clock for expiry (injectable for tests)
   */
  constructor(maxBytes: number, now: () => number = Date.now) {
    this.#maxBytes = maxBytes;
    this.#now = now;
  }

  /** Total bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Number of entries. */
  get size(): number {
    return this.#map.size;
  }

  /** The live value of `key` (and marks it most recently used). */
  get(key: string): V | undefined {
    const e = this.#map.get(key);
    if (!e || e.expires <= this.#now()) {
      if (e) this.delete(key);
      this.misses++;
      return undefined;
    }
    this.#map.delete(key);
    this.#map.set(key, e);
    this.hits++;
    return e.value;
  }

  /** Stores `value` of `bytes` bytes for `ttlMs` (default forever); too-large values are skipped. */
  set(key: string, value: V, bytes: number, ttlMs = Infinity): void {
    this.delete(key);
    if (bytes > this.#maxBytes) return;
    this.#map.set(key, { value, bytes, expires: this.#now() + ttlMs });
    this.#bytes += bytes;
    for (const [k] of this.#map) {
      if (this.#bytes <= this.#maxBytes) break;
      this.delete(k);
    }
  }

  /** Removes `key`. */
  delete(key: string): void {
    const e = this.#map.get(key);
    if (!e) return;
    this.#map.delete(key);
    this.#bytes -= e.bytes;
  }
}
