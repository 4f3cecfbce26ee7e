/**
 * The delivery worker: sends one outbox row to its endpoint — a webhook signed per Standard
 * Webhooks (with the previous secret too while a rotation's grace period runs), or an e-mail
 * over SMTP — and records the attempt. The row is claimed with a lease first, so a duplicate
 * job does not send twice while one is in flight. Success (2xx; SMTP 250) → `delivered`;
 * `410 Gone` → the endpoint is disabled and the delivery is `dead`; anything else (timeout,
 * refused address, redirect, 4xx, 5xx, SMTP error) → retried on the schedule with ±10%
 * jitter, then `dead`. The message id (`webhook-id`) is the delivery id on every attempt, so
 * receivers deduplicate.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";
import type { JobHandler, JobQueue } from "../jobs/queue.ts";
import { type EmailDeliveryOptions, sendAlertEmail } from "./email_delivery.ts";
import type { MailLanguage } from "./email_template.ts";
import { DELIVER_TASK } from "./fire.ts";
import { claimDelivery, type ClaimedDelivery, recordAttempt } from "./delivery_store.ts";
import { signedHeaders } from "./webhook_sign.ts";
import { postWebhook } from "./webhook_post.ts";
import type { Resolver } from "./webhook_target.ts";

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
  /** E-mail deliveries (without it they fail and retry as unconfigured). */
  email?: EmailDeliveryOptions;
}

type Claimed = ClaimedDelivery;

/** One attempt's outcome. */
interface Outcome {
  status: number | null;
  error: string | null;
}

/** The secrets that sign now: the current one, and the previous one during its grace period. */
export function signingSecrets(
  c: { secret: string; previous_secret: string | null; previous_secret_until: number | null },
  now: number,
): string[] {
  const prev = c.previous_secret;
  return prev && Number(c.previous_secret_until ?? 0) > now ? [c.secret, prev] : [c.secret];
}

async function sendWebhook(c: Claimed, o: DeliveryOptions, now: number): Promise<Outcome> {
  try {
    const status = await postWebhook(
      c.url!,
      {
        "content-type": "application/json",
        "user-agent": "ai-trading-alerts/1",
        ...signedHeaders(signingSecrets({ ...c, secret: c.secret! }, now), c.id, now, c.body),
      },
      c.body,
      {
        allowPrivate: o.allowPrivate,
        timeoutMs: o.timeoutMs ?? 10_000,
        ...(o.resolve ? { resolve: o.resolve } : {}),
      },
    );
    return { status, error: status >= 300 && status < 400 ? "redirect not followed" : null };
  } catch (e) {
    const name = (e as Error)?.name;
    const error = name === "TimeoutError" ? "timeout" : (e as Error)?.message ?? String(e);
    return { status: null, error: error.slice(0, 300) };
  }
}

function send(c: Claimed, o: DeliveryOptions, now: number): Promise<Outcome> {
  if (c.kind !== "email") return sendWebhook(c, o, now);
  const email = o.email ?? { mailer: null, chartBase: "", webUrl: "" };
  return sendAlertEmail(email, {
    deliveryId: c.id,
    to: c.url!.replace(/^mailto:/, ""),
    language: (c.language === "zh-TW" ? "zh-TW" : "en") as MailLanguage,
    body: c.body,
  });
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
    const c = await claimDelivery(db, id, {
      now: start,
      leaseUntil: start + timeoutMs + 30_000,
    });
    if (!c) return; // delivered, dead, or in flight elsewhere
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
    await recordAttempt(db, queue, {
      id,
      endpointId: c.endpoint_id,
      attempt,
      start,
      end,
      statusCode: out.status,
      error: out.error,
      status,
      next,
      gone,
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
