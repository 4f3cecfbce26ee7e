/**
 * E-mail endpoints: an address is added `unconfirmed` with the SHA-256 of a random token, and
 * a job (in the same transaction) mails the confirmation link carrying the token. Presenting
 * the token before it expires makes the endpoint `active` and erases the hash, so a link works
 * once. Only active endpoints receive firings (`fire.ts` skips the others).
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import { NotFoundError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { JobHandler, JobQueue } from "../jobs/queue.ts";
import {
  checkEndpointCount,
  ENDPOINT_COLUMNS,
  type EndpointRow,
  endpointWire,
} from "./endpoints.ts";
import type { EndpointWire } from "./endpoints.ts";
import { confirmationMail, type MailLanguage } from "./email_template.ts";
import type { Mailer } from "./mailer.ts";

/** The job that mails a confirmation link. */
export const CONFIRM_EMAIL_TASK = "send_confirmation_email";

/** How long a confirmation link works (48 h). */
export const CONFIRM_TTL_MS = 48 * 3600 * 1000;

/** The web page a confirmation link opens (it POSTs the token to the confirm route). */
export const CONFIRM_PAGE = "/alerts/confirm";

/** Hex SHA-256 of a token. */
export async function tokenHash(token: string): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * Adds an unconfirmed e-mail endpoint and queues its confirmation mail; 429 beyond the
 * endpoint limit.
 */
export async function createEmailEndpoint(
  db: Db,
  queue: JobQueue,
  userId: string,
  { address, language, now }: { address: string; language: MailLanguage; now: number },
): Promise<EndpointWire> {
  const id = `nep_${crypto.randomUUID().replaceAll("-", "")}`;
  const token = newToken();
  const hash = await tokenHash(token);
  const url = `mailto:${address}`;
  await db.transaction(async (tx) => {
    await checkEndpointCount(tx, userId);
    await tx.run(
      `INSERT INTO notify_endpoints (id, user_id, kind, url, secret, status, created_at, language,
         confirm_token_hash, confirm_expires_at)
       VALUES (?, ?, 'email', ?, '', 'unconfirmed', ?, ?, ?, ?)`,
      [id, userId, url, now, language, hash, now + CONFIRM_TTL_MS],
    );
    await queue.add(tx, CONFIRM_EMAIL_TASK, { endpoint_id: id, token }, {
      key: `confirm:${id}`,
      maxAttempts: 10, // the queue's backoff spreads them over ~3.5 h
    });
  });
  return endpointWire({
    id,
    kind: "email",
    url,
    language,
    status: "unconfirmed",
    disabled_reason: null,
    created_at: now,
    previous_secret_until: null,
  }, now);
}

/**
 * Confirms the e-mail endpoint of `token`: it becomes active and the token is spent. 404 when
 * the token is unknown, spent or expired.
 */
export async function confirmEmailEndpoint(
  db: Db,
  token: string,
  now: number,
): Promise<EndpointWire> {
  const hash = await tokenHash(token);
  const gone = () =>
    new NotFoundError(
      "This confirmation link is unknown, already used or expired; add the address again.",
    );
  return await db.transaction(async (tx) => {
    const rows = await tx.query<EndpointRow>(
      `SELECT ${ENDPOINT_COLUMNS} FROM notify_endpoints
        WHERE confirm_token_hash = ? AND status = 'unconfirmed' AND confirm_expires_at > ?`,
      [hash, now],
    );
    const row = rows[0];
    if (!row) throw gone();
    const r = await tx.run(
      `UPDATE notify_endpoints SET status = 'active', confirmed_at = ?, confirm_token_hash = NULL,
              confirm_expires_at = NULL
        WHERE id = ? AND status = 'unconfirmed'`,
      [now, row.id],
    );
    if (r.changes === 0) throw gone();
    return endpointWire({ ...row, status: "active" }, now);
  });
}

/**
 * The handler of {@link CONFIRM_EMAIL_TASK} jobs (`{endpoint_id, token}`): mails the link
 * (`webUrl` + {@link CONFIRM_PAGE}); a failure throws, so the queue retries it.
 */
export function confirmationHandler(
  db: Db,
  mailer: Mailer | null,
  logger: Logger,
  { webUrl }: { webUrl: string },
): JobHandler {
  return async function sendConfirmation(payload) {
    const id = String(payload.endpoint_id ?? "");
    const rows = await db.query<{ url: string; language: string; status: string }>(
      "SELECT url, language, status FROM notify_endpoints WHERE id = ?",
      [id],
    );
    const ep = rows[0];
    if (!ep || ep.status !== "unconfirmed") return; // deleted or confirmed meanwhile
    if (!mailer) throw new Error("e-mail is not configured (SMTP_URL)");
    const link = `${webUrl}${CONFIRM_PAGE}?token=${encodeURIComponent(String(payload.token))}`;
    const mail = confirmationMail(ep.language === "zh-TW" ? "zh-TW" : "en", link);
    await mailer.send({ to: ep.url.replace(/^mailto:/, ""), ...mail });
    logger.info("confirmation e-mail sent", { endpoint_id: id });
  };
}
