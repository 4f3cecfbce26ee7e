/**
 * The history of an alert as `GET /api/alerts/:id/events` shows it: its latest firings, each
 * with its deliveries and every delivery attempt.
 *
 * @module
 */
import type { Db } from "../db/db.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Firings of `alertId`, newest first (at most `limit`), with deliveries and attempts. */
export async function alertEvents(db: Db, alertId: string, limit = 50) {
  const firings = await db.query<{
    id: string;
    symbol: string;
    bar_date: string;
    source: "bar" | "quote";
    payload: string;
    fired_at: number;
  }>(
    `SELECT id, symbol, bar_date, source, payload, fired_at FROM alert_firings
      WHERE alert_id = ? ORDER BY fired_at DESC, id DESC LIMIT ?`,
    [alertId, limit],
  );
  const out = [];
  for (const f of firings) {
    const deliveries = await db.query<{
      id: string;
      endpoint_id: string;
      status: "pending" | "sending" | "delivered" | "dead";
      attempts: number;
      next_attempt_at: number | null;
      delivered_at: number | null;
      last_status: number | null;
      last_error: string | null;
    }>(
      `SELECT id, endpoint_id, status, attempts, next_attempt_at, delivered_at, last_status, last_error
         FROM alert_deliveries WHERE firing_id = ? ORDER BY created_at, id`,
      [f.id],
    );
    const ds = [];
    for (const d of deliveries) {
      const attempts = await db.query<{
        attempt: number;
        at: number;
        status_code: number | null;
        error: string | null;
        duration_ms: number;
      }>(
        `SELECT attempt, at, status_code, error, duration_ms FROM alert_delivery_attempts
          WHERE delivery_id = ? ORDER BY id`,
        [d.id],
      );
      ds.push({
        id: d.id,
        endpoint_id: d.endpoint_id,
        status: d.status,
        attempts: Number(d.attempts),
        next_attempt_at: d.status === "pending" ? iso(d.next_attempt_at) : null,
        delivered_at: iso(d.delivered_at),
        last_status: d.last_status === null ? null : Number(d.last_status),
        last_error: d.last_error,
        attempt_log: attempts.map((a) => ({
          attempt: Number(a.attempt),
          at: iso(a.at)!,
          status_code: a.status_code === null ? null : Number(a.status_code),
          error: a.error,
          duration_ms: Number(a.duration_ms),
        })),
      });
    }
    out.push({
      id: f.id,
      symbol: f.symbol,
      bar_date: f.bar_date,
      source: f.source,
      fired_at: iso(f.fired_at)!,
      values: JSON.parse(f.payload) as Record<string, unknown>,
      deliveries: ds,
    });
  }
  return out;
}
