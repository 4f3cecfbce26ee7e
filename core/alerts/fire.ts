/**
 * Recording a firing: in one transaction, the firing row (unique per alert and fire key: a
 * second instance or a re-evaluation after a restart inserts nothing), the alert's state
 * (last firing, count, `triggered` for `once`; refused inside the cooldown or after expiry),
 * the in-app notification, and one outbox row plus one queued job per active webhook
 * endpoint. Either all of it commits or none of it does.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { JobQueue } from "../jobs/queue.ts";
import type { HitValues } from "./check_bar.ts";
import { fireKey } from "./fire_key.ts";
import type { AlertDef, FireSource } from "./types.ts";

/** The job that sends one delivery. */
export const DELIVER_TASK = "deliver_webhook";

/** One alert found true. */
export interface FiringInput {
  /** The alert. */
  alert: AlertDef;
  /** The symbol it held on. */
  symbol: string;
  /** Date of the bar (or of the quote's session). */
  barDate: string;
  /** A closed bar or a live quote. */
  source: FireSource;
  /** The values that made it true. */
  values: HitValues;
}

/** The recorded firing. */
export interface Fired {
  /** Firing id. */
  id: string;
  /** Owner of the alert. */
  userId: string;
  /** Delivery ids queued (one per active webhook endpoint). */
  deliveries: string[];
}

class NotDue extends Error {}

/** The webhook body of a firing (stored once: every retry sends the same bytes). */
export function firingBody(f: FiringInput, firingId: string, now: number): string {
  return JSON.stringify({
    type: "alert.fired",
    timestamp: new Date(now).toISOString(),
    data: {
      firing_id: firingId,
      alert: { id: f.alert.id, name: f.alert.name, trigger: f.alert.trigger },
      condition: f.alert.condition,
      symbol: f.symbol,
      bar: { date: f.barDate, source: f.source },
      values: f.values,
      links: {
        alert: `/api/alerts/${f.alert.id}`,
        events: `/api/alerts/${f.alert.id}/events`,
        symbol: `/symbol/${encodeURIComponent(f.symbol)}`,
      },
    },
  });
}

/**
 * Records `f` once: returns the firing, or null when this (alert, key) has fired already, the
 * mode does not fire from this source, or the alert is no longer due (paused, expired, in its
 * cooldown, a `once` alert that fired).
 */
export async function recordFiring(
  db: Db,
  queue: JobQueue,
  f: FiringInput,
  now: number,
): Promise<Fired | null> {
  const key = fireKey(f.alert.trigger, f.symbol, f.barDate, f.source);
  if (key === null) return null;
  const id = `frg_${crypto.randomUUID().replaceAll("-", "")}`;
  try {
    return await db.transaction(async (tx) => {
      const ins = await tx.run(
        `INSERT INTO alert_firings (id, alert_id, user_id, fire_key, symbol, bar_date, source, payload, fired_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id, fire_key) DO NOTHING`,
        [
          id,
          f.alert.id,
          f.alert.userId,
          key,
          f.symbol,
          f.barDate,
          f.source,
          JSON.stringify(f.values),
          now,
        ],
      );
      if (ins.changes === 0) throw new NotDue();
      const upd = await tx.run(
        `UPDATE alerts SET last_fired_at = ?, fired_count = fired_count + 1,
                status = CASE WHEN trigger_mode = 'once' THEN 'triggered' ELSE status END
          WHERE id = ? AND status = 'active' AND (expires_at IS NULL OR expires_at > ?)
            AND (last_fired_at IS NULL OR last_fired_at + cooldown_s * 1000 <= ?)`,
        [now, f.alert.id, now, now],
      );
      if (upd.changes === 0) throw new NotDue();
      await tx.run(
        `INSERT INTO notifications (id, user_id, firing_id, title, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [
          `ntf_${crypto.randomUUID().replaceAll("-", "")}`,
          f.alert.userId,
          id,
          `${f.alert.name} — ${f.symbol}`,
          JSON.stringify({
            alert_id: f.alert.id,
            symbol: f.symbol,
            bar_date: f.barDate,
            source: f.source,
            values: f.values,
          }),
          now,
        ],
      );
      const deliveries: string[] = [];
      const body = firingBody(f, id, now);
      for (const endpointId of f.alert.endpoints) {
        const ep = await tx.query<{ status: string }>(
          "SELECT status FROM notify_endpoints WHERE id = ? AND user_id = ?",
          [endpointId, f.alert.userId],
        );
        if (ep[0]?.status !== "active") continue;
        const deliveryId = `msg_${crypto.randomUUID().replaceAll("-", "")}`;
        await tx.run(
          `INSERT INTO alert_deliveries (id, firing_id, user_id, endpoint_id, body, status,
             attempts, next_attempt_at, created_at)
           VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
          [deliveryId, id, f.alert.userId, endpointId, body, now, now],
        );
        await queue.add(tx, DELIVER_TASK, { delivery_id: deliveryId }, {
          key: `deliver:${deliveryId}:0`,
          maxAttempts: 25,
        });
        deliveries.push(deliveryId);
      }
      return { id, userId: f.alert.userId, deliveries };
    });
  } catch (e) {
    if (e instanceof NotDue) return null;
    throw e;
  }
}
