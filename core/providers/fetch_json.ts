/**
 * Resilient JSON GET for provider adapters: per-attempt timeout, bounded retries with
 * exponential backoff and full jitter on network errors, 429 and 5xx (honouring
 * `Retry-After`), and a circuit breaker per provider.
 *
 * @module
 */
import { CircuitBreaker } from "@trading/shared/http";
import { UpstreamError } from "@trading/shared/errors";

/** Options of {@link fetchJson}. */
export interface FetchJsonOptions {
  /** fetch implementation (injectable). */
  fetch?: typeof fetch;
  /** Timeout of one attempt, ms (default 10 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Base delay of the backoff, ms (default 500): attempt k waits random(0, base × 2^k). */
  baseDelayMs?: number;
  /** Upper bound of one wait, ms (default 10 000). */
  maxDelayMs?: number;
  /** Breaker shared by the calls of one provider. */
  breaker?: CircuitBreaker;
  /** Random source in [0, 1) (injectable for tests). */
  random?: () => number;
  /** Sleep (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Label used in error messages, e.g. `Yahoo Finance`. */
  label?: string;
  /** Aborts the request and any backoff wait (client gone, shutdown): rejects with AbortError. */
  signal?: AbortSignal;
}

/** An HTTP answer that will not get better by retrying (4xx other than 429). */
export class ProviderHttpError extends UpstreamError {
  /** HTTP status. */
  readonly status: number;
  /** Parsed body, when JSON. */
  readonly body: unknown;
  /** @param status the upstream status */
  constructor(message: string, status: number, body: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits `ms` unless `signal` aborts first (then rejects with its reason). */
export function abortableSleep(
  ms: number,
  signal: AbortSignal | undefined,
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<void> {
  if (!signal) return sleep(ms);
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    sleep(ms).then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, reject);
  });
}

/** GETs `url` and parses JSON, retrying transient failures; throws {@link UpstreamError}. */
export async function fetchJson(url: string, o: FetchJsonOptions = {}): Promise<unknown> {
  const {
    fetch: f = fetch,
    timeoutMs = 10_000,
    retries = 3,
    baseDelayMs = 500,
    maxDelayMs = 10_000,
    breaker,
    random = Math.random,
    sleep = defaultSleep,
    label = "provider",
    signal,
  } = o;
  signal?.throwIfAborted();
  if (breaker && !breaker.allow()) {
    throw new UpstreamError(
      `${label} is unavailable (circuit open; retry in ${
        Math.ceil(breaker.retryAfterMs() / 1000)
      } s)`,
    );
  }
  let lastError = "";
  for (let attempt = 0; attempt <= retries; attempt++) {
    let retryAfterMs = 0;
    try {
      const res = await f(url, {
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
        headers: { accept: "application/json" },
      });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      if (res.ok) {
        if (body === null) {
          throw new ProviderHttpError(`${label} answered malformed JSON`, res.status, null);
        }
        breaker?.success();
        return body;
      }
      if (res.status !== 429 && res.status < 500) {
        breaker?.success();
        throw new ProviderHttpError(`${label} answered HTTP ${res.status}`, res.status, body);
      }
      lastError = `HTTP ${res.status}`;
      const ra = Number(res.headers.get("retry-after"));
      if (Number.isFinite(ra) && ra > 0) retryAfterMs = Math.min(maxDelayMs, ra * 1000);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (e instanceof ProviderHttpError) {
        if (e.body === null && e.status < 300) breaker?.failure();
        throw e;
      }
      lastError = (e as Error).name === "TimeoutError"
        ? `timeout after ${timeoutMs} ms`
        : (e as Error).message;
    }
    if (attempt < retries) {
      const backoff = Math.min(maxDelayMs, random() * baseDelayMs * 2 ** attempt);
      await abortableSleep(Math.max(backoff, retryAfterMs), signal, sleep);
    }
  }
  breaker?.failure();
  throw new UpstreamError(`${label} failed after ${retries + 1} attempts: ${lastError}`, {
    timeout: lastError.startsWith("timeout"),
  });
}
