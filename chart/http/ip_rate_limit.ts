/**
 * A per-client-IP token bucket for the chart routes, spent by renders. It lives in memory on
 * purpose: the chart service holds no user state and has no database, and a limit per instance
 * is enough here — its job is to stop one client from forcing render after render (a new
 * title or size per request skips the image cache), not to meter accounts (core's limits, which
 * must hold across instances, are kept in its database).
 *
 * Only answers that rendered (`x-cache: miss`) spend a token: cache hits, 304s and refused input
 * cost next to nothing, and core and web, which forward many users' requests from one address,
 * mostly hit the cache. A client with no token left gets a 429 with `Retry-After` for any chart
 * request until one is back. Concurrent renders may overdraw a bucket by at most the render
 * gate's size; the debt then lengthens the wait.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { clientIp } from "@trading/shared/http";

/** Options of {@link TokenBuckets} and {@link ipRateLimit}. */
export interface IpRateLimitOptions {
  /** Renders a client may ask for in a burst (default 60). */
  capacity?: number;
  /** Tokens given back per second (default 1, i.e. 60 renders a minute sustained). */
  refillPerS?: number;
  /**
   * Trusted proxies in front of the service (default 0: the socket address, and
   * `X-Forwarded-For` is ignored as the client could forge it). With `n` > 0 the client is the
   * entry `n` places from the right of `X-Forwarded-For`.
   */
  proxyHops?: number;
  /**
   * Client addresses never limited (default: loopback, i.e. services and benchmarks on the
   * same host; a reverse proxy on the same host must set `proxyHops`).
   */
  exempt?: (ip: string) => boolean;
  /** Clients remembered at most (default 10 000); refilled buckets, then the longest idle, go first. */
  maxClients?: number;
  /** Clock in epoch ms (default `Date.now`). */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets keyed by client, bounded in number. */
export class TokenBuckets {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #maxClients: number;
  readonly #buckets = new Map<string, Bucket>();

  /** @param o capacity, refill rate and client bound */
  constructor({ capacity = 60, refillPerS = 1, maxClients = 10_000 }: IpRateLimitOptions = {}) {
    if (!(capacity >= 1 && refillPerS > 0 && maxClients >= 1)) {
      throw new RangeError(
        `Cannot build a rate limit: capacity must be ≥ 1 and refillPerS > 0, current values are ${capacity} and ${refillPerS}`,
      );
    }
    this.#capacity = capacity;
    this.#refillPerMs = refillPerS / 1000;
    this.#maxClients = maxClients;
  }

  /** Clients currently remembered. */
  get size(): number {
    return this.#buckets.size;
  }

  /** Seconds until `key` has a whole token at `now` (0: it has one now). */
  waitS(key: string, now: number): number {
    const tokens = this.#tokens(key, now);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.#refillPerMs / 1000));
  }

  /** Spends `cost` tokens of `key` at `now` (the balance may go below zero). */
  spend(key: string, now: number, cost = 1): void {
    const tokens = this.#tokens(key, now) - cost;
    this.#buckets.delete(key); // re-inserted last: the map stays ordered by last use
    this.#buckets.set(key, { tokens, at: now });
    if (this.#buckets.size > this.#maxClients) this.#prune(now);
  }

  #tokens(key: string, now: number): number {
    const b = this.#buckets.get(key);
    return b
      ? Math.min(this.#capacity, b.tokens + Math.max(0, now - b.at) * this.#refillPerMs)
      : this.#capacity;
  }

  #prune(now: number): void {
    for (const k of [...this.#buckets.keys()]) {
      if (this.#tokens(k, now) >= this.#capacity) this.#buckets.delete(k);
    }
    const keep = Math.max(1, Math.floor(this.#maxClients * 0.9)); // amortises the scans
    for (const k of this.#buckets.keys()) {
      if (this.#buckets.size <= keep) break;
      this.#buckets.delete(k);
    }
  }
}

/** Loopback addresses (127.0.0.0/8, ::1, ::ffff:127.x). */
export function isLoopback(ip: string): boolean {
  return /^(127\.|::1$|::ffff:127\.)/.test(ip);
}

/**
 * Limits the renders each client IP causes; a client out of tokens gets a 429 JSON with
 * `Retry-After`. Mount it before the routes that answer with `x-cache: hit|miss`.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { ipRateLimit } from "./ip_rate_limit.ts";
 *
 * const app = new Hono();
 * const limit = ipRateLimit({ capacity: 60, refillPerS: 1 });
 * app.use("/charts/*", limit).use("/render/*", limit);
 * ```
 */
export function ipRateLimit(o: IpRateLimitOptions = {}): MiddlewareHandler {
  const buckets = new TokenBuckets(o);
  const { proxyHops = 0, now = Date.now, exempt = isLoopback } = o;
  return async function ipRateLimitMiddleware(c, next) {
    const ip = clientIp(c, proxyHops);
    if (exempt(ip)) return await next();
    const wait = buckets.waitS(ip, now());
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      const requestId = c.get("requestId") as string | undefined;
      return c.json({
        error: {
          code: "rate_limited",
          message: `Too many chart renders from this address; retry in ${wait} s`,
          ...(requestId ? { request_id: requestId } : {}),
        },
      }, 429);
    }
    await next();
    if (c.res.headers.get("x-cache") === "miss") buckets.spend(ip, now());
  };
}
