/**
 * The chart service's HTTP client for core: one deadline per call, retries with exponential
 * backoff on connection errors and 5xx, and a circuit breaker so a dead core fails fast.
 * Its errors reach chart's clients, so they never name core's address or the network cause:
 * those go to the log.
 *
 * @module
 */
import { NotFoundError, UpstreamError, ValidationError } from "@trading/shared/errors";
import { CircuitBreaker } from "@trading/shared/http";
import type { Logger } from "@trading/shared/log";

/** Options of {@link CoreClient}. */
export interface CoreClientOptions {
  /** Core's base URL without a trailing slash. */
  baseUrl: string;
  /** fetch to use (injectable for tests). */
  fetch?: typeof fetch;
  /** Deadline of one call including its retries, in ms (default 3000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff delay, doubled per retry (default 50 ms). */
  backoffMs?: number;
  /** Consecutive failed calls that open the circuit (default 5). */
  failureThreshold?: number;
  /** How long the circuit stays open (default 10 000 ms). */
  resetMs?: number;
  /** Clock (injectable for tests). */
  now?: () => number;
  /** Where a failed call's address and cause are written (default: nowhere). */
  logger?: Logger;
}

/** A JSON answer from core. */
export interface CoreAnswer {
  /** HTTP status. */
  status: number;
  /** Body text (for hashing the data version). */
  text: string;
  /** Parsed body (null when not JSON). */
  json: unknown;
}

function errorMessage(json: unknown, fallback: string): string {
  const m = (json as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof m === "string" ? m : fallback;
}

/** Talks to core over HTTP; never imports core code. */
export class CoreClient {
  readonly baseUrl: string;
  readonly breaker: CircuitBreaker;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #now: () => number;
  readonly #logger: Logger | undefined;

  /** @param o base URL, timeouts, retry and breaker settings */
  constructor(o: CoreClientOptions) {
    this.baseUrl = o.baseUrl.replace(/\/+$/, "");
    this.#fetch = o.fetch ?? fetch;
    this.#timeoutMs = o.timeoutMs ?? 3000;
    this.#retries = o.retries ?? 2;
    this.#backoffMs = o.backoffMs ?? 50;
    this.#now = o.now ?? Date.now;
    this.#logger = o.logger;
    this.breaker = new CircuitBreaker({
      failureThreshold: o.failureThreshold ?? 5,
      resetMs: o.resetMs ?? 10_000,
      now: this.#now,
    });
  }

  /**
   * GETs `path` and returns any answer below 500 (callers decide what 404 means). Throws
   * {@link UpstreamError} (502, or 504 on timeout) when core is unreachable, keeps answering
   * 5xx after the retries, does not answer within the deadline, or the circuit is open.
   */
  async get(path: string, { requestId }: { requestId?: string } = {}): Promise<CoreAnswer> {
    if (!this.breaker.allow()) {
      throw new UpstreamError(
        `Core service unavailable (circuit open after repeated failures; retry in ${
          Math.ceil(this.breaker.retryAfterMs() / 1000)
        } s)`,
      );
    }
    const deadline = this.#now() + this.#timeoutMs;
    let last = "no attempt";
    for (let attempt = 0; attempt <= this.#retries; attempt++) {
      const remaining = deadline - this.#now();
      if (remaining <= 0) break;
      try {
        const res = await this.#fetch(this.baseUrl + path, {
          signal: AbortSignal.timeout(remaining),
          headers: requestId ? { "x-request-id": requestId, accept: "application/json" } : {},
        });
        const text = await res.text();
        if (res.status < 500) {
          this.breaker.success();
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch { /* not JSON */ }
          return { status: res.status, text, json };
        }
        last = `core answered ${res.status}`;
      } catch (e) {
        const name = (e as Error).name;
        if (name === "TimeoutError" || name === "AbortError") {
          this.breaker.failure();
          throw new UpstreamError(`Core service did not answer within ${this.#timeoutMs} ms`, {
            timeout: true,
          });
        }
        last = "core unreachable";
        this.#logger?.warn("core unreachable", {
          url: this.baseUrl + path,
          attempt,
          error: (e as Error).message,
        });
      }
      const wait = this.#backoffMs * 2 ** attempt;
      if (attempt < this.#retries && deadline - this.#now() > wait) {
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    this.breaker.failure();
    if (deadline - this.#now() <= 0 && last === "no attempt") {
      throw new UpstreamError(`Core service did not answer within ${this.#timeoutMs} ms`, {
        timeout: true,
      });
    }
    throw new UpstreamError(`Core service failed: ${last}`);
  }

  /** GETs a resource that must exist: 404 → {@link NotFoundError}, 4xx → 422 with core's message. */
  async getRequired(path: string, o: { requestId?: string } = {}): Promise<CoreAnswer> {
    const a = await this.get(path, o);
    if (a.status === 404) {
      throw new NotFoundError(errorMessage(a.json, `Not found in core: ${path}`));
    }
    if (a.status >= 400) {
      throw new ValidationError(errorMessage(a.json, `Core refused ${path} (${a.status})`), [
        { field: "query", message: errorMessage(a.json, `core answered ${a.status}`) },
      ]);
    }
    return a;
  }

  /** GETs an optional resource: any failure gives `{ ok: false, reason }` instead of throwing. */
  async getOptional(
    path: string,
    o: { requestId?: string } = {},
  ): Promise<{ ok: true; answer: CoreAnswer } | { ok: false; reason: string }> {
    try {
      const a = await this.get(path, o);
      if (a.status >= 400) return { ok: false, reason: `core answered ${a.status}` };
      return { ok: true, answer: a };
    } catch (e) {
      return { ok: false, reason: (e as Error).message };
    }
  }
}
