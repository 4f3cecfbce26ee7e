/**
 * Server-side sessions: a random 256-bit token goes to the browser in an HttpOnly cookie; the
 * database keeps only its SHA-256. A session dies after `SESSION_IDLE_TIMEOUT_S` without use or
 * `SESSION_MAX_AGE_S` after sign-in, on sign-out, and (all of a user's) on password change.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { newId, randomToken, sha256Hex } from "./crypto.ts";
import type { UserRow } from "./users.ts";

/** Lifetimes in seconds. */
export interface SessionTimes {
  /** Idle timeout. */
  idleS: number;
  /** Absolute lifetime. */
  maxAgeS: number;
}

/** `last_seen_at` is written at most this often (ms), to keep reads cheap. */
const TOUCH_EVERY_MS = 60_000;

/** Creates a session for `userId`; returns the raw token (only ever sent to the client). */
export async function createSession(
  db: Db,
  userId: string,
  { now, maxAgeS }: { now: number; maxAgeS: number },
): Promise<{ token: string; expiresAt: number }> {
  const token = randomToken(32);
  const expiresAt = now + maxAgeS * 1000;
  await db.run(
    `INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [newId(), await sha256Hex(token), userId, now, now, expiresAt],
  );
  return { token, expiresAt };
}

/**
 * The user of a live session token, or null (unknown, idle too long or past its absolute
 * expiry; a dead session is deleted). Refreshes `last_seen_at`.
 */
export async function sessionUser(
  db: Db,
  token: string,
  { now, idleS }: { now: number; idleS: number },
): Promise<{ user: UserRow; sessionId: string } | null> {
  const hash = await sha256Hex(token);
  const rows = await db.query<UserRow & { sid: string; last_seen_at: number; expires_at: number }>(
    `SELECT u.*, s.id AS sid, s.last_seen_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  const lastSeen = Number(row.last_seen_at);
  if (now >= Number(row.expires_at) || now - lastSeen >= idleS * 1000) {
    await db.run("DELETE FROM sessions WHERE id = ?", [row.sid]);
    return null;
  }
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    await db.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", [now, row.sid]);
  }
  const { sid, last_seen_at: _l, expires_at: _e, ...user } = row;
  return { user: user as UserRow, sessionId: sid };
}

/** Deletes the session of `token` (sign-out). */
export async function revokeSession(db: Db, token: string): Promise<void> {
  await db.run("DELETE FROM sessions WHERE token_hash = ?", [await sha256Hex(token)]);
}

/** Deletes every session of a user (password change); returns how many there were. */
export async function revokeUserSessions(db: Db, userId: string): Promise<number> {
  return (await db.run("DELETE FROM sessions WHERE user_id = ?", [userId])).changes;
}

/** Deletes sessions that have expired by `now` (housekeeping). */
export async function purgeExpiredSessions(
  db: Db,
  { now, idleS }: { now: number; idleS: number },
): Promise<number> {
  const r = await db.run("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", [
    now,
    now - idleS * 1000,
  ]);
  return r.changes;
}
