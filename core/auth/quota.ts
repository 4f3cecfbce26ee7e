/**
 * The AI-analysis quota of the original product: a new account gets 3 free analyses, then 1 per
 * UTC day; credits from redemption codes are spent first; premium accounts are unlimited.
 *
 * Spending is race-free on SQLite and PostgreSQL alike: each step is one conditional
 * `UPDATE … WHERE <counter> > 0` (or `< limit`) whose `changes` says whether it won, inside one
 * transaction. Under PostgreSQL's row locks a concurrent update re-checks the condition on the
 * committed row, so fifty parallel requests (on any number of instances) never spend more than
 * there is.
 *
 * @module
 */
import { NotFoundError, QuotaExceededError } from "@trading/shared/errors";
import type { QuotaStatus } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import type { UserRow } from "./users.ts";

/** Analyses a free account may run per UTC day once its free ones are used. */
export const DAILY_LIMIT = 1;

/** Where one analysis was paid from. */
export type AnalysisSource = "premium" | "credit" | "free" | "daily";

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Epoch ms of the next UTC midnight after `now`. */
export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

function statusOf(row: UserRow, now: number): QuotaStatus {
  const today = utcDay(now);
  const usedToday = row.daily_day === today ? Number(row.daily_used) : 0;
  const dailyRemaining = Math.max(0, DAILY_LIMIT - usedToday);
  const unlimited = row.plan === "premium";
  const credits = Number(row.credits);
  const free = Number(row.free_remaining);
  return {
    plan: row.plan,
    unlimited,
    credits,
    free_remaining: free,
    daily_limit: DAILY_LIMIT,
    daily_remaining: dailyRemaining,
    remaining: unlimited ? null : credits + free + dailyRemaining,
    resets_at: new Date(nextUtcMidnight(now)).toISOString(),
  };
}

async function userRow(db: Db, userId: string): Promise<UserRow> {
  const rows = await db.query<UserRow>("SELECT * FROM users WHERE id = ?", [userId]);
  if (!rows[0]) throw new NotFoundError("No such user");
  return rows[0];
}

/**
 * The user's allowance at `now` (nothing is spent).
 *
 * @example
 * ```ts
 * import { migrateUp } from "../db/migrations.ts";
 * import { openSqlite } from "../db/sqlite.ts";
 * import { quotaStatus } from "./quota.ts";
 * import { createUser } from "./users.ts";
 *
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const user = await createUser(db, { email: "ana@example.com", now: Date.now() });
 * const q = await quotaStatus(db, user.id, { now: Date.now() });
 * q.remaining; // e.g. 3 for a new account
 * await db.close();
 * ```
 */
export async function quotaStatus(
  db: Db,
  userId: string,
  { now }: { now: number },
): Promise<QuotaStatus> {
  return statusOf(await userRow(db, userId), now);
}

/**
 * Spends one AI analysis for `userId`: premium (free of charge), else a credit, else a free
 * analysis, else today's allowance. Records a usage event. Throws {@link QuotaExceededError}
 * (HTTP 429, `Retry-After` = seconds to the next UTC midnight) when nothing is left.
 * `remaining` is what is left afterwards (null when unlimited).
 *
 * @example
 * ```ts
 * import { migrateUp } from "../db/migrations.ts";
 * import { openSqlite } from "../db/sqlite.ts";
 * import { consumeAnalysis } from "./quota.ts";
 * import { createUser } from "./users.ts";
 *
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const user = await createUser(db, { email: "ana@example.com", now: Date.now() });
 * const { source, remaining } = await consumeAnalysis(db, user.id, { now: Date.now() });
 * await db.close();
 * ```
 */
export async function consumeAnalysis(
  db: Db,
  userId: string,
  { now }: { now: number },
): Promise<{ source: AnalysisSource; remaining: number | null }> {
  const today = utcDay(now);
  const spent = await db.transaction(async (tx): Promise<AnalysisSource | null> => {
    const row = await userRow(tx, userId);
    let source: AnalysisSource | null = null;
    if (row.plan === "premium") source = "premium";
    else if (
      (await tx.run("UPDATE users SET credits = credits - 1 WHERE id = ? AND credits > 0", [
        userId,
      ])).changes === 1
    ) source = "credit";
    else if (
      (await tx.run(
        "UPDATE users SET free_remaining = free_remaining - 1 WHERE id = ? AND free_remaining > 0",
        [userId],
      )).changes === 1
    ) source = "free";
    else if (
      (await tx.run(
          `UPDATE users SET daily_day = ?, daily_used = 1
          WHERE id = ? AND (daily_day IS NULL OR daily_day <> ?)`,
          [today, userId, today],
        )).changes === 1 ||
      (await tx.run(
          `UPDATE users SET daily_used = daily_used + 1
          WHERE id = ? AND daily_day = ? AND daily_used < ?`,
          [userId, today, DAILY_LIMIT],
        )).changes === 1
    ) source = "daily";
    if (source) {
      await tx.run(
        "INSERT INTO usage_events (user_id, kind, source, created_at) VALUES (?, 'analysis', ?, ?)",
        [userId, source, now],
      );
    }
    return source;
  });
  if (!spent) {
    const retryAfter = Math.ceil((nextUtcMidnight(now) - now) / 1000);
    throw new QuotaExceededError(
      `No AI analyses left today; the daily allowance renews at ${
        new Date(nextUtcMidnight(now)).toISOString()
      } (redeem a code for more)`,
      retryAfter,
    );
  }
  const status = statusOf(await userRow(db, userId), now);
  return { source: spent, remaining: status.remaining };
}
