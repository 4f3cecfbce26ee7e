/**
 * Standard Webhooks signing through the `standardwebhooks` package (the specification's own
 * reference library): `webhook-id`, `webhook-timestamp` and `webhook-signature` headers, the
 * signature being `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed by the `whsec_`
 * secret. During a rotation several secrets sign, giving space-separated signatures.
 *
 * @module
 */
import { Webhook } from "standardwebhooks";

/**
 * A new signing secret: `whsec_` + base64 of 32 random bytes.
 *
 * @example
 * ```ts
 * import { newWebhookSecret } from "./webhook_sign.ts";
 * newWebhookSecret().startsWith("whsec_"); // true
 * ```
 */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The three Standard Webhooks headers for `body` sent as message `id` at `timestampMs`.
 *
 * @example
 * ```ts
 * import { signedHeaders } from "./webhook_sign.ts";
 * // the specification's test vector
 * const h = signedHeaders(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], "msg_p5jXN8AQM9LWM0D4loKWxJek",
 *   1614265330_000, '{"test": 2432232314}');
 * h["webhook-signature"]; // "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
 * ```
 */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestampMs: number,
  body: string,
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const at = new Date(Math.floor(timestampMs / 1000) * 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestampMs / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(id, at, body)).join(" "),
  };
}
