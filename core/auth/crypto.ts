/**
 * Small cryptographic helpers for the account code: random tokens from the CSPRNG, SHA-256
 * digests for storing tokens, and a constant-time string comparison.
 *
 * @module
 */
import { timingSafeEqual } from "node:crypto";

const encoder = new TextEncoder();

/** Encodes bytes as unpadded base64url. */
export function base64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * A random token of `bytes` bytes (default 32 = 256 bits) from `crypto.getRandomValues`, as
 * base64url text.
 *
 * @example
 * ```ts
 * const token = randomToken(); // 43 characters
 * ```
 */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * Hex SHA-256 of a UTF-8 string: how session tokens, API tokens, redemption codes and OIDC
 * states are stored, so that a database leak does not leak usable credentials.
 *
 * @example
 * ```ts
 * await sha256Hex("abc"); // "ba7816bf…"
 * ```
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compares two strings in time independent of where they differ (lengths may leak). */
export function safeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}

/** A new random identifier for a row (UUID v4 text). */
export function newId(): string {
  return crypto.randomUUID();
}
