/**
 * One e-mail delivery of a firing: the mail is rendered from the stored webhook body in the
 * endpoint's language, with the symbol's chart from the chart service attached inline
 * (`cid:`) when the service answers within the deadline, and text-only otherwise (the mail
 * then says it has no chart; that is not a failed delivery). The message id header is the
 * delivery id, the same on every attempt.
 *
 * @module
 */
import { alertMail, CHART_CID, type FiringMailData, type MailLanguage } from "./email_template.ts";
import type { Mailer } from "./mailer.ts";

/** What e-mail deliveries need. */
export interface EmailDeliveryOptions {
  /** The SMTP mailer, or null when `SMTP_URL` is not set (deliveries then fail and retry). */
  mailer: Mailer | null;
  /** The chart service's base URL (`CHART_SERVICE_URL`). */
  chartBase: string;
  /** The web app's public URL, for links. */
  webUrl: string;
  /** Deadline of the chart render, ms (default 5 s). */
  chartTimeoutMs?: number;
  /** HTTP client for the chart service (tests). */
  fetch?: typeof fetch;
}

/** Most bytes of a chart image accepted. */
const MAX_CHART_BYTES = 2 * 1024 * 1024;

/**
 * The PNG chart of `symbol` from the chart service, or null when it cannot be had in time
 * (down, slow, an error status, not a PNG, too large).
 */
export async function chartPng(
  base: string,
  symbol: string,
  lang: MailLanguage,
  { fetch: f = fetch, timeoutMs = 5_000 }: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<Uint8Array | null> {
  try {
    const q = new URLSearchParams({ width: "800", height: "450", lang });
    const res = await f(`${base}/charts/${encodeURIComponent(symbol)}.png?${q}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok || !res.headers.get("content-type")?.startsWith("image/png")) {
      await res.body?.cancel();
      return null;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.byteLength > 0 && bytes.byteLength <= MAX_CHART_BYTES ? bytes : null;
  } catch {
    return null;
  }
}

/** One attempt's outcome: the SMTP reply code (250) or null, and the error. */
export interface MailOutcome {
  status: number | null;
  error: string | null;
}

/** Sends the mail of the firing in `body` (the stored webhook JSON) to `to`. */
export async function sendAlertEmail(
  o: EmailDeliveryOptions,
  { deliveryId, to, language, body }: {
    deliveryId: string;
    to: string;
    language: MailLanguage;
    body: string;
  },
): Promise<MailOutcome> {
  if (!o.mailer) return { status: null, error: "e-mail is not configured (SMTP_URL)" };
  const data = (JSON.parse(body) as { data: FiringMailData }).data;
  const png = await chartPng(o.chartBase, data.symbol, language, {
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.chartTimeoutMs ? { timeoutMs: o.chartTimeoutMs } : {}),
  });
  const mail = alertMail(language, data, { webUrl: o.webUrl, withChart: png !== null });
  try {
    const sent = await o.mailer.send({
      to,
      ...mail,
      headers: { "X-Alert-Delivery-Id": deliveryId },
      ...(png
        ? {
          attachments: [{
            filename: `${data.symbol}.png`,
            content: png,
            contentType: "image/png",
            cid: CHART_CID,
          }],
        }
        : {}),
    });
    return { status: sent.responseCode, error: null };
  } catch (e) {
    const code = (e as { responseCode?: number }).responseCode;
    return {
      status: typeof code === "number" ? code : null,
      error: ((e as Error)?.message ?? String(e)).slice(0, 300),
    };
  }
}
