/**
 * The online sync as a job of the shared queue (`core/jobs`): one `online_sync` job per time
 * slot of `everyMs`, keyed by the slot, so several instances starting or rescheduling it add
 * one job; a run first queues the next slot's job, then runs {@link syncOnce} — a failure is
 * retried by the queue's retry policy like any other job, and shows on `GET /api/admin/jobs`.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { JobHandler, JobQueue } from "../jobs/queue.ts";
import { syncOnce } from "./online_sync.ts";
import type { RefreshDeps } from "./refresh.ts";

/** The task name of the online sync. */
export const ONLINE_SYNC_TASK = "online_sync";

/** Default time between two syncs (15 min). */
export const SYNC_EVERY_MS = 15 * 60_000;

/** Attempts of one sync job (the next slot runs anyway). */
const SYNC_ATTEMPTS = 3;

/** Queues the sync of the slot after `now`'s (or of `now`'s own slot with `now: true`). */
export async function scheduleOnlineSync(
  db: Db,
  queue: JobQueue,
  { now, everyMs = SYNC_EVERY_MS, immediately = false }: {
    now: number;
    everyMs?: number;
    immediately?: boolean;
  },
): Promise<void> {
  const slot = Math.floor(now / everyMs) + (immediately ? 0 : 1);
  await queue.add(db, ONLINE_SYNC_TASK, { slot }, {
    key: `${ONLINE_SYNC_TASK}:${slot}`,
    runAt: immediately ? now : slot * everyMs,
    maxAttempts: SYNC_ATTEMPTS,
  });
}

/**
 * The handler of {@link ONLINE_SYNC_TASK} jobs: queues the next slot, then syncs (a thrown
 * error makes the queue retry this slot). `signal` (shutdown) stops a running pass.
 *
 * @example
 * ```ts ignore
 * // needs core's dependencies
 * await deps.jobs.start({ [ONLINE_SYNC_TASK]: onlineSyncHandler({ ...deps, holder }, deps.jobs, deps.db) });
 * await scheduleOnlineSync(deps.db, deps.jobs, { now: Date.now(), immediately: true });
 * ```
 */
export function onlineSyncHandler(
  d: RefreshDeps & { holder: string },
  queue: JobQueue,
  db: Db,
  { everyMs = SYNC_EVERY_MS, signal }: { everyMs?: number; signal?: AbortSignal } = {},
): JobHandler {
  return async function onlineSync() {
    await scheduleOnlineSync(db, queue, { now: d.now(), everyMs });
    const done = await syncOnce(d, signal ? { signal } : {});
    if (done.length) d.logger.info("online sync", { refreshed: done.length, symbols: done });
  };
}
