/**
 * Notification endpoints of a user (webhooks): the `whsec_` secret is generated here and
 * returned once; the URL is checked against the SSRF rules when it is saved and again, with
 * DNS resolution, before every delivery.
 *
 * @module
 */
import { QuotaExceededError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import { newWebhookSecret } from "./webhook_sign.ts";
import { checkResolved, checkWebhookUrl, type Resolver } from "./webhook_target.ts";

/** Most endpoints per user. */
export const MAX_ENDPOINTS = 10;

/** An endpoint on the wire (no secret). */
export interface EndpointWire {
  id: string;
  kind: "webhook";
  url: string;
  status: "active" | "disabled";
  disabled_reason: string | null;
  created_at: string;
}

interface Row {
  id: string;
  url: string;
  status: "active" | "disabled";
  disabled_reason: string | null;
  created_at: number;
}

const wire = (r: Row): EndpointWire => ({
  id: r.id,
  kind: "webhook",
  url: r.url,
  status: r.status,
  disabled_reason: r.disabled_reason,
  created_at: new Date(Number(r.created_at)).toISOString(),
});

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
    const n = await tx.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM notify_endpoints WHERE user_id = ?",
      [userId],
    );
    if (Number(n[0]?.n ?? 0) >= MAX_ENDPOINTS) {
      throw new QuotaExceededError(
        `Cannot add another endpoint: at most ${MAX_ENDPOINTS} per account; delete one first.`,
      );
    }
    await tx.run(
      `INSERT INTO notify_endpoints (id, user_id, kind, url, secret, status, created_at)
       VALUES (?, ?, 'webhook', ?, ?, 'active', ?)`,
      [id, userId, url.href, secret, o.now],
    );
  });
  return {
    ...wire({ id, url: url.href, status: "active", disabled_reason: null, created_at: o.now }),
    secret,
  };
}

/** The user's endpoints, without secrets. */
export async function listEndpoints(db: Db, userId: string): Promise<EndpointWire[]> {
  const rows = await db.query<Row>(
    `SELECT id, url, status, disabled_reason, created_at FROM notify_endpoints
      WHERE user_id = ? ORDER BY created_at, id`,
    [userId],
  );
  return rows.map(wire);
}

/** Deletes an endpoint of the user; false when none. */
export async function deleteEndpoint(db: Db, userId: string, id: string): Promise<boolean> {
  const r = await db.run("DELETE FROM notify_endpoints WHERE id = ? AND user_id = ?", [id, userId]);
  return r.changes > 0;
}
