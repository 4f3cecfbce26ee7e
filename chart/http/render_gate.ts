/**
 * Bounds the renders in progress: a few run at once, a few more wait in line, and the rest are
 * refused at once with a 503 and `Retry-After`, so a burst of cache-missing requests (each one
 * a second of CPU for a large PNG) cannot pile up behind each other or starve the service.
 *
 * @module
 */
import { UnavailableError } from "@trading/shared/errors";

/** Raised when every render slot and every queue place is taken (HTTP 503). */
export class RenderBusyError extends UnavailableError {
  /** Seconds the client should wait before retrying. */
  readonly retryAfterS: number;
  /** @param retryAfterS seconds until a retry may succeed */
  constructor(retryAfterS: number) {
    super(`The chart service is busy rendering; retry in ${retryAfterS} s`);
    this.retryAfterS = retryAfterS;
  }
}

/** Options of {@link RenderGate}. */
export interface RenderGateOptions {
  /** Renders allowed at once (default 2). */
  concurrency?: number;
  /** Renders allowed to wait for a slot (default 8). */
  queue?: number;
  /** `Retry-After` of a refusal, in seconds (default 2). */
  retryAfterS?: number;
}

/**
 * A counting semaphore with a bounded wait queue.
 *
 * @example
 * ```ts
 * import { rasteriseSvg } from "../render/png.ts";
 * import { RenderGate } from "./render_gate.ts";
 *
 * const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>`;
 * const gate = new RenderGate({ concurrency: 2, queue: 8 });
 * const png = await gate.run(() => rasteriseSvg(svg, 2)); // throws RenderBusyError when full
 * ```
 */
export class RenderGate {
  readonly #concurrency: number;
  readonly #queueMax: number;
  readonly #retryAfterS: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  /** @param o concurrency, queue length and Retry-After */
  constructor({ concurrency = 2, queue = 8, retryAfterS = 2 }: RenderGateOptions = {}) {
    if (
      !(Number.isInteger(concurrency) && concurrency >= 1 && Number.isInteger(queue) && queue >= 0)
    ) {
      throw new RangeError(
        `Cannot build a render gate: concurrency must be an integer ≥ 1 and queue an integer ≥ 0, current values are ${concurrency} and ${queue}`,
      );
    }
    this.#concurrency = concurrency;
    this.#queueMax = queue;
    this.#retryAfterS = retryAfterS;
  }

  /** Renders in progress. */
  get running(): number {
    return this.#running;
  }

  /** Renders waiting for a slot. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** Runs `fn` when a slot is free; throws {@link RenderBusyError} if the queue is full. */
  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.#running >= this.#concurrency) {
      if (this.#waiting.length >= this.#queueMax) throw new RenderBusyError(this.#retryAfterS);
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.#running--;
    }
  }
}
