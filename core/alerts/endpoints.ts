/**
 * Notification endpoints of a user: webhooks (the `whsec_` secret is generated here and
 * returned once, rotated with a grace period; the URL is checked against the SSRF rules when
 * it is saved and again, with DNS resolution, before every delivery) and the wire form shared
 * with e-mail endpoints (`email_endpoints.ts`).
 *
 * @module
 */
import { QuotaExceededError, ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import { newWebhookSecret } from "./webhook_sign.ts";
import { checkResolved, checkWebhookUrl, type Resolver } from "./webhook_target.ts";

/** Most endpoints per user. */
export const MAX_ENDPOINTS = 10;

/** An endpoint on the wire (no secret). */
export interface EndpointWire {
  id: string;
  kind: "webhook" | "email";
  /** The webhook URL, or `mailto:<address>`. */
  url: string;
  /** The e-mail address (e-mail endpoints), else null. */
  address: string | null;
  /** Language of e-mails. */
  language: "en" | "zh-TW";
  /** `unconfirmed`: an e-mail address whose link has not been opened yet (receives nothing). */
  status: "active" | "disabled" | "unconfirmed";
  disabled_reason: string | null;
  created_at: string;
  /** While a rotated webhook's previous secret still signs: when it stops, else null. */
  previous_secret_expires_at: string | null;
}

/** The columns {@link endpointWire} reads. */
export const ENDPOINT_COLUMNS =
  "id, kind, url, language, status, disabled_reason, created_at, previous_secret_until";

/** A stored endpoint row. */
export interface EndpointRow {
  id: string;
  kind: "webhook" | "email";
  url: string;
  language: string;
  status: "active" | "disabled" | "unconfirmed";
  disabled_reason: string | null;
  created_at: number;
  previous_secret_until: number | null;
}

/** The wire form of an endpoint row at `now`. */
export function endpointWire(r: EndpointRow, now: number): EndpointWire {
  const until = r.previous_secret_until === null ? null : Number(r.previous_secret_until);
  return {
    id: r.id,
    kind: r.kind,
    url: r.url,
    address: r.kind === "email" ? r.url.replace(/^mailto:/, "") : null,
    language: r.language === "zh-TW" ? "zh-TW" : "en",
    status: r.status,
    disabled_reason: r.disabled_reason,
    created_at: new Date(Number(r.created_at)).toISOString(),
    previous_secret_expires_at: until !== null && until > now
      ? new Date(until).toISOString()
      : null,
  };
}

/** Throws 429 when the user has {@link MAX_ENDPOINTS} endpoints (call inside the insert's transaction). */
export async function checkEndpointCount(tx: Db, userId: string): Promise<void> {
  const n = await tx.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM notify_endpoints WHERE user_id = ?",
    [userId],
  );
  if (Number(n[0]?.n ?? 0) >= MAX_ENDPOINTS) {
    throw new QuotaExceededError(
      `Cannot add another endpoint: at most ${MAX_ENDPOINTS} per account; delete one first.`,
    );
  }
}

/** Creates a webhook endpoint; returns it with its secret (shown once). */
export async function createEndpoint(
  db: Db,
  userId: string,
  rawUrl: string,
  o: { allowPrivate: boolean; now: number; resolve?: Resolver },
): Promise<EndpointWire & { secret: string }> {
  const url = checkWebhookUrl(rawUrl, { allowPrivate: o.allowPrivate });
  await checkResolved(url, {
    allowPrivate: o.allowPrivate,
    ...(o.resolve ? { resolve: o.resolve } : {}),
  });
  const id = `nep_${crypto.randomUUID().replaceAll("-", "")}`;
  const secret = newWebhookSecret();
  await db.transaction(async (tx) => {
    await checkEndpointCount(tx, userId);
    await tx.run(
      `INSERT INTO notify_endpoints (id, user_id, kind, url, secret, status, created_at)
       VALUES (?, ?, 'webhook', ?, ?, 'active', ?)`,
      [id, userId, url.href, secret, o.now],
    );
  });
  return {
    ...endpointWire({
      id,
      kind: "webhook",
      url: url.href,
      language: "en",
      status: "active",
      disabled_reason: null,
      created_at: o.now,
      previous_secret_until: null,
    }, o.now),
    secret,
  };
}

/** The user's endpoints, without secrets. */
export async function listEndpoints(
  db: Db,
  userId: string,
  now: number,
): Promise<EndpointWire[]> {
  const rows = await db.query<EndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM notify_endpoints WHERE user_id = ? ORDER BY created_at, id`,
    [userId],
  );
  return rows.map((r) => endpointWire(r, now));
}

/**
 * Rotates a webhook endpoint's signing secret: a new `whsec_` secret signs from now on, and
 * the current one keeps signing beside it for `graceMs` (deliveries carry both signatures,
 * `v1,<new> v1,<old>`, so a receiver switching secrets accepts either). Rotating again inside
 * the grace period drops the oldest secret. Returns the endpoint with the new secret (shown
 * once), or null when the user has no such endpoint; 422 for an e-mail endpoint.
 */
export async function rotateSecret(
  db: Db,
  userId: string,
  id: string,
  { now, graceMs }: { now: number; graceMs: number },
): Promise<(EndpointWire & { secret: string }) | null> {
  const secret = newWebhookSecret();
  const row = await db.transaction(async (tx) => {
    const cur = await tx.query<EndpointRow>(
      `SELECT ${ENDPOINT_COLUMNS} FROM notify_endpoints WHERE id = ? AND user_id = ?`,
      [id, userId],
    );
    const r = cur[0];
    if (!r) return null;
    if (r.kind !== "webhook") {
      throw new ValidationError("Cannot rotate: only webhook endpoints have a signing secret", [
        { field: "id", message: "not a webhook endpoint" },
      ]);
    }
    const until = graceMs > 0 ? now + graceMs : null;
    await tx.run(
      until === null
        ? `UPDATE notify_endpoints SET previous_secret = NULL, previous_secret_until = NULL,
                  secret = ? WHERE id = ?`
        : `UPDATE notify_endpoints SET previous_secret = secret, previous_secret_until = ?,
                  secret = ? WHERE id = ?`,
      until === null ? [secret, id] : [until, secret, id],
    );
    return { ...r, previous_secret_until: until };
  });
  return row ? { ...endpointWire(row, now), secret } : null;
}

/** Deletes an endpoint of the user; false when none. */
export async function deleteEndpoint(db: Db, userId: string, id: string): Promise<boolean> {
  const r = await db.run("DELETE FROM notify_endpoints WHERE id = ? AND user_id = ?", [id, userId]);
  return r.changes > 0;
}
