/**
 * The job queue on PostgreSQL: graphile-worker (chosen over pg-boss because a job is added by
 * a plain SQL function, `graphile_worker.add_job(...)`, so it joins the caller's transaction on
 * our own `npm:postgres` connection — the outbox needs exactly that — and because it wakes
 * workers with LISTEN/NOTIFY instead of polling). Its schema is installed by
 * {@link GraphileJobQueue.migrate}; its pool (`npm:pg`) is separate from the app's.
 *
 * @module
 */
import type { Logger as GraphileLoggerType, Runner } from "graphile-worker";
import nodeOs from "node:os";
import nodeProcess from "node:process";
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";
import { splitPoolOptions } from "../db/postgres.ts";
import type {
  AddJobOptions,
  JobCount,
  JobFailure,
  JobHandler,
  JobPayload,
  JobQueue,
} from "./queue.ts";

/** Options of {@link GraphileJobQueue}. */
export interface GraphileQueueOptions {
  /** Jobs run at once by this process (default 16). */
  concurrency?: number;
  /** Poll interval for jobs scheduled in the future, ms (default 1000). */
  pollMs?: number;
  /**
   * Jobs fetched (and locked) per database round trip and handed out locally (default
   * concurrency + 1; 0 fetches one job per worker per round trip). A process killed with jobs
   * in its local queue leaves them locked until graphile-worker's lock expiry (4 h), as it
   * does for the jobs it is running.
   */
  localQueueSize?: number;
  /** Completions batched within this many ms into one statement (default 0: the same tick; -1 off). */
  completeBatchMs?: number;
}

type Graphile = typeof import("graphile-worker");
let loaded: Promise<Graphile> | null = null;

/**
 * Imports graphile-worker. At import it searches the working directory and its parents up to
 * the home directory for a config file (cosmiconfig), which core's narrow `--allow-read` /
 * `--allow-sys` do not grant; for the duration of the import the search is pointed at
 * `node_modules/` (readable by core, and holding no such file), then restored.
 */
function graphile(): Promise<Graphile> {
  loaded ??= (async () => {
    const here = new URL("../../node_modules/", import.meta.url).pathname.replace(/\/$/, "");
    const [cwd, home] = [nodeProcess.cwd, nodeOs.homedir];
    nodeProcess.cwd = () => here;
    nodeOs.homedir = () => here;
    try {
      return await import("graphile-worker");
    } finally {
      nodeProcess.cwd = cwd;
      nodeOs.homedir = home;
    }
  })();
  return loaded;
}

function loggerFor(g: Graphile, logger: Logger): GraphileLoggerType {
  return new g.Logger((scope) => (level, message, meta) => {
    const fields = { scope: JSON.stringify(scope), ...(meta ?? {}) };
    if (level === "error") logger.error(`graphile-worker: ${message}`, fields);
    else if (level === "warning") logger.warn(`graphile-worker: ${message}`, fields);
    else logger.debug(`graphile-worker: ${message}`, fields);
  });
}

/** {@link JobQueue} on graphile-worker. */
export class GraphileJobQueue implements JobQueue {
  readonly engine = "graphile-worker" as const;
  readonly #db: Db;
  readonly #url: string;
  readonly #logger: Logger;
  readonly #options: GraphileQueueOptions;
  #runner: Runner | null = null;
  #tasks = new Set<string>();

  /**
   * @param db the app's database (the same PostgreSQL), for the dashboard's counts
   * @param url its URL (pool settings of ours are removed) for graphile-worker's own pool
   * @param logger where graphile-worker's messages go
   */
  constructor(db: Db, url: string, logger: Logger, options: GraphileQueueOptions = {}) {
    this.#db = db;
    this.#url = splitPoolOptions(url).url;
    this.#logger = logger;
    this.#options = options;
  }

  /** Installs or upgrades graphile-worker's schema (safe to run from several instances). */
  async migrate(): Promise<void> {
    const g = await graphile();
    await g.runMigrations({ connectionString: this.#url, logger: loggerFor(g, this.#logger) });
  }

  async add(db: Db, task: string, payload: JobPayload, o: AddJobOptions = {}): Promise<void> {
    await db.query(
      `SELECT graphile_worker.add_job(?, (?::text)::json, run_at := ?::timestamptz,
                                      max_attempts := ?, job_key := ?)`,
      [
        task,
        JSON.stringify(payload),
        o.runAt === undefined ? null : new Date(o.runAt).toISOString(),
        o.maxAttempts ?? 10,
        o.key ?? null,
      ],
    );
  }

  async start(tasks: Readonly<Record<string, JobHandler>>): Promise<void> {
    if (this.#runner) throw new Error("Cannot start the job queue: it is already running");
    const taskList = Object.fromEntries(
      Object.entries(tasks).map(([name, handler]) => [
        name,
        (payload: unknown, helpers: { job: { id: string; attempts: number } }) =>
          handler(payload as JobPayload, {
            id: String(helpers.job.id),
            attempt: helpers.job.attempts,
          }),
      ]),
    );
    const g = await graphile();
    const concurrency = this.#options.concurrency ?? 16;
    const localQueue = this.#options.localQueueSize ?? concurrency + 1;
    this.#runner = await g.run({
      connectionString: this.#url,
      concurrency: this.#options.concurrency ?? 16,
      maxPoolSize: (this.#options.concurrency ?? 16) + 2,
      pollInterval: this.#options.pollMs ?? 1000,
      noHandleSignals: true,
      preset: {
        worker: {
          ...(localQueue > 0 ? { localQueue: { size: localQueue } } : {}),
          completeJobBatchDelay: this.#options.completeBatchMs ?? 0,
        },
      },
      parsedCronItems: [],
      logger: loggerFor(g, this.#logger),
      taskList: taskList as never,
    });
    this.#tasks = new Set(Object.keys(tasks));
  }

  handles(task: string): boolean {
    return this.#runner !== null && this.#tasks.has(task);
  }

  async stop(): Promise<void> {
    const r = this.#runner;
    this.#runner = null;
    this.#tasks = new Set();
    if (r) await r.stop();
  }

  async counts(): Promise<JobCount[]> {
    const rows = await this.#db.query<{ task: string; state: JobCount["state"]; n: number }>(
      `SELECT task_identifier AS task,
              CASE WHEN attempts >= max_attempts AND locked_at IS NULL THEN 'failed'
                   WHEN locked_at IS NOT NULL THEN 'running' ELSE 'waiting' END AS state,
              COUNT(*) AS n
         FROM graphile_worker.jobs GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return rows.map((r) => ({ task: r.task, state: r.state, count: Number(r.n) }));
  }

  async recentFailures(limit: number): Promise<JobFailure[]> {
    const rows = await this.#db.query<{
      id: string;
      task: string;
      attempts: number;
      max_attempts: number;
      last_error: string;
      run_at: string | Date;
    }>(
      `SELECT id::text AS id, task_identifier AS task, attempts, max_attempts, last_error, run_at
         FROM graphile_worker.jobs WHERE last_error IS NOT NULL
        ORDER BY updated_at DESC, id DESC LIMIT ?`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      task: r.task,
      attempts: Number(r.attempts),
      maxAttempts: Number(r.max_attempts),
      error: r.last_error,
      nextAttemptAt: Number(r.attempts) >= Number(r.max_attempts)
        ? null
        : new Date(r.run_at).getTime(),
    }));
  }
}
