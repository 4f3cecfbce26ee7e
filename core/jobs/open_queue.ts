/**
 * The job queue of a database: graphile-worker on PostgreSQL (its schema installed first),
 * the in-process runner on SQLite.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";
import type { JobQueue } from "./queue.ts";
import { SqliteJobQueue } from "./sqlite_queue.ts";

/** Opens the queue for `db` (opened from `url`); jobs run only after `start()`. */
export async function openJobQueue(db: Db, url: string, logger: Logger): Promise<JobQueue> {
  if (db.dialect === "postgres") {
    // loaded only on PostgreSQL: graphile-worker and node-postgres read environment variables
    // at load time, which the SQLite deployment's sandbox does not grant
    const { GraphileJobQueue } = await import("./graphile_queue.ts");
    const q = new GraphileJobQueue(db, url, logger);
    await q.migrate();
    return q;
  }
  return new SqliteJobQueue(db, logger);
}
