/**
 * The job queue of a database: graphile-worker on PostgreSQL (its schema installed first),
 * the in-process runner on SQLite.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";
import { GraphileJobQueue } from "./graphile_queue.ts";
import type { JobQueue } from "./queue.ts";
import { SqliteJobQueue } from "./sqlite_queue.ts";

/** Opens the queue for `db` (opened from `url`); jobs run only after `start()`. */
export async function openJobQueue(db: Db, url: string, logger: Logger): Promise<JobQueue> {
  if (db.dialect === "postgres") {
    const q = new GraphileJobQueue(db, url, logger);
    await q.migrate();
    return q;
  }
  return new SqliteJobQueue(db, logger);
}
