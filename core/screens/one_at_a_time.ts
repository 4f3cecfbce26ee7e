/**
 * Runs async jobs one at a time, in the order they were asked. Screens are CPU work on core's
 * one thread: run together they gain nothing, and their pauses (timers) would all fire in one
 * turn of the event loop, each resuming for a whole slice before any request is read — so
 * concurrent screens held `/health/live` for the sum of their slices. Queued, one screen pauses
 * at a time, and its deadline counts the wait.
 *
 * @module
 */

/**
 * A queue of async jobs run one at a time.
 *
 * @example
 * ```ts
 * import { OneAtATime } from "./one_at_a_time.ts";
 * const q = new OneAtATime();
 * const [a, b] = await Promise.all([q.run(async () => 1), q.run(async () => 2)]);
 * a + b; // 3
 * ```
 */
export class OneAtATime {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `job` after every job asked before it has settled; its result or error. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(job, job);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}
