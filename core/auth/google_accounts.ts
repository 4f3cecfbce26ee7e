/**
 * Maps a proven Google identity to a user: by Google subject first; else an account with the
 * same e-mail is linked — only when Google says the e-mail is verified; else a new account is
 * created (also only with a verified e-mail, so nobody can claim an address they do not own).
 *
 * Nothing here ever verified the address of an e-mail/password account, so whoever registered it
 * may not own the address. Linking therefore hands the account to the Google user: in the same
 * transaction as the link, its password is removed and every session and API token of it is
 * revoked (otherwise someone who registered the victim's address first would keep a way in).
 *
 * @module
 */
import { UnauthorizedError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { GoogleIdentity } from "./google.ts";
import {
  createUser,
  findUserByEmail,
  findUserByGoogleSub,
  findUserById,
  type UserRow,
} from "./users.ts";

/** What linking took away from the account (counts, for the log). */
export interface LinkRevocations {
  /** Whether the account had a password (now removed). */
  password: boolean;
  /** Sessions revoked. */
  sessions: number;
  /** API tokens revoked. */
  apiTokens: number;
}

/**
 * Links `userId` to the Google subject `sub` and, in the same transaction, removes its password
 * and revokes its sessions and API tokens. Null when the account was linked meanwhile.
 */
export function linkGoogleAccount(
  db: Db,
  userId: string,
  sub: string,
): Promise<LinkRevocations | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ password_hash: string | null }>(
      "SELECT password_hash FROM users WHERE id = ? AND google_sub IS NULL",
      [userId],
    );
    const r = await tx.run(
      "UPDATE users SET google_sub = ?, password_hash = NULL WHERE id = ? AND google_sub IS NULL",
      [sub, userId],
    );
    if (!row || r.changes !== 1) return null;
    const sessions = await tx.run("DELETE FROM sessions WHERE user_id = ?", [userId]);
    const tokens = await tx.run("DELETE FROM api_tokens WHERE user_id = ?", [userId]);
    return {
      password: row.password_hash !== null,
      sessions: sessions.changes,
      apiTokens: tokens.changes,
    };
  });
}

/** The user signing in with `identity`, linking or creating the account as described above. */
export async function userForGoogle(
  db: Db,
  identity: GoogleIdentity,
  { now }: { now: number },
): Promise<{ user: UserRow; created: boolean; linked: LinkRevocations | null }> {
  const known = await findUserByGoogleSub(db, identity.sub);
  if (known) return { user: known, created: false, linked: null };
  if (!identity.email || !identity.emailVerified) {
    throw new UnauthorizedError("Google sign-in needs a verified e-mail address");
  }
  const byEmail = await findUserByEmail(db, identity.email);
  if (byEmail) {
    const linked = await linkGoogleAccount(db, byEmail.id, identity.sub);
    if (!linked) throw new UnauthorizedError("Google sign-in failed; please try again");
    return { user: (await findUserById(db, byEmail.id))!, created: false, linked };
  }
  const user = await createUser(db, { email: identity.email, googleSub: identity.sub, now });
  return { user, created: true, linked: null };
}
