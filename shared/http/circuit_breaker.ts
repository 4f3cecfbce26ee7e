/**
 * A circuit breaker: after `failureThreshold` consecutive failures it opens and refuses calls
 * for `resetMs`; then it lets one trial call through (half-open) and closes on its success.
 *
 * @module
 */

/** Options of {@link CircuitBreaker}. */
export interface BreakerOptions {
  /** Consecutive failures that open the circuit (default 5). */
  failureThreshold?: number;
  /** How long it stays open, in ms (default 10 000). */
  resetMs?: number;
  /** Clock (injectable for tests). */
  now?: () => number;
}

/** Closed → open after repeated failures → half-open trial → closed. */
export class CircuitBreaker {
  #failures = 0;
  #openedAt: number | null = null;
  #trial = false;
  readonly #threshold: number;
  readonly #resetMs: number;
  readonly #now: () => number;

  /** @param options thresholds and clock */
  constructor({ failureThreshold = 5, resetMs = 10_000, now = Date.now }: BreakerOptions = {}) {
    this.#threshold = failureThreshold;
    this.#resetMs = resetMs;
    this.#now = now;
  }

  /** `closed`, `open` or `half-open`. */
  get state(): "closed" | "open" | "half-open" {
    if (this.#openedAt === null) return "closed";
    return this.#now() - this.#openedAt >= this.#resetMs ? "half-open" : "open";
  }

  /** Milliseconds until an open circuit lets a trial through (0 when not open). */
  retryAfterMs(): number {
    return this.#openedAt === null
      ? 0
      : Math.max(0, this.#resetMs - (this.#now() - this.#openedAt));
  }

  /** Whether a call may go ahead now (claims the single half-open trial). */
  allow(): boolean {
    const s = this.state;
    if (s === "closed") return true;
    if (s === "open" || this.#trial) return false;
    this.#trial = true;
    return true;
  }

  /** Records a successful call. */
  success(): void {
    this.#failures = 0;
    this.#openedAt = null;
    this.#trial = false;
  }

  /** Records a failed call. */
  failure(): void {
    this.#failures++;
    if (this.#trial || this.#failures >= this.#threshold) this.#openedAt = this.#now();
    this.#trial = false;
  }
}
