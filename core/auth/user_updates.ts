/**
 * Changes to a stored user: an admin's change of plan or role, and a new password (which signs
 * the user out everywhere). The SQL of the admin and auth routes lives here, not in the routes.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { revokeUserApiTokens } from "./api_tokens.ts";
import { revokeUserSessions } from "./sessions.ts";

/** The part of a user an admin sees after changing it. */
export interface UserAccess {
  /** User id. */
  id: string;
  /** E-mail address. */
  email: string;
  /** `free` or `premium`. */
  plan: string;
  /** `user` or `admin`. */
  role: string;
}

/**
 * Sets a user's plan and/or role (an absent one is kept); null when there is no such user.
 *
 * @example
 * ```ts
 * import { migrateUp } from "../db/migrations.ts";
 * import { openSqlite } from "../db/sqlite.ts";
 * import { updateUserAccess } from "./user_updates.ts";
 * import { createUser } from "./users.ts";
 *
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const user = await createUser(db, { email: "ana@example.com", now: Date.now() });
 * const changed = await updateUserAccess(db, user.id, { plan: "premium" });
 * changed?.plan; // "premium"
 * await db.close();
 * ```
 */
export async function updateUserAccess(
  db: Db,
  id: string,
  { plan = null, role = null }: { plan?: string | null; role?: string | null },
): Promise<UserAccess | null> {
  const r = await db.run(
    "UPDATE users SET plan = COALESCE(?, plan), role = COALESCE(?, role) WHERE id = ?",
    [plan, role, id],
  );
  if (r.changes === 0) return null;
  const [row] = await db.query<UserAccess>(
    "SELECT id, email, plan, role FROM users WHERE id = ?",
    [id],
  );
  return row ?? null;
}

/** What a password change revoked. */
export interface PasswordChange {
  /** Sessions signed out. */
  sessionsRevoked: number;
  /** API tokens deleted. */
  apiTokensRevoked: number;
}

/**
 * Stores a user's new password hash and, in the same transaction, revokes every session and API
 * token of the user (whoever knew the old password is signed out).
 *
 * @example
 * ```ts
 * import { migrateUp } from "../db/migrations.ts";
 * import { openSqlite } from "../db/sqlite.ts";
 * import { hashPassword } from "./password.ts";
 * import { replacePassword } from "./user_updates.ts";
 * import { createUser } from "./users.ts";
 *
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const user = await createUser(db, { email: "ana@example.com", now: Date.now() });
 * const revoked = await replacePassword(db, user.id, await hashPassword("a long new password"));
 * revoked.sessionsRevoked; // 0: the new account had no session
 * await db.close();
 * ```
 */
export function replacePassword(
  db: Db,
  userId: string,
  passwordHash: string,
): Promise<PasswordChange> {
  return db.transaction(async (tx) => {
    await tx.run("UPDATE users SET password_hash = ? WHERE id = ?", [passwordHash, userId]);
    return {
      sessionsRevoked: await revokeUserSessions(tx, userId),
      apiTokensRevoked: await revokeUserApiTokens(tx, userId),
    };
  });
}
