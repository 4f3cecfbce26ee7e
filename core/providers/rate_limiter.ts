import { abortableSleep } from "./fetch_json.ts";

/**
 * A serial queue that keeps at least `minIntervalMs` between the starts of its tasks (for
 * upstreams that publish a request-rate limit).
 *
 * @module
 */

/** Runs tasks one at a time, spaced by at least `minIntervalMs`. */
export class RateLimiter {
  readonly #minIntervalMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #tail: Promise<unknown> = Promise.resolve();
  #lastStart = -Infinity;

  /** @param minIntervalMs minimum spacing between task starts */
  constructor(
    minIntervalMs: number,
    { now = Date.now, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) }: {
      now?: () => number;
      sleep?: (ms: number) => Promise<void>;
    } = {},
  ) {
    this.#minIntervalMs = minIntervalMs;
    this.#now = now;
    this.#sleep = sleep;
  }

  /** Queues `task`; resolves with its result. An aborted `signal` skips the task (AbortError). */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const go = async () => {
      signal?.throwIfAborted();
      const wait = this.#lastStart + this.#minIntervalMs - this.#now();
      if (wait > 0) await abortableSleep(wait, signal, this.#sleep);
      this.#lastStart = this.#now();
      return await task();
    };
    const result = this.#tail.then(go, go);
    this.#tail = result.catch(() => {});
    return result;
  }
}
