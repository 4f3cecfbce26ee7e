/**
 * Wire schema of the background-jobs dashboard (`GET /api/admin/jobs`).
 *
 * @module
 */
import { z } from "zod";

/** Jobs of one kind in one state. */
export const JobCountSchema = z.object({
  kind: z.string().describe("the task, e.g. deliver_webhook, send_confirmation_email, online_sync"),
  state: z.enum(["waiting", "running", "failed"]).describe(
    "failed: no attempt left (retrying jobs are waiting)",
  ),
  count: z.number().int(),
});

/** A job whose last attempt failed. */
export const JobFailureSchema = z.object({
  kind: z.string(),
  job_id: z.string(),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  error: z.string(),
  next_attempt_at: z.string().nullable().describe("null: no attempt left"),
});

/** `GET /api/admin/jobs`. */
export const JobsDashboardSchema = z.object({
  engine: z.enum(["graphile-worker", "in-process"]),
  counts: z.array(JobCountSchema),
  recent_failures: z.array(JobFailureSchema).describe("the latest 20, most recent first"),
  optimisations: z.array(z.object({
    state: z.enum(["running", "done", "failed"]),
    count: z.number().int(),
  })).describe("optimisation jobs by state (they run on core's worker pool)"),
  deliveries: z.array(z.object({
    state: z.enum(["pending", "sending", "delivered", "dead"]),
    count: z.number().int(),
  })).describe("alert deliveries (the outbox) by state"),
}).meta({ id: "JobsDashboard" });
