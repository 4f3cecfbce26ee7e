/**
 * API tokens for programs: `tsk_` + 256 random bits, shown once at creation, stored as SHA-256,
 * sent as `Authorization: Bearer tsk_…`, listed by prefix and revoked by their owner. Each token
 * carries scopes (what it may do, see `API_SCOPES`); a token may mint tokens only with the
 * `account` scope and only with scopes it holds itself, and revoking a token revokes every token
 * minted from it.
 *
 * @module
 */
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import { API_SCOPES, type ApiScope } from "@trading/shared/schemas";
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
  scopes: ApiScope[];
  parent_id: string | null;
  created_at: string;
  last_used_at: string | null;
}

/** The token that authenticated a request: its id and scopes. */
export interface TokenGrant {
  /** Token id. */
  id: string;
  /** What it may do. */
  scopes: readonly ApiScope[];
}

/** Scopes as stored (space-separated) → list, in `API_SCOPES` order; unknown words dropped. */
export function parseScopes(stored: string): ApiScope[] {
  const words = new Set(stored.split(/\s+/));
  return API_SCOPES.filter((s) => words.has(s));
}

/** At most this many live tokens per user. */
export const MAX_TOKENS_PER_USER = 20;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Creates a token; the returned `token` is the only time the secret exists in clear. */
export async function createApiToken(
  db: Db,
  userId: string,
  { name, now, scopes = API_SCOPES, parent = null }: {
    name: string;
    now: number;
    scopes?: readonly ApiScope[];
    parent?: TokenGrant | null;
  },
): Promise<ApiTokenInfo & { token: string }> {
  const wanted = API_SCOPES.filter((s) => scopes.includes(s));
  if (parent) {
    const extra = wanted.filter((s) => !parent.scopes.includes(s));
    if (extra.length) {
      throw new ValidationError("Cannot create token: a token cannot grant scopes it lacks", [
        { field: "scopes", message: `not held by the calling token: ${extra.join(", ")}` },
      ]);
    }
  }
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
      `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, scopes, parent_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, userId, name, hash, prefix, now, wanted.join(" "), parent?.id ?? null],
    );
    return true;
  });
  if (!created) {
    throw new ValidationError(`Cannot create token: at most ${MAX_TOKENS_PER_USER} per user`, [
      { field: "name", message: `revoke a token first (limit ${MAX_TOKENS_PER_USER})` },
    ]);
  }
  return {
    id,
    name,
    prefix,
    scopes: wanted,
    parent_id: parent?.id ?? null,
    created_at: iso(now)!,
    last_used_at: null,
    token,
  };
}

/** The caller's tokens, newest first. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    prefix: string;
    scopes: string;
    parent_id: string | null;
    created_at: number;
    last_used_at: number | null;
  }>(
    `SELECT id, name, prefix, scopes, parent_id, created_at, last_used_at FROM api_tokens
      WHERE user_id = ? ORDER BY created_at DESC, id`,
    [userId],
  );
  return rows.map((r) => ({
    ...r,
    scopes: parseScopes(r.scopes),
    created_at: iso(r.created_at)!,
    last_used_at: iso(r.last_used_at),
  }));
}

/**
 * Revokes one of the caller's tokens and every token minted from it (transitively); another
 * user's id is a 404 like an unknown one. Returns how many tokens were revoked.
 */
export async function revokeApiToken(db: Db, userId: string, id: string): Promise<number> {
  const r = await db.run(
    `WITH RECURSIVE tree(id) AS (
       SELECT id FROM api_tokens WHERE id = ? AND user_id = ?
       UNION SELECT t.id FROM api_tokens t JOIN tree ON t.parent_id = tree.id
     )
     DELETE FROM api_tokens WHERE id IN (SELECT id FROM tree)`,
    [id, userId],
  );
  if (r.changes < 1) throw new NotFoundError("No such API token");
  return r.changes;
}

/** Revokes every API token of a user (password change); returns how many there were. */
export async function revokeUserApiTokens(db: Db, userId: string): Promise<number> {
  return (await db.run("DELETE FROM api_tokens WHERE user_id = ?", [userId])).changes;
}

/**
 * The owner of a bearer token and the token's grant, or null. Records when it was last used (at
 * most per minute).
 */
export async function apiTokenUser(
  db: Db,
  token: string,
  { now }: { now: number },
): Promise<{ user: UserRow; grant: TokenGrant } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const rows = await db.query<
    UserRow & { tid: string; tscopes: string; last_used_at: number | null }
  >(
    `SELECT u.*, t.id AS tid, t.scopes AS tscopes, t.last_used_at
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ?`,
    [await sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.last_used_at === null || now - Number(row.last_used_at) >= 60_000) {
    await db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [now, row.tid]);
  }
  const { tid, tscopes, last_used_at: _l, ...user } = row;
  return { user: user as UserRow, grant: { id: tid, scopes: parseScopes(tscopes) } };
}
