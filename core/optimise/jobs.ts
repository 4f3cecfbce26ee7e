/**
 * Optimisation jobs: stored in the database (so any instance can report on them), run in the
 * background on a lazily created worker pool, with progress written at most every
 * `writeEveryMs`. With a job queue that runs {@link OPTIMISE_TASK} (core's, once started), a
 * submitted job is a queue job added in the same transaction as its row, run by whichever
 * instance takes it ({@link OptimisationJobs.runQueued}, the plan rebuilt from the stored
 * request); without one (tools, tests) it runs at once in this process.
 *
 * @module
 */
import { QuotaExceededError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { Logger } from "@trading/shared/log";
import type { JobQueue } from "../jobs/queue.ts";
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
/** How often a live job touches its row while it waits or runs. */
export const HEARTBEAT_MS = 20_000;

/** Who submits a job: the signed-in user, else the client's IP. */
export interface JobOwner {
  /** Signed-in user, or null. */
  userId: string | null;
  /** Client IP (counts anonymous jobs). */
  ip: string;
}

/** Progress of a job running on this instance, as pushed to watchers. */
export interface LiveProgress {
  done: number;
  total: number;
  status: JobRow["status"];
}

/** Seconds a client is told to wait when the running-job limits are reached. */
export const RETRY_AFTER_S = 10;

/** The queue task that runs a stored optimisation (`{optimisation_id}`). */
export const OPTIMISE_TASK = "optimise";

/** Starts and reports optimisation jobs. */
export class OptimisationJobs {
  readonly #db: Db;
  readonly #logger: Logger;
  readonly #poolSize: number;
  readonly #writeEveryMs: number;
  readonly #maxPerOwner: number;
  readonly #maxRunning: number;
  readonly #queue: JobQueue | null;
  readonly #running = new Set<Promise<void>>();
  readonly #live = new Map<string, LiveProgress & { watchers: Set<(p: LiveProgress) => void> }>();
  #pool: WorkerPool | null = null;

  /**
   * @param db where jobs are stored
   * @param logger for failures
   * @param options `poolSize` workers (default min(2, cores)), `writeEveryMs` (default 200),
   * `maxPerOwner` running jobs per user or anonymous IP (default 1) and `maxRunning` across
   * every instance sharing the database (default 4); `queue`: the job queue that runs
   * {@link OPTIMISE_TASK} once started (default none: jobs run in this process)
   */
  constructor(
    db: Db,
    logger: Logger,
    {
      poolSize = Math.min(2, navigator.hardwareConcurrency || 1),
      writeEveryMs = 200,
      maxPerOwner = 1,
      maxRunning = 4,
      queue = null,
    }: {
      poolSize?: number;
      writeEveryMs?: number;
      maxPerOwner?: number;
      maxRunning?: number;
      queue?: JobQueue | null;
    } = {},
  ) {
    this.#db = db;
    this.#logger = logger;
    this.#poolSize = poolSize;
    this.#writeEveryMs = writeEveryMs;
    this.#maxPerOwner = maxPerOwner;
    this.#maxRunning = maxRunning;
    this.#queue = queue;
  }

  /**
   * Stores a job for `plan` and starts it; resolves with its id once stored. Refuses with a
   * {@link QuotaExceededError} (429 with Retry-After) when the owner already runs
   * `maxPerOwner` jobs or `maxRunning` jobs run in all; the count is taken in the database
   * (running jobs not stale), so it holds across instances.
   */
  async submit(plan: OptimisationPlan, request: unknown, owner: JobOwner): Promise<string> {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    // anonymous jobs are counted by IP, kept as the first key of the stored request
    const stored = owner.userId === null
      ? JSON.stringify({ client_ip: owner.ip, request })
      : JSON.stringify({ request });
    const queue = this.#queue?.handles(OPTIMISE_TASK) ? this.#queue : null;
    await this.#db.transaction(async (tx) => {
      // PostgreSQL: serialise the check-then-insert across instances
      if (tx.dialect === "postgres") await tx.query("SELECT pg_advisory_xact_lock(4004)");
      const cutoff = new Date(Date.now() - STALE_JOB_MS).toISOString();
      const mine = owner.userId === null
        ? { sql: "user_id IS NULL AND request LIKE ? ESCAPE '!'", arg: ipPrefix(owner.ip) }
        : { sql: "user_id = ?", arg: owner.userId };
      const [c] = await tx.query<{ n: number; mine: number | null }>(
        `SELECT COUNT(*) AS n, SUM(CASE WHEN ${mine.sql} THEN 1 ELSE 0 END) AS mine
           FROM optimisations WHERE status = 'running' AND updated_at > ?`,
        [mine.arg, cutoff],
      );
      const n = Number(c?.n ?? 0), own = Number(c?.mine ?? 0);
      if (own >= this.#maxPerOwner) {
        throw new QuotaExceededError(
          `${own} optimisation${own === 1 ? " is" : "s are"} already running for you (at most ` +
            `${this.#maxPerOwner} at a time); wait for it to finish or retry later`,
          RETRY_AFTER_S,
        );
      }
      if (n >= this.#maxRunning) {
        throw new QuotaExceededError(
          `${n} optimisations are running on the server (at most ${this.#maxRunning}); retry later`,
          RETRY_AFTER_S,
        );
      }
      await tx.run(
        `INSERT INTO optimisations (id, user_id, kind, request, status, done, total, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'running', 0, ?, ?, ?)`,
        [
          id,
          owner.userId,
          plan.windows ? "walk_forward" : "grid",
          stored,
          plan.total,
          now,
          now,
        ],
      );
      await queue?.add(tx, OPTIMISE_TASK, { optimisation_id: id }, {
        key: `${OPTIMISE_TASK}:${id}`,
        maxAttempts: 1,
      });
    });
    if (!queue) this.#start(id, plan);
    return id;
  }

  #start(id: string, plan: OptimisationPlan): Promise<void> {
    this.#live.set(id, { done: 0, total: plan.total, status: "running", watchers: new Set() });
    const p = this.#run(id, plan).finally(() => this.#running.delete(p));
    this.#running.add(p);
    return p;
  }

  /**
   * Runs a stored job taken from the queue: `planOf` rebuilds its plan from the stored
   * request. Resolves when it is done or failed; a job that is no longer running (finished,
   * or reported interrupted) is skipped.
   */
  async runQueued(
    id: string,
    planOf: (request: unknown) => Promise<OptimisationPlan>,
  ): Promise<void> {
    // a job left waiting past STALE_JOB_MS is reported interrupted by get(): not run then
    if ((await this.get(id))?.status !== "running") return;
    const rows = await this.#db.query<{ request: string }>(
      "SELECT request FROM optimisations WHERE id = ?",
      [id],
    );
    const row = rows[0]!;
    let plan: OptimisationPlan;
    try {
      plan = await planOf((JSON.parse(row.request) as { request: unknown }).request);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await this.#db.run(
        "UPDATE optimisations SET status = 'failed', error = ?, updated_at = ? WHERE id = ? AND status = 'running'",
        [`cannot run: ${message}`, new Date().toISOString(), id],
      );
      return;
    }
    await this.#start(id, plan);
  }

  /**
   * Subscribes to the progress of a job running on this instance: `fn` is called on each
   * progress report and once with the final status. Returns the unsubscribe function, or null
   * when the job does not run here (poll the database instead).
   */
  watch(id: string, fn: (p: LiveProgress) => void): (() => void) | null {
    const live = this.#live.get(id);
    if (!live) return null;
    live.watchers.add(fn);
    return () => live.watchers.delete(fn);
  }

  #publish(id: string, patch: Partial<LiveProgress>): void {
    const live = this.#live.get(id);
    if (!live) return;
    Object.assign(live, patch);
    const p = { done: live.done, total: live.total, status: live.status };
    for (const fn of live.watchers) fn(p);
    if (live.status !== "running") this.#live.delete(id);
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
      this.#publish(id, { done });
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
    // Heartbeat while the job waits for or runs on the pool, so that only a job whose instance
    // stopped goes silent for STALE_JOB_MS (a queued job is not mistaken for a dead one).
    const beat = setInterval(() => {
      writing = writing.then(() =>
        this.#db.run(
          "UPDATE optimisations SET updated_at = ? WHERE id = ? AND status = 'running'",
          [
            new Date().toISOString(),
            id,
          ],
        )
      ).catch(() => {});
    }, HEARTBEAT_MS);
    try {
      const result = await runPlan(plan, this.#pool, progress);
      clearInterval(beat);
      await writing;
      await this.#db.run(
        "UPDATE optimisations SET status = 'done', done = total, result = ?, updated_at = ? WHERE id = ? AND status = 'running'",
        [JSON.stringify(result), new Date().toISOString(), id],
      );
      this.#publish(id, { status: "done" });
    } catch (e) {
      clearInterval(beat);
      await writing.catch(() => {});
      const message = e instanceof Error ? e.message : String(e);
      this.#logger.error("optimisation failed", { id, error: message });
      // a background job: a status that cannot be written (database down or closed at shutdown)
      // is logged, never an unhandled rejection that takes the process down
      await this.#db.run(
        "UPDATE optimisations SET status = 'failed', error = ?, updated_at = ? WHERE id = ? AND status = 'running'",
        [message, new Date().toISOString(), id],
      ).catch((err) =>
        this.#logger.error("optimisation status not saved", {
          id,
          error: err instanceof Error ? err.message : String(err),
        })
      ).finally(() => this.#publish(id, { status: "failed" }));
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

/** The LIKE pattern of requests stored for anonymous `ip` (`!` escapes LIKE wildcards). */
function ipPrefix(ip: string): string {
  return `{"client_ip":${JSON.stringify(ip)},`.replace(/[!%_]/g, "!$&") + "%";
}
