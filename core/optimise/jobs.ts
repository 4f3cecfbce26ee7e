/**
 * Optimisation jobs: stored in the database (so any instance can report on them), run in the
 * background on a lazily created worker pool, with progress written at most every
 * `writeEveryMs`.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { Logger } from "@trading/shared/log";
import type { OptimisationPlan } from "./plan.ts";
import { WorkerPool } from "./pool.ts";
import { runPlan } from "./run_plan.ts";

/** A job as stored. */
export interface JobRow {
  id: string;
  user_id: string | null;
  kind: string;
  status: "running" | "done" | "failed";
  done: number;
  total: number;
  result: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** A running job without progress for this long is reported as failed (its instance stopped). */
export const STALE_JOB_MS = 120_000;

/** Starts and reports optimisation jobs. */
export class OptimisationJobs {
  readonly #db: Db;
  readonly #logger: Logger;
  readonly #poolSize: number;
  readonly #writeEveryMs: number;
  readonly #running = new Set<Promise<void>>();
  #pool: WorkerPool | null = null;

  /**
   * @param db where jobs are stored
   * @param logger for failures
   * @param options `poolSize` workers (default min(2, cores)), `writeEveryMs` (default 200)
   */
  constructor(
    db: Db,
    logger: Logger,
    { poolSize = Math.min(2, navigator.hardwareConcurrency || 1), writeEveryMs = 200 } = {},
  ) {
    this.#db = db;
    this.#logger = logger;
    this.#poolSize = poolSize;
    this.#writeEveryMs = writeEveryMs;
  }

  /** Stores a job for `plan` and starts it; resolves with its id once stored. */
  async submit(plan: OptimisationPlan, request: unknown, userId: string | null): Promise<string> {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    await this.#db.run(
      `INSERT INTO optimisations (id, user_id, kind, request, status, done, total, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'running', 0, ?, ?, ?)`,
      [
        id,
        userId,
        plan.windows ? "walk_forward" : "grid",
        JSON.stringify(request),
        plan.total,
        now,
        now,
      ],
    );
    const p = this.#run(id, plan).finally(() => this.#running.delete(p));
    this.#running.add(p);
    return id;
  }

  async #run(id: string, plan: OptimisationPlan): Promise<void> {
    if (!this.#pool) {
      this.#pool = new WorkerPool(this.#poolSize);
      if (this.#pool.inline) {
        this.#logger.warn("optimiser runs on the main thread", {
          reason:
            "no read permission on core/ for Web Workers (grant --allow-read of core/, shared/, node_modules/)",
        });
      }
    }
    let last = 0, writing: Promise<unknown> = Promise.resolve();
    const progress = (done: number) => {
      const t = performance.now();
      if (t - last < this.#writeEveryMs) return;
      last = t;
      writing = writing.then(() =>
        this.#db.run(
          "UPDATE optimisations SET done = ?, updated_at = ? WHERE id = ? AND status = 'running'",
          [
            done,
            new Date().toISOString(),
            id,
          ],
        )
      );
    };
    try {
      const result = await runPlan(plan, this.#pool, progress);
      await writing;
      await this.#db.run(
        "UPDATE optimisations SET status = 'done', done = total, result = ?, updated_at = ? WHERE id = ?",
        [JSON.stringify(result), new Date().toISOString(), id],
      );
    } catch (e) {
      await writing.catch(() => {});
      const message = e instanceof Error ? e.message : String(e);
      this.#logger.error("optimisation failed", { id, error: message });
      await this.#db.run(
        "UPDATE optimisations SET status = 'failed', error = ?, updated_at = ? WHERE id = ?",
        [message, new Date().toISOString(), id],
      );
    }
  }

  /** The stored job, or null. */
  async get(id: string): Promise<JobRow | null> {
    const rows = await this.#db.query<JobRow>(
      `SELECT id, user_id, kind, status, done, total, result, error, created_at, updated_at
         FROM optimisations WHERE id = ?`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    const job = { ...r, done: Number(r.done), total: Number(r.total) };
    // A running job writes progress at least every few hundred ms; one silent for longer than
    // STALE_JOB_MS ran on an instance that stopped (crash, deploy): report it as failed.
    if (job.status === "running" && Date.now() - Date.parse(job.updated_at) > STALE_JOB_MS) {
      const error = `interrupted: no progress for ${
        STALE_JOB_MS / 1000
      } s (the instance running it stopped); submit it again`;
      const at = new Date().toISOString();
      await this.#db.run(
        "UPDATE optimisations SET status = 'failed', error = ?, updated_at = ? WHERE id = ? AND status = 'running' AND updated_at = ?",
        [error, at, id, job.updated_at],
      );
      return { ...job, status: "failed", error, updated_at: at };
    }
    return job;
  }

  /** Waits for the jobs of this instance to finish (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size) await Promise.all([...this.#running]);
  }

  /** Waits for running jobs, then stops the workers. */
  async close(): Promise<void> {
    await this.idle();
    this.#pool?.close();
    this.#pool = null;
  }
}
