/**
 * The SQL of the delivery worker: claiming an outbox row with a lease (and reading its
 * endpoint), and recording an attempt's outcome. On PostgreSQL each is one statement in the
 * common case — the claim is an `UPDATE … RETURNING` joined to the endpoint in a CTE, and a
 * delivered (or dead, without side effects) attempt inserts its log row and updates the
 * delivery in one statement — so a delivery costs two round trips instead of six.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { JobQueue } from "../jobs/queue.ts";
import { DELIVER_TASK } from "./fire.ts";

/** A claimed delivery with its endpoint (null columns: the endpoint was deleted). */
export interface ClaimedDelivery {
  id: string;
  body: string;
  attempts: number;
  endpoint_id: string;
  kind: "webhook" | "email" | null;
  url: string | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_until: number | null;
  language: string | null;
  ep_status: string | null;
}

const ENDPOINT_COLUMNS = `e.kind, e.url, e.secret, e.previous_secret, e.previous_secret_until,
  e.language, e.status AS ep_status`;

/**
 * Leases delivery `id` until `leaseUntil` when it is pending (or its lease ran out before
 * `now`); returns it with its endpoint, or null when it is delivered, dead or in flight.
 */
export async function claimDelivery(
  db: Db,
  id: string,
  { now, leaseUntil }: { now: number; leaseUntil: number },
): Promise<ClaimedDelivery | null> {
  const claim = `UPDATE alert_deliveries SET status = 'sending', lease_until = ?
    WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND lease_until < ?))`;
  if (db.dialect === "postgres") {
    const rows = await db.query<ClaimedDelivery>(
      `WITH d AS (${claim} RETURNING id, body, attempts, endpoint_id)
       SELECT d.id, d.body, d.attempts, d.endpoint_id, ${ENDPOINT_COLUMNS}
         FROM d LEFT JOIN notify_endpoints e ON e.id = d.endpoint_id`,
      [leaseUntil, id, now],
    );
    return rows[0] ?? null;
  }
  const r = await db.run(claim, [leaseUntil, id, now]);
  if (r.changes === 0) return null;
  const rows = await db.query<ClaimedDelivery>(
    `SELECT d.id, d.body, d.attempts, d.endpoint_id, ${ENDPOINT_COLUMNS}
       FROM alert_deliveries d LEFT JOIN notify_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = ?`,
    [id],
  );
  return rows[0] ?? null;
}

/** The outcome of one attempt, as recorded. */
export interface AttemptRecord {
  /** Delivery id. */
  id: string;
  /** Its endpoint. */
  endpointId: string;
  /** 1-based attempt number. */
  attempt: number;
  /** When it started and ended (ms). */
  start: number;
  end: number;
  /** HTTP status / SMTP code, or null. */
  statusCode: number | null;
  /** Error, or null. */
  error: string | null;
  /** The delivery's new state. */
  status: "delivered" | "pending" | "dead";
  /** The next attempt's time when pending. */
  next: number | null;
  /** The receiver answered 410 Gone: disable the endpoint. */
  gone: boolean;
}

/** Records an attempt, the delivery's new state and (pending) the job of the next attempt. */
export async function recordAttempt(db: Db, queue: JobQueue, a: AttemptRecord): Promise<void> {
  const insert = `INSERT INTO alert_delivery_attempts
      (delivery_id, attempt, at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)`;
  const update = `UPDATE alert_deliveries SET status = ?, attempts = ?, next_attempt_at = ?,
      lease_until = NULL, last_status = ?, last_error = ?, delivered_at = ? WHERE id = ?`;
  const insertArgs = [a.id, a.attempt, a.start, a.statusCode, a.error, a.end - a.start];
  const updateArgs = [
    a.status,
    a.attempt,
    a.next,
    a.statusCode,
    a.error,
    a.status === "delivered" ? a.end : null,
    a.id,
  ];
  if (db.dialect === "postgres" && !a.gone && a.next === null) {
    // one statement: atomic without a transaction's BEGIN/COMMIT round trips
    await db.run(`WITH a AS (${insert}) ${update}`, [...insertArgs, ...updateArgs]);
    return;
  }
  await db.transaction(async (tx) => {
    await tx.run(insert, insertArgs);
    await tx.run(update, updateArgs);
    if (a.gone) {
      await tx.run(
        "UPDATE notify_endpoints SET status = 'disabled', disabled_reason = ? WHERE id = ?",
        ["the receiver answered 410 Gone", a.endpointId],
      );
    }
    if (a.next !== null) {
      await queue.add(tx, DELIVER_TASK, { delivery_id: a.id }, {
        key: `deliver:${a.id}:${a.attempt}`,
        runAt: a.next,
        maxAttempts: 25,
      });
    }
  });
}
