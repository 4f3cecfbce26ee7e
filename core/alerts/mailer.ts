/**
 * Sending mail over SMTP with nodemailer: one pooled transport per process, built from
 * `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`; credentials never logged). The
 * {@link Mailer} interface is what the delivery worker and the confirmation job call.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import nodemailer from "nodemailer";

/** An inline or attached file. */
export interface MailAttachment {
  /** File name. */
  filename: string;
  /** Bytes. */
  content: Uint8Array;
  /** MIME type. */
  contentType: string;
  /** Content id, for `cid:` references in the HTML. */
  cid?: string;
}

/** One message. */
export interface MailMessage {
  /** Recipient address. */
  to: string;
  /** Subject. */
  subject: string;
  /** Plain text. */
  text: string;
  /** HTML. */
  html: string;
  /** Attachments (inline images carry a `cid`). */
  attachments?: MailAttachment[];
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** Sends mail. `send` rejects with an error whose `responseCode` is the SMTP code when known. */
export interface Mailer {
  /** Sends one message; resolves with the server's answer code (250). */
  send(message: MailMessage): Promise<{ responseCode: number; messageId: string }>;
  /** Closes pooled connections. */
  close(): void;
}

/** Options of {@link smtpMailer}. */
export interface SmtpMailerOptions {
  /** `From:` of every message. */
  from: string;
  /** Connection, greeting and socket timeout, ms (default 10 s). */
  timeoutMs?: number;
}

/**
 * A {@link Mailer} over the SMTP server of `url` (pooled connections, at most 5).
 *
 * @example
 * ```ts ignore
 * // needs an SMTP server
 * const mailer = smtpMailer("smtp://127.0.0.1:2525", { from: "alerts@example.com" });
 * await mailer.send({ to: "me@example.com", subject: "hi", text: "hi", html: "<p>hi</p>" });
 * ```
 */
export function smtpMailer(url: string, { from, timeoutMs = 10_000 }: SmtpMailerOptions): Mailer {
  const u = new URL(url);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 5,
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: Number(u.port) || (u.protocol === "smtps:" ? 465 : 587),
    secure: u.protocol === "smtps:",
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
    // the EHLO name: without it nodemailer asks the OS for the host name (a permission core lacks)
    name: "localhost",
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
  });
  return {
    async send(m) {
      const info = await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.headers ? { headers: m.headers } : {}),
        attachments: (m.attachments ?? []).map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: a.contentType,
          ...(a.cid ? { cid: a.cid, contentDisposition: "inline" as const } : {}),
        })),
      });
      const code = Number(/^(\d{3})/.exec(String(info.response ?? ""))?.[1] ?? 250);
      return { responseCode: code, messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
