/**
 * Throttling of failed sign-ins, per account and per client IP, with counters in the database
 * (`rate_limits`) so that it holds across instances. The account key is a hash of the e-mail, so
 * the table holds no addresses. A success clears the account's failures.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { sha256Hex } from "./crypto.ts";
import { hitCounter, peekCounter, resetCounter } from "./rate_limit.ts";

/** Limits: failures allowed per window before sign-in is refused with 429. */
export const LOGIN_THROTTLE = { windowS: 900, perAccount: 5, perIp: 20 } as const;

async function buckets(email: string, ip: string): Promise<[string, number][]> {
  return [
    [`login-fail:acct:${await sha256Hex(email)}`, LOGIN_THROTTLE.perAccount],
    [`login-fail:ip:${ip}`, LOGIN_THROTTLE.perIp],
  ];
}

/** Seconds to wait when `email` or `ip` has too many recent failures, else null. */
export async function loginBlockedFor(
  db: Db,
  { email, ip, now }: { email: string; ip: string; now: number },
): Promise<number | null> {
  let wait: number | null = null;
  for (const [bucket, max] of await buckets(email, ip)) {
    const { count, retryAfterS } = await peekCounter(db, bucket, {
      windowS: LOGIN_THROTTLE.windowS,
      now,
    });
    if (count >= max) wait = Math.max(wait ?? 0, retryAfterS);
  }
  return wait;
}

/** Counts one failed sign-in for `email` and `ip`. */
export async function recordLoginFailure(
  db: Db,
  { email, ip, now }: { email: string; ip: string; now: number },
): Promise<void> {
  for (const [bucket] of await buckets(email, ip)) {
    await hitCounter(db, bucket, { windowS: LOGIN_THROTTLE.windowS, now });
  }
}

/** Forgets the failures of `email` after a successful sign-in. */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await resetCounter(db, `login-fail:acct:${await sha256Hex(email)}`);
}
