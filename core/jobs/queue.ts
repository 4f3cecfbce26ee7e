/**
 * One job interface for all background work: graphile-worker on PostgreSQL
 * (`graphile_queue.ts`), an in-process runner over a `jobs` table on SQLite
 * (`sqlite_queue.ts`). A job added with the `Db` of an open transaction commits or rolls back
 * with it, which is what makes the alert outbox atomic.
 *
 * @module
 */
import type { Db } from "../db/db.ts";

/** A job's JSON payload. */
export type JobPayload = Record<string, unknown>;

/** What a handler learns about its run. */
export interface JobInfo {
  /** Job id. */
  id: string;
  /** 1 on the first run. */
  attempt: number;
}

/** Runs one job; a thrown error makes the queue retry it with its backoff. */
export type JobHandler = (payload: JobPayload, info: JobInfo) => Promise<void>;

/** Options of {@link JobQueue.add}. */
export interface AddJobOptions {
  /** A key: while a job with it is waiting, adding another with the same key does nothing. */
  key?: string;
  /** When to run it (ms since epoch; default now). */
  runAt?: number;
  /** Attempts before the job is left failed (default 10). */
  maxAttempts?: number;
}

/** Jobs per task and state, for the admin dashboard. */
export interface JobCount {
  /** Task name. */
  task: string;
  /** `waiting`, `running` or `failed` (attempts used up). */
  state: "waiting" | "running" | "failed";
  /** Number of jobs. */
  count: number;
}

/** A job whose last attempt failed: retrying, or left failed after its last attempt. */
export interface JobFailure {
  /** Job id. */
  id: string;
  /** Task name. */
  task: string;
  /** Attempts made. */
  attempts: number;
  /** Attempts allowed. */
  maxAttempts: number;
  /** The last error. */
  error: string;
  /** When it runs again (ms), or null when it has no attempt left. */
  nextAttemptAt: number | null;
}

/** A job queue: add jobs (in the caller's transaction), run handlers. */
export interface JobQueue {
  /** Which engine runs the jobs. */
  readonly engine: "graphile-worker" | "in-process";
  /** Adds a job through `db` (pass a transaction's `Db` to make it part of it). */
  add(db: Db, task: string, payload: JobPayload, options?: AddJobOptions): Promise<void>;
  /** Starts running jobs of the given tasks (once). */
  start(tasks: Readonly<Record<string, JobHandler>>): Promise<void>;
  /** True while this queue runs and has a handler for `task` (it was started with it). */
  handles(task: string): boolean;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
  /** Jobs per task and state. */
  counts(): Promise<JobCount[]>;
  /** The latest jobs whose last attempt failed, most recent first (at most `limit`). */
  recentFailures(limit: number): Promise<JobFailure[]>;
}

/** Backoff of a failed job before its next attempt: e^min(attempt, 10) seconds, as graphile-worker. */
export function retryDelayMs(attempt: number): number {
  return Math.round(Math.exp(Math.min(attempt, 10)) * 1000);
}
