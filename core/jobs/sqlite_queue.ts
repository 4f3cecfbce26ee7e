/**
 * The in-process job runner used on SQLite: jobs are rows of the `jobs` table (so a job added
 * in a transaction commits with it and survives a restart), claimed with a lease by one
 * statement (the lease renewed while the job runs), run with bounded concurrency, deleted when
 * done, retried with backoff when they throw, left failed after `max_attempts`.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";
import {
  type AddJobOptions,
  type JobCount,
  type JobFailure,
  type JobHandler,
  type JobPayload,
  type JobQueue,
  retryDelayMs,
} from "./queue.ts";

interface JobRow {
  id: string;
  task: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/** Options of {@link SqliteJobQueue}. */
export interface SqliteQueueOptions {
  /** Jobs run at once (default 16). */
  concurrency?: number;
  /** How often the table is polled when idle, ms (default 250). */
  pollMs?: number;
  /** How long a claimed job is leased before another run may take it, ms (default 60 s). */
  leaseMs?: number;
  /** Clock (ms). */
  now?: () => number;
}

/**
 * {@link JobQueue} on the `jobs` table, run in this process.
 *
 * @example
 * ```ts
 * import { openSqlite } from "../db/sqlite.ts";
 * import { migrateUp } from "../db/migrations.ts";
 * import { createLogger } from "@trading/shared/log";
 * import { SqliteJobQueue } from "./sqlite_queue.ts";
 *
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const queue = new SqliteJobQueue(db, createLogger({ service: "doc", write: () => {} }));
 * const done = Promise.withResolvers<unknown>();
 * await queue.start({ hello: async (p) => done.resolve(p) });
 * await db.transaction((tx) => queue.add(tx, "hello", { n: 1 }));
 * await done.promise; // { n: 1 }
 * await queue.stop();
 * await db.close();
 * ```
 */
export class SqliteJobQueue implements JobQueue {
  readonly engine = "in-process" as const;
  readonly #db: Db;
  readonly #logger: Logger;
  readonly #concurrency: number;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #now: () => number;
  #tasks: Readonly<Record<string, JobHandler>> | null = null;
  #running = new Set<Promise<void>>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;
  #polling = false;

  /** @param db the database holding `jobs` @param logger where failures go */
  constructor(db: Db, logger: Logger, options: SqliteQueueOptions = {}) {
    this.#db = db;
    this.#logger = logger;
    this.#concurrency = options.concurrency ?? 16;
    this.#pollMs = options.pollMs ?? 250;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  async add(db: Db, task: string, payload: JobPayload, o: AddJobOptions = {}): Promise<void> {
    const now = this.#now();
    await db.run(
      `INSERT INTO jobs (id, task, payload, job_key, run_at, attempts, max_attempts, created_at)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (job_key) DO NOTHING`,
      [
        crypto.randomUUID(),
        task,
        JSON.stringify(payload),
        o.key ?? null,
        o.runAt ?? now,
        o.maxAttempts ?? 10,
        now,
      ],
    );
    this.#wake(o.runAt !== undefined ? Math.max(0, o.runAt - now) : 5);
  }

  start(tasks: Readonly<Record<string, JobHandler>>): Promise<void> {
    if (this.#tasks) throw new Error("Cannot start the job queue: it is already running");
    this.#tasks = tasks;
    this.#stopped = false;
    this.#wake(0);
    return Promise.resolve();
  }

  handles(task: string): boolean {
    return !this.#stopped && this.#tasks?.[task] !== undefined;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await Promise.allSettled([...this.#running]);
    this.#tasks = null;
  }

  async counts(): Promise<JobCount[]> {
    const now = this.#now();
    const rows = await this.#db.query<{ task: string; state: JobCount["state"]; n: number }>(
      `SELECT task, CASE WHEN attempts >= max_attempts AND (locked_until IS NULL OR locked_until < ?)
                           THEN 'failed'
                         WHEN locked_until >= ? THEN 'running' ELSE 'waiting' END AS state,
              COUNT(*) AS n
         FROM jobs GROUP BY 1, 2 ORDER BY 1, 2`,
      [now, now],
    );
    return rows.map((r) => ({ task: r.task, state: r.state, count: Number(r.n) }));
  }

  async recentFailures(limit: number): Promise<JobFailure[]> {
    const rows = await this.#db.query<
      {
        id: string;
        task: string;
        attempts: number;
        max_attempts: number;
        last_error: string;
        run_at: number;
      }
    >(
      `SELECT id, task, attempts, max_attempts, last_error, run_at FROM jobs
        WHERE last_error IS NOT NULL ORDER BY run_at DESC, id LIMIT ?`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      task: r.task,
      attempts: Number(r.attempts),
      maxAttempts: Number(r.max_attempts),
      error: r.last_error,
      nextAttemptAt: Number(r.attempts) >= Number(r.max_attempts) ? null : Number(r.run_at),
    }));
  }

  #wake(delayMs: number): void {
    if (!this.#tasks || this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#poll(), Math.min(delayMs, this.#pollMs));
  }

  async #poll(): Promise<void> {
    this.#timer = null;
    if (this.#polling || !this.#tasks || this.#stopped) return;
    this.#polling = true;
    let claimed = 0;
    try {
      const free = this.#concurrency - this.#running.size;
      if (free > 0) {
        const now = this.#now();
        const rows = await this.#db.transaction((tx) =>
          tx.query<JobRow>(
            `UPDATE jobs SET locked_until = ?, attempts = attempts + 1
              WHERE id IN (SELECT id FROM jobs
                            WHERE run_at <= ? AND attempts < max_attempts
                              AND (locked_until IS NULL OR locked_until < ?)
                            ORDER BY run_at LIMIT ?)
              RETURNING id, task, payload, attempts, max_attempts`,
            [now + this.#leaseMs, now, now, free],
          )
        );
        claimed = rows.length;
        for (const row of rows) this.#launch(row);
      }
    } catch (e) {
      this.#logger.error("job queue poll failed", { error: (e as Error).message });
    } finally {
      this.#polling = false;
      this.#wake(claimed > 0 ? 0 : this.#pollMs);
    }
  }

  #launch(row: JobRow): void {
    const p = this.#run(row).finally(() => {
      this.#running.delete(p);
      this.#wake(0);
    });
    this.#running.add(p);
  }

  async #run(row: JobRow): Promise<void> {
    const handler = this.#tasks?.[row.task];
    // a job running longer than its lease keeps it, so no poll takes it a second time
    const renew = setInterval(() => {
      this.#db.run("UPDATE jobs SET locked_until = ? WHERE id = ?", [
        this.#now() + this.#leaseMs,
        row.id,
      ]).catch(() => {});
    }, Math.max(10, Math.floor(this.#leaseMs / 3)));
    try {
      if (!handler) throw new Error(`no handler for task ${row.task}`);
      await handler(JSON.parse(row.payload), { id: row.id, attempt: Number(row.attempts) });
      await this.#db.run("DELETE FROM jobs WHERE id = ?", [row.id]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.#logger.warn("job failed", { task: row.task, job_id: row.id, error: message });
      await this.#db.run(
        "UPDATE jobs SET locked_until = NULL, run_at = ?, last_error = ? WHERE id = ?",
        [this.#now() + retryDelayMs(Number(row.attempts)), message.slice(0, 500), row.id],
      ).catch(() => {});
    } finally {
      clearInterval(renew);
    }
  }
}
