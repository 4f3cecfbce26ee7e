/**
 * Password hashing with scrypt (`node:crypto`), a random 16-byte salt per password and a
 * constant-time comparison. Stored format: `scrypt$N$r$p$salt$hash` (base64url parts), so the
 * cost can be raised later without invalidating existing hashes.
 *
 * @module
 */
import { scrypt, timingSafeEqual } from "node:crypto";
import { base64Url } from "./crypto.ts";

/** scrypt cost parameters (N = 2^15, r = 8, p = 1: ~32 MiB of memory per hash). */
export const SCRYPT_PARAMS = { N: 32768, r: 8, p: 1, keyLength: 32 } as const;

function derive(
  password: string,
  salt: Uint8Array,
  { N, r, p, keyLength }: { N: number; r: number; p: number; keyLength: number },
): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize("NFKC"),
      salt,
      keyLength,
      { N, r, p, maxmem: 256 * N * r },
      (e, k) => e ? reject(e) : resolve(new Uint8Array(k)),
    )
  );
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(
    atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)),
    (c) => c.charCodeAt(0),
  );
}

/**
 * Hashes a password with a fresh random salt.
 *
 * @example
 * ```ts
 * const stored = await hashPassword("correct horse battery staple");
 * await verifyPassword("correct horse battery staple", stored); // true
 * ```
 */
export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = SCRYPT_PARAMS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derive(password, salt, { ...params, keyLength: SCRYPT_PARAMS.keyLength });
  return `scrypt$${params.N}$${params.r}$${params.p}$${base64Url(salt)}$${base64Url(key)}`;
}

/**
 * Checks `password` against a stored hash in constant time. A malformed or missing hash
 * verifies nothing (but still spends the same work, so callers can use it for unknown users).
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? DUMMY_HASH).split("$");
  const ok = parts.length === 6 && parts[0] === "scrypt";
  const [N, r, p] = ok ? parts.slice(1, 4).map(Number) : [SCRYPT_PARAMS.N, 8, 1];
  const valid = ok && [N, r, p].every((x) => Number.isInteger(x) && x! > 0) && N! <= 1 << 20;
  const salt = valid ? fromBase64Url(parts[4]!) : new Uint8Array(16);
  const expected = valid ? fromBase64Url(parts[5]!) : new Uint8Array(SCRYPT_PARAMS.keyLength);
  const params = valid ? { N: N!, r: r!, p: p! } : SCRYPT_PARAMS;
  const key = await derive(password, salt, { ...params, keyLength: expected.length || 32 });
  const same = key.length === expected.length && timingSafeEqual(key, expected);
  return same && valid && stored !== null;
}

/** A well-formed hash of no real password, verified against when the account does not exist. */
const DUMMY_HASH = `scrypt$${SCRYPT_PARAMS.N}$8$1$${"A".repeat(22)}$${"A".repeat(43)}`;
