/**
 * The delivery worker: sends one outbox row to its webhook endpoint, signed per Standard
 * Webhooks, and records the attempt. The row is claimed with a lease first, so a duplicate
 * job does not send twice while one is in flight. 2xx → `delivered`; `410 Gone` → the
 * endpoint is disabled and the delivery is `dead`; anything else (timeout, refused address,
 * redirect, 4xx, 5xx) → retried on the schedule with ±10% jitter, then `dead`. The message id
 * (`webhook-id`) is the delivery id on every attempt, so receivers deduplicate.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";
import type { JobHandler, JobQueue } from "../jobs/queue.ts";
import { DELIVER_TASK } from "./fire.ts";
import { signedHeaders } from "./webhook_sign.ts";
import { checkResolved, checkWebhookUrl, type Resolver } from "./webhook_target.ts";

/** Standard Webhooks' (Svix's) schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const RETRY_SCHEDULE_S: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 36000];

/** Settings of the delivery worker. */
export interface DeliveryOptions {
  /** Admit loopback and private addresses (`ALLOW_PRIVATE_WEBHOOKS`). */
  allowPrivate: boolean;
  /** Deadline of one attempt, ms (default 10 s). */
  timeoutMs?: number;
  /** Seconds before each retry (default {@link RETRY_SCHEDULE_S}); attempts = length + 1. */
  schedule?: readonly number[];
  /** Clock (ms). */
  now?: () => number;
  /** Random source for the jitter (default `Math.random`). */
  random?: () => number;
  /** Host resolver (tests). */
  resolve?: Resolver;
  /** HTTP client (tests). */
  fetch?: typeof fetch;
}

/** Most bytes of a receiver's answer read (the rest is discarded). */
const MAX_RESPONSE_BYTES = 64 * 1024;

interface Claimed {
  id: string;
  body: string;
  attempts: number;
  endpoint_id: string;
  url: string | null;
  secret: string | null;
  ep_status: string | null;
}

async function readBounded(res: Response): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  let read = 0;
  try {
    while (read < MAX_RESPONSE_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** One attempt's outcome. */
interface Outcome {
  status: number | null;
  error: string | null;
}

async function send(c: Claimed, o: DeliveryOptions, now: number): Promise<Outcome> {
  try {
    const url = checkWebhookUrl(c.url!, { allowPrivate: o.allowPrivate });
    await checkResolved(url, {
      allowPrivate: o.allowPrivate,
      ...(o.resolve ? { resolve: o.resolve } : {}),
    });
    const res = await (o.fetch ?? fetch)(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "ai-trading-alerts/1",
        ...signedHeaders([c.secret!], c.id, now, c.body),
      },
      body: c.body,
      redirect: "manual",
      signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
    });
    await readBounded(res);
    return {
      status: res.status,
      error: res.status >= 300 && res.status < 400 ? "redirect not followed" : null,
    };
  } catch (e) {
    const name = (e as Error)?.name;
    const error = name === "TimeoutError" ? "timeout" : (e as Error)?.message ?? String(e);
    return { status: null, error: error.slice(0, 300) };
  }
}

/**
 * The handler of {@link DELIVER_TASK} jobs (`{delivery_id}`).
 *
 * @example
 * ```ts ignore
 * // needs a database and a queue
 * await queue.start({ [DELIVER_TASK]: deliveryHandler(db, queue, logger, { allowPrivate: false }) });
 * ```
 */
export function deliveryHandler(
  db: Db,
  queue: JobQueue,
  logger: Logger,
  o: DeliveryOptions,
): JobHandler {
  const clock = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const schedule = o.schedule ?? RETRY_SCHEDULE_S;
  const timeoutMs = o.timeoutMs ?? 10_000;
  return async function deliverWebhook(payload) {
    const id = String(payload.delivery_id ?? "");
    const start = clock();
    const claim = await db.run(
      `UPDATE alert_deliveries SET status = 'sending', lease_until = ?
        WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND lease_until < ?))`,
      [start + timeoutMs + 30_000, id, start],
    );
    if (claim.changes === 0) return; // delivered, dead, or in flight elsewhere
    const rows = await db.query<Claimed>(
      `SELECT d.id, d.body, d.attempts, d.endpoint_id, e.url, e.secret, e.status AS ep_status
         FROM alert_deliveries d LEFT JOIN notify_endpoints e ON e.id = d.endpoint_id
        WHERE d.id = ?`,
      [id],
    );
    const c = rows[0]!;
    const attempt = Number(c.attempts) + 1;
    const out: Outcome = c.ep_status === "active"
      ? await send(c, o, start)
      : { status: null, error: "endpoint disabled or deleted" };
    const end = clock();
    const ok = out.status !== null && out.status >= 200 && out.status < 300;
    const gone = out.status === 410;
    const last = attempt > schedule.length || c.ep_status !== "active";
    const delay = schedule[attempt - 1] ?? 0;
    const next = ok || gone || last
      ? null
      : end + Math.round(delay * 1000 * (0.9 + 0.2 * random()));
    const status = ok ? "delivered" : next === null ? "dead" : "pending";
    await db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO alert_delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [id, attempt, start, out.status, out.error, end - start],
      );
      await tx.run(
        `UPDATE alert_deliveries SET status = ?, attempts = ?, next_attempt_at = ?,
                lease_until = NULL, last_status = ?, last_error = ?, delivered_at = ?
          WHERE id = ?`,
        [status, attempt, next, out.status, out.error, ok ? end : null, id],
      );
      if (gone) {
        await tx.run(
          "UPDATE notify_endpoints SET status = 'disabled', disabled_reason = ? WHERE id = ?",
          ["the receiver answered 410 Gone", c.endpoint_id],
        );
      }
      if (next !== null) {
        await queue.add(tx, DELIVER_TASK, { delivery_id: id }, {
          key: `deliver:${id}:${attempt}`,
          runAt: next,
          maxAttempts: 25,
        });
      }
    });
    if (status === "dead") {
      logger.warn("webhook delivery dead-lettered", {
        delivery_id: id,
        attempts: attempt,
        last_status: out.status,
      });
    }
  };
}

/** Puts a dead delivery of the user back in the queue; false when there is none to resend. */
export async function resendDelivery(
  db: Db,
  queue: JobQueue,
  userId: string,
  id: string,
  now: number,
): Promise<boolean> {
  return await db.transaction(async (tx) => {
    const r = await tx.run(
      `UPDATE alert_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?
        WHERE id = ? AND user_id = ? AND status = 'dead'`,
      [now, id, userId],
    );
    if (r.changes === 0) return false;
    await queue.add(tx, DELIVER_TASK, { delivery_id: id }, {
      key: `deliver:${id}:resend:${now}`,
      maxAttempts: 25,
    });
    return true;
  });
}
