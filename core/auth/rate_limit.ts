/**
 * Fixed-window request counters stored in the database, so that a limit holds across every
 * instance of core. `rateLimit()` is the middleware factory routes use; `hitCounter()` and
 * `peekCounter()` are the primitives (also used for failed sign-in throttling).
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import { clientIp } from "@trading/shared/http";
import type { Db } from "../db/db.ts";
import { optionalUser } from "./auth_context.ts";

/** What the authentication middleware leaves on the context for the rate limiter. */
export interface AuthRuntime {
  /** The database counters live in. */
  db: Db;
  /** Clock (epoch ms). */
  now: () => number;
  /** Proxies in front of core (`TRUST_PROXY_HOPS`). */
  proxyHops: number;
}

/** Result of counting one hit. */
export interface HitResult {
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds until the window ends. */
  retryAfterS: number;
}

const windowOf = (now: number, windowS: number) =>
  Math.floor(now / (windowS * 1000)) * windowS * 1000;

let lastPurge = 0;

/** Counts one hit on `bucket` in the current window (atomic upsert) and returns the count. */
export async function hitCounter(
  db: Db,
  bucket: string,
  { windowS, now }: { windowS: number; now: number },
): Promise<HitResult> {
  const start = windowOf(now, windowS);
  const rows = await db.transaction((tx) =>
    tx.query<{ hits: number }>(
      `INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
       RETURNING hits`,
      [bucket, start],
    )
  );
  if (now - lastPurge > 600_000) {
    lastPurge = now;
    await db.run("DELETE FROM rate_limits WHERE window_start < ?", [now - 2 * 86_400_000]);
  }
  return { count: Number(rows[0]?.hits ?? 1), retryAfterS: retryAfter(start, windowS, now) };
}

/** The count of `bucket` in the current window, without adding a hit. */
export async function peekCounter(
  db: Db,
  bucket: string,
  { windowS, now }: { windowS: number; now: number },
): Promise<HitResult> {
  const start = windowOf(now, windowS);
  const rows = await db.query<{ hits: number }>(
    "SELECT hits FROM rate_limits WHERE bucket = ? AND window_start = ?",
    [bucket, start],
  );
  return { count: Number(rows[0]?.hits ?? 0), retryAfterS: retryAfter(start, windowS, now) };
}

/** Takes one hit back from `bucket`'s current window (never below zero). */
export async function refundCounter(
  db: Db,
  bucket: string,
  { windowS, now }: { windowS: number; now: number },
): Promise<void> {
  await db.run(
    "UPDATE rate_limits SET hits = hits - 1 WHERE bucket = ? AND window_start = ? AND hits > 0",
    [bucket, windowOf(now, windowS)],
  );
}

/** Forgets every window of `bucket` (e.g. failed sign-ins after a success). */
export async function resetCounter(db: Db, bucket: string): Promise<void> {
  await db.run("DELETE FROM rate_limits WHERE bucket = ?", [bucket]);
}

function retryAfter(start: number, windowS: number, now: number): number {
  return Math.max(1, Math.ceil((start + windowS * 1000 - now) / 1000));
}

/** The client's IP (the one parser, shared by the three services). */
export { clientIp };

/** A 429 answer with `Retry-After`. */
export function tooManyRequests(c: Context, retryAfterS: number, message: string): Response {
  c.header("Retry-After", String(retryAfterS));
  const requestId = c.get("requestId") as string | undefined;
  return c.json({
    error: { code: "rate_limited", message, ...(requestId ? { request_id: requestId } : {}) },
  }, 429);
}

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Name of the limit, e.g. `"ai"`, `"backtest"`, `"sign-in"`; routes sharing it share counts. */
  key: string;
  /** Requests allowed per window, per signed-in user and per IP. */
  limit: number;
  /** Window length in seconds. */
  windowS: number;
  /** Requests allowed per IP (default: `limit`); the IP count covers anonymous callers too. */
  ipLimit?: number;
}

/**
 * Limits requests per signed-in user and per client IP, with counters in the database (so the
 * limit holds across instances). Over the limit the answer is 429 with `Retry-After`. Mount it
 * after core's authentication middleware (it reads the caller and the database from there).
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { rateLimit } from "./rate_limit.ts";
 *
 * const limit = rateLimit({ key: "backtest", limit: 20, windowS: 60 });
 * new Hono().post("/api/backtests", limit, (c) => c.json({ id: "bt_1" }, 202));
 * ```
 */
export function rateLimit(
  { key, limit, windowS, ipLimit = limit }: RateLimitOptions,
): MiddlewareHandler {
  if (!(limit > 0 && windowS > 0 && ipLimit > 0)) {
    throw new RangeError(`Cannot rate-limit "${key}": limit and windowS must be positive`);
  }
  return async function rateLimitMiddleware(c, next) {
    const rt = c.get("authRuntime") as AuthRuntime | undefined;
    if (!rt) throw new Error("rateLimit() needs core's authentication middleware before it");
    const now = rt.now();
    const user = optionalUser(c);
    const checks: [string, number][] = [[
      `rl:${key}:${windowS}:ip:${clientIp(c, rt.proxyHops)}`,
      ipLimit,
    ]];
    if (user) checks.push([`rl:${key}:${windowS}:user:${user.id}`, limit]);
    for (const [bucket, max] of checks) {
      const hit = await hitCounter(rt.db, bucket, { windowS, now });
      if (hit.count > max) {
        return tooManyRequests(
          c,
          hit.retryAfterS,
          `Too many requests; retry in ${hit.retryAfterS} s`,
        );
      }
    }
    await next();
  };
}
