/**
 * The admin usage report: AI analyses per user (today, UTC, and in total) from `usage_events`.
 *
 * @module
 */
import type { Db } from "../db/db.ts";

/** One user's line of the report. */
export interface UsageLine {
  id: string;
  email: string;
  role: "user" | "admin";
  plan: "free" | "premium";
  credits: number;
  analyses: number;
  analyses_today: number;
  last_analysis_at: string | null;
}

/** Usage of every user, most active first. */
export async function usageReport(
  db: Db,
  { now, today }: { now: number; today: string },
): Promise<
  {
    since: string;
    totals: { users: number; analyses: number; analyses_today: number };
    users: UsageLine[];
  }
> {
  const since = Date.parse(`${today}T00:00:00Z`);
  const rows = await db.query<{
    id: string;
    email: string;
    role: "user" | "admin";
    plan: "free" | "premium";
    credits: number;
    analyses: number;
    analyses_today: number | null;
    last_at: number | null;
  }>(
    `SELECT u.id, u.email, u.role, u.plan, u.credits,
            COUNT(e.id) AS analyses,
            SUM(CASE WHEN e.created_at >= ? THEN 1 ELSE 0 END) AS analyses_today,
            MAX(e.created_at) AS last_at
       FROM users u LEFT JOIN usage_events e ON e.user_id = u.id AND e.created_at <= ?
      GROUP BY u.id, u.email, u.role, u.plan, u.credits
      ORDER BY analyses DESC, u.email`,
    [since, now],
  );
  const users = rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    plan: r.plan,
    credits: Number(r.credits),
    analyses: Number(r.analyses),
    analyses_today: Number(r.analyses_today ?? 0),
    last_analysis_at: r.last_at === null ? null : new Date(Number(r.last_at)).toISOString(),
  }));
  return {
    since: new Date(since).toISOString(),
    totals: {
      users: users.length,
      analyses: users.reduce((a, u) => a + u.analyses, 0),
      analyses_today: users.reduce((a, u) => a + u.analyses_today, 0),
    },
    users,
  };
}
