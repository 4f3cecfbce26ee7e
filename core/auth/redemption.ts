/**
 * Redemption codes: `XXXX-XXXX-XXXX` drawn from `crypto.getRandomValues` over a 32-symbol
 * alphabet (60 bits), stored only as SHA-256 with the last four characters as a hint, each worth
 * `amount` credits for up to `max_uses` different users until `expires_at`. Redeeming is one
 * transaction with a conditional `UPDATE … WHERE uses < max_uses`, so a code is never used more
 * often than allowed, even by concurrent requests on several instances.
 *
 * @module
 */
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import { newId, sha256Hex } from "./crypto.ts";

/** Crockford's base-32 alphabet (no I, L, O, U): 32 symbols, so a byte & 31 is unbiased. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A fresh code `XXXX-XXXX-XXXX`. */
export function generateCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Canonical form of a typed code: upper case, no separators, I/L → 1 and O → 0. */
export function canonicalCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

/** A code as listed for admins. */
export interface CodeInfo {
  id: string;
  hint: string;
  amount: number;
  max_uses: number;
  uses: number;
  expires_at: string | null;
  note: string | null;
  created_at: string;
  revoked_at: string | null;
  status: "active" | "used_up" | "expired" | "revoked";
}

interface CodeRow {
  id: string;
  hint: string;
  amount: number;
  max_uses: number;
  uses: number;
  expires_at: number | null;
  note: string | null;
  created_at: number;
  revoked_at: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function info(r: CodeRow, now: number): CodeInfo {
  const status = r.revoked_at !== null
    ? "revoked"
    : r.expires_at !== null && Number(r.expires_at) <= now
    ? "expired"
    : Number(r.uses) >= Number(r.max_uses)
    ? "used_up"
    : "active";
  return {
    id: r.id,
    hint: r.hint,
    amount: Number(r.amount),
    max_uses: Number(r.max_uses),
    uses: Number(r.uses),
    expires_at: iso(r.expires_at),
    note: r.note,
    created_at: iso(r.created_at)!,
    revoked_at: iso(r.revoked_at),
    status,
  };
}

/** Mints `count` codes; the clear codes exist only in this answer. */
export async function mintCodes(
  db: Db,
  { amount, maxUses = 1, count = 1, expiresAt = null, note = null, createdBy, now }: {
    amount: number;
    maxUses?: number;
    count?: number;
    expiresAt?: number | null;
    note?: string | null;
    createdBy: string;
    now: number;
  },
): Promise<(CodeInfo & { code: string })[]> {
  if (expiresAt !== null && expiresAt <= now) {
    throw new ValidationError("Cannot mint codes that are already expired", [
      { field: "expires_at", message: "must be in the future" },
    ]);
  }
  const out: (CodeInfo & { code: string })[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const code = generateCode();
      const row: CodeRow = {
        id: newId(),
        hint: code.slice(-4),
        amount,
        max_uses: maxUses,
        uses: 0,
        expires_at: expiresAt,
        note,
        created_at: now,
        revoked_at: null,
      };
      await tx.run(
        `INSERT INTO redemption_codes (id, code_hash, hint, amount, max_uses, uses, expires_at,
           note, created_by, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
        [
          row.id,
          await sha256Hex(canonicalCode(code)),
          row.hint,
          amount,
          maxUses,
          expiresAt,
          note,
          createdBy,
          now,
        ],
      );
      out.push({ ...info(row, now), code });
    }
  });
  return out;
}

/** Every code, newest first. */
export async function listCodes(db: Db, { now }: { now: number }): Promise<CodeInfo[]> {
  const rows = await db.query<CodeRow>(
    `SELECT id, hint, amount, max_uses, uses, expires_at, note, created_at, revoked_at
       FROM redemption_codes ORDER BY created_at DESC, id`,
  );
  return rows.map((r) => info(r, now));
}

/** Revokes a code (it stays listed); 404 when unknown or already revoked. */
export async function revokeCode(db: Db, id: string, { now }: { now: number }): Promise<void> {
  const r = await db.run(
    "UPDATE redemption_codes SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
    [now, id],
  );
  if (r.changes !== 1) throw new NotFoundError("No such active redemption code");
}

/**
 * Redeems `code` for `userId` and returns the credits added. Unknown, revoked, expired, used-up
 * and already-redeemed-by-this-user codes all give the same 422 on `code` (no oracle).
 */
export async function redeemCode(
  db: Db,
  userId: string,
  code: string,
  { now }: { now: number },
): Promise<number> {
  const hash = await sha256Hex(canonicalCode(code));
  const refused = () =>
    new ValidationError("Cannot redeem this code", [
      { field: "code", message: "unknown, expired, used up or already redeemed" },
    ]);
  return await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; amount: number }>(
      "SELECT id, amount FROM redemption_codes WHERE code_hash = ?",
      [hash],
    );
    const found = rows[0];
    if (!found) throw refused();
    const claimed = await tx.run(
      `UPDATE redemption_codes SET uses = uses + 1
        WHERE id = ? AND uses < max_uses AND revoked_at IS NULL
          AND (expires_at IS NULL OR expires_at > ?)`,
      [found.id, now],
    );
    if (claimed.changes !== 1) throw refused();
    const first = await tx.run(
      `INSERT INTO redemptions (code_id, user_id, amount, redeemed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [found.id, userId, found.amount, now],
    );
    if (first.changes !== 1) throw refused();
    await tx.run("UPDATE users SET credits = credits + ? WHERE id = ?", [found.amount, userId]);
    return Number(found.amount);
  });
}
