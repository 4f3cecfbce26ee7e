/**
 * The background-work dashboard of `GET /api/admin/jobs`: the queue's jobs by task and state
 * and its latest failures, with the optimisation jobs and the alert outbox by state.
 *
 * @module
 */
import type { z } from "zod";
import type { JobsDashboardSchema } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import type { JobQueue } from "./queue.ts";

/** Failures listed. */
export const RECENT_FAILURES = 20;

/** The dashboard of `queue` on `db`. */
export async function jobsDashboard(
  db: Db,
  queue: JobQueue,
): Promise<z.infer<typeof JobsDashboardSchema>> {
  const [counts, failures, optimisations, deliveries] = await Promise.all([
    queue.counts(),
    queue.recentFailures(RECENT_FAILURES),
    db.query<{ state: "running" | "done" | "failed"; n: number }>(
      "SELECT status AS state, COUNT(*) AS n FROM optimisations GROUP BY status ORDER BY status",
    ),
    db.query<{ state: "pending" | "sending" | "delivered" | "dead"; n: number }>(
      "SELECT status AS state, COUNT(*) AS n FROM alert_deliveries GROUP BY status ORDER BY status",
    ),
  ]);
  return {
    engine: queue.engine,
    counts: counts.map((c) => ({ kind: c.task, state: c.state, count: c.count })),
    recent_failures: failures.map((f) => ({
      kind: f.task,
      job_id: f.id,
      attempts: f.attempts,
      max_attempts: f.maxAttempts,
      error: f.error,
      next_attempt_at: f.nextAttemptAt === null ? null : new Date(f.nextAttemptAt).toISOString(),
    })),
    optimisations: optimisations.map((r) => ({ state: r.state, count: Number(r.n) })),
    deliveries: deliveries.map((r) => ({ state: r.state, count: Number(r.n) })),
  };
}
