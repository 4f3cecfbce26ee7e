/**
 * Throttling of password attempts (sign-in and password change), with counters in the database
 * (`rate_limits`) so that it holds across instances. The account key is a hash of the e-mail, so
 * the table holds no addresses.
 *
 * An attempt is counted *before* the password is checked (one atomic increment per bucket, then
 * a comparison), so parallel guesses cannot all slip past the check while the first ones are
 * still hashing. A successful attempt is given back. Buckets, per 15-minute window:
 *
 * - per client IP: 20 attempts, whatever the accounts;
 * - per (account, IP): 5 — a stranger guessing from their address blocks only themselves;
 * - per account: 50 from all addresses together — a cap on distributed guessing, high enough
 *   that one or a few addresses cannot lock the owner out.
 *
 * Attempts refused by a bucket are not counted in the buckets after it, so attempts refused at
 * the (account, IP) bucket never push the account towards its global cap.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { sha256Hex } from "./crypto.ts";
import { hitCounter, refundCounter, resetCounter } from "./rate_limit.ts";
import { normalizeEmail } from "./users.ts";

/** Attempts allowed per window (seconds) before password checks are refused with 429. */
export const LOGIN_THROTTLE = { windowS: 900, perIp: 20, perAccountIp: 5, perAccount: 50 } as const;

/** Who is attempting a password check. */
export interface LoginWho {
  /** The account's e-mail (hashed for the bucket name). */
  email: string;
  /** Client IP (see `clientIp()`). */
  ip: string;
  /** Clock (epoch ms). */
  now: number;
}

/** An attempt counted by {@link claimLoginAttempt}, to report its success with. */
export interface LoginAttempt {
  /** Buckets this attempt was counted in. */
  readonly counted: readonly string[];
  /** The (account, IP) bucket, forgotten after a success. */
  readonly accountIpBucket: string;
  /** When the attempt was counted (epoch ms). */
  readonly now: number;
}

async function bucketsOf({ email, ip }: LoginWho): Promise<[string, number][]> {
  const acct = await sha256Hex(normalizeEmail(email));
  return [
    [`login:ip:${ip}`, LOGIN_THROTTLE.perIp],
    [`login:acct-ip:${acct}:${ip}`, LOGIN_THROTTLE.perAccountIp],
    [`login:acct:${acct}`, LOGIN_THROTTLE.perAccount],
  ];
}

/**
 * Counts one password attempt, atomically per bucket, before the password is checked. Returns
 * the attempt (go on and check the password) or the seconds to wait (answer 429).
 */
export async function claimLoginAttempt(
  db: Db,
  who: LoginWho,
): Promise<{ ok: true; attempt: LoginAttempt } | { ok: false; retryAfterS: number }> {
  const buckets = await bucketsOf(who);
  const counted: string[] = [];
  for (const [bucket, max] of buckets) {
    const hit = await hitCounter(db, bucket, { windowS: LOGIN_THROTTLE.windowS, now: who.now });
    counted.push(bucket);
    if (hit.count > max) return { ok: false, retryAfterS: hit.retryAfterS };
  }
  return { ok: true, attempt: { counted, accountIpBucket: buckets[1]![0], now: who.now } };
}

/**
 * The password was right: the attempt is given back everywhere it was counted, and the earlier
 * failures of this account from this IP are forgotten.
 */
export async function loginSucceeded(db: Db, attempt: LoginAttempt): Promise<void> {
  for (const bucket of attempt.counted) {
    if (bucket === attempt.accountIpBucket) continue;
    await refundCounter(db, bucket, { windowS: LOGIN_THROTTLE.windowS, now: attempt.now });
  }
  await resetCounter(db, attempt.accountIpBucket);
}
