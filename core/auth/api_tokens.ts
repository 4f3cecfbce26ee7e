/**
 * API tokens for programs: `tsk_` + 256 random bits, shown once at creation, stored as SHA-256,
 * sent as `Authorization: Bearer tsk_…`, listed by prefix and revoked by their owner.
 *
 * @module
 */
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import { newId, randomToken, sha256Hex } from "./crypto.ts";
import type { UserRow } from "./users.ts";

/** Marks our tokens so secret scanners (and people) recognise them. */
export const TOKEN_PREFIX = "tsk_";

/** A token as listed (never the secret). */
export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

/** At most this many live tokens per user. */
export const MAX_TOKENS_PER_USER = 20;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Creates a token; the returned `token` is the only time the secret exists in clear. */
export async function createApiToken(
  db: Db,
  userId: string,
  { name, now }: { name: string; now: number },
): Promise<ApiTokenInfo & { token: string }> {
  const token = TOKEN_PREFIX + randomToken(32);
  const id = newId();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const hash = await sha256Hex(token);
  const created = await db.transaction(async (tx) => {
    const [{ n }] = await tx.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = ?",
      [userId],
    ) as [{ n: number }];
    if (Number(n) >= MAX_TOKENS_PER_USER) return false;
    await tx.run(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [id, userId, name, hash, prefix, now],
    );
    return true;
  });
  if (!created) {
    throw new ValidationError(`Cannot create token: at most ${MAX_TOKENS_PER_USER} per user`, [
      { field: "name", message: `revoke a token first (limit ${MAX_TOKENS_PER_USER})` },
    ]);
  }
  return { id, name, prefix, created_at: iso(now)!, last_used_at: null, token };
}

/** The caller's tokens, newest first. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.query<
    { id: string; name: string; prefix: string; created_at: number; last_used_at: number | null }
  >(
    `SELECT id, name, prefix, created_at, last_used_at FROM api_tokens
      WHERE user_id = ? ORDER BY created_at DESC, id`,
    [userId],
  );
  return rows.map((r) => ({
    ...r,
    created_at: iso(r.created_at)!,
    last_used_at: iso(r.last_used_at),
  }));
}

/** Revokes one of the caller's tokens; another user's id is a 404 like an unknown one. */
export async function revokeApiToken(db: Db, userId: string, id: string): Promise<void> {
  const r = await db.run("DELETE FROM api_tokens WHERE id = ? AND user_id = ?", [id, userId]);
  if (r.changes !== 1) throw new NotFoundError("No such API token");
}

/** Revokes every API token of a user (password change); returns how many there were. */
export async function revokeUserApiTokens(db: Db, userId: string): Promise<number> {
  return (await db.run("DELETE FROM api_tokens WHERE user_id = ?", [userId])).changes;
}

/** The owner of a bearer token, or null. Records when it was last used (at most per minute). */
export async function apiTokenUser(
  db: Db,
  token: string,
  { now }: { now: number },
): Promise<UserRow | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const rows = await db.query<UserRow & { tid: string; last_used_at: number | null }>(
    `SELECT u.*, t.id AS tid, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ?`,
    [await sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.last_used_at === null || now - Number(row.last_used_at) >= 60_000) {
    await db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [now, row.tid]);
  }
  const { tid: _t, last_used_at: _l, ...user } = row;
  return user as UserRow;
}
