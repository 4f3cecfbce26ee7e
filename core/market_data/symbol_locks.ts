/**
 * One refresh of a symbol at a time within a process: a keyed mutex. Across instances the
 * refresh transaction is idempotent instead (a split re-bases stored prices only when its
 * corporate action is newly recorded) and, on PostgreSQL, takes an advisory lock.
 *
 * @module
 */

/** A mutex per key; waiters run in arrival order. */
export class SymbolLocks {
  readonly #tails = new Map<string, Promise<void>>();

  /**
   * Runs `fn` once no other holder of `key` runs; a waiter whose `signal` aborts gives up
   * (rejects with the abort reason) without running `fn`.
   *
   * @example
   * ```ts
   * const locks = new SymbolLocks();
   * await locks.run("AAPL", async () => "refreshed"); // "refreshed"
   * ```
   */
  async run<T>(key: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const before = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = before.then(() => mine);
    this.#tails.set(key, tail);
    try {
      await waitFor(before, signal);
      return await fn();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Keys currently held or awaited (for tests and metrics). */
  get size(): number {
    return this.#tails.size;
  }
}

function waitFor(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}

/** The process's refresh locks (one per symbol). */
export const refreshLocks: SymbolLocks = new SymbolLocks();
