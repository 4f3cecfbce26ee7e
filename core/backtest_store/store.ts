/**
 * Stored backtest results with bounded retention: results are kept compacted (gzip, see
 * `compact.ts`); anonymous results expire after a TTL and share one storage cap; each user's
 * results are capped by count and bytes (the oldest go first). `purgeExpired` is the retention
 * job; `saveBacktest` also enforces the owner's caps in the same transaction as the insert.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { compactJson, expandJson } from "./compact.ts";

/** Retention limits (from the core configuration). */
export interface RetentionLimits {
  /** Hours an anonymous result is kept. */
  anonTtlHours: number;
  /** Bytes all anonymous results may take together. */
  anonMaxBytes: number;
  /** Bytes one user's results may take. */
  userMaxBytes: number;
  /** Results one user may keep. */
  userMaxCount: number;
}

/** A result to store. */
export interface NewBacktest {
  id: string;
  userId: string | null;
  symbols: readonly string[];
  strategy: string;
  /** The request body as received (JSON text). */
  request: string;
  /** The answered result (JSON text). */
  result: string;
  /** ISO time of creation (ordering). */
  createdAt: string;
}

/** Stores a result and deletes the owner's oldest results beyond the caps. */
export async function saveBacktest(
  db: Db,
  b: NewBacktest,
  { now, limits }: { now: number; limits: RetentionLimits },
): Promise<{ sizeBytes: number; evicted: number }> {
  const stored = await compactJson(b.result);
  const sizeBytes = stored.length + b.request.length;
  const expiresAt = b.userId === null ? now + limits.anonTtlHours * 3_600_000 : null;
  const evicted = await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO backtests (id, user_id, symbol, strategy, request, result, created_at,
                              expires_at, size_bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        b.id,
        b.userId,
        b.symbols.join(","),
        b.strategy,
        b.request,
        stored,
        b.createdAt,
        expiresAt,
        sizeBytes,
      ],
    );
    return b.userId === null
      ? await evictBeyond(tx, null, { maxBytes: limits.anonMaxBytes, maxCount: Infinity })
      : await evictBeyond(tx, b.userId, {
        maxBytes: limits.userMaxBytes,
        maxCount: limits.userMaxCount,
      });
  });
  return { sizeBytes, evicted };
}

async function evictBeyond(
  tx: Db,
  userId: string | null,
  { maxBytes, maxCount }: { maxBytes: number; maxCount: number },
): Promise<number> {
  const rows = await tx.query<{ id: string; size_bytes: number }>(
    `SELECT id, size_bytes FROM backtests WHERE ${
      userId === null ? "user_id IS NULL" : "user_id = ?"
    } ORDER BY created_at DESC, id DESC`,
    userId === null ? [] : [userId],
  );
  let bytes = 0;
  const doomed: string[] = [];
  rows.forEach((r, i) => {
    bytes += Number(r.size_bytes);
    // the newest result (just stored) is always kept
    if (i > 0 && (i >= maxCount || bytes > maxBytes)) doomed.push(r.id);
  });
  for (let i = 0; i < doomed.length; i += 500) {
    const chunk = doomed.slice(i, i + 500);
    await tx.run(`DELETE FROM backtests WHERE id IN (${chunk.map(() => "?").join(",")})`, chunk);
  }
  return doomed.length;
}

/** A stored result's JSON text and owner, or null when unknown or expired. */
export async function loadBacktest(
  db: Db,
  id: string,
  { now }: { now: number },
): Promise<{ userId: string | null; result: string } | null> {
  const rows = await db.query<
    { user_id: string | null; result: string; expires_at: number | null }
  >(
    "SELECT user_id, result, expires_at FROM backtests WHERE id = ?",
    [id],
  );
  const row = rows[0];
  if (!row || (row.expires_at !== null && Number(row.expires_at) <= now)) return null;
  return { userId: row.user_id, result: await expandJson(row.result) };
}

/** The JSON texts of a user's newest results. */
export async function recentBacktests(db: Db, userId: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ result: string }>(
    "SELECT result FROM backtests WHERE user_id = ? ORDER BY created_at DESC LIMIT ?",
    [userId, limit],
  );
  return await Promise.all(rows.map((r) => expandJson(r.result)));
}

/** The retention job: deletes expired results; returns how many. */
export async function purgeExpiredBacktests(db: Db, { now }: { now: number }): Promise<number> {
  const r = await db.run(
    "DELETE FROM backtests WHERE expires_at IS NOT NULL AND expires_at <= ?",
    [now],
  );
  return r.changes;
}

/** Retention limits from the core configuration's `BACKTEST_*` settings. */
export function retentionLimits(config: {
  BACKTEST_ANON_TTL_HOURS: number;
  BACKTEST_ANON_MAX_MB: number;
  BACKTEST_USER_MAX_MB: number;
  BACKTEST_USER_MAX_COUNT: number;
}): RetentionLimits {
  return {
    anonTtlHours: config.BACKTEST_ANON_TTL_HOURS,
    anonMaxBytes: config.BACKTEST_ANON_MAX_MB * 1024 * 1024,
    userMaxBytes: config.BACKTEST_USER_MAX_MB * 1024 * 1024,
    userMaxCount: config.BACKTEST_USER_MAX_COUNT,
  };
}
