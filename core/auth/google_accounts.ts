/**
 * Maps a proven Google identity to a user: by Google subject first; else an account with the
 * same e-mail is linked — only when Google says the e-mail is verified; else a new account is
 * created (also only with a verified e-mail, so nobody can claim an address they do not own).
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

/** The user signing in with `identity`, linking or creating the account as described above. */
export async function userForGoogle(
  db: Db,
  identity: GoogleIdentity,
  { now }: { now: number },
): Promise<{ user: UserRow; created: boolean; linked: boolean }> {
  const known = await findUserByGoogleSub(db, identity.sub);
  if (known) return { user: known, created: false, linked: false };
  if (!identity.email || !identity.emailVerified) {
    throw new UnauthorizedError("Google sign-in needs a verified e-mail address");
  }
  const byEmail = await findUserByEmail(db, identity.email);
  if (byEmail) {
    const r = await db.run("UPDATE users SET google_sub = ? WHERE id = ? AND google_sub IS NULL", [
      identity.sub,
      byEmail.id,
    ]);
    if (r.changes !== 1) throw new UnauthorizedError("Google sign-in failed; please try again");
    return { user: (await findUserById(db, byEmail.id))!, created: false, linked: true };
  }
  const user = await createUser(db, { email: identity.email, googleSub: identity.sub, now });
  return { user, created: true, linked: false };
}
