/**
 * User rows: lookup, creation and the mapping to the {@link AuthUser} routes see.
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { AuthUser } from "./auth_context.ts";
import { newId } from "./crypto.ts";

/** A user row as stored. */
export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  google_sub: string | null;
  role: "user" | "admin";
  plan: "free" | "premium";
  free_remaining: number;
  credits: number;
  daily_day: string | null;
  daily_used: number;
  created_at: number;
}

/** Free AI analyses a new account starts with. */
export const FREE_ANALYSES = 3;

/**
 * The one refusal of an e-mail at registration, whether it is malformed or already registered:
 * the answers are identical, so they do not tell which.
 */
export const REGISTRATION_REFUSED = {
  message: "Cannot register with this e-mail address",
  issue: {
    field: "email",
    message: "cannot register with this address: check it, or sign in if you have an account",
  },
} as const;

/** Lower-cases and trims an e-mail address (the stored, unique form). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The public view of a user row. */
export function toAuthUser(row: UserRow): AuthUser {
  return { id: row.id, email: row.email, role: row.role, plan: row.plan };
}

/** The user with this id, or null. */
export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.query<UserRow>("SELECT * FROM users WHERE id = ?", [id]);
  return rows[0] ?? null;
}

/** The user with this e-mail (any case), or null. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const rows = await db.query<UserRow>("SELECT * FROM users WHERE email = ?", [
    normalizeEmail(email),
  ]);
  return rows[0] ?? null;
}

/** The user linked to this Google subject, or null. */
export async function findUserByGoogleSub(db: Db, sub: string): Promise<UserRow | null> {
  const rows = await db.query<UserRow>("SELECT * FROM users WHERE google_sub = ?", [sub]);
  return rows[0] ?? null;
}

/**
 * Creates a user. Throws a {@link ValidationError} on `email` when the address is taken (the
 * unique index decides, so two concurrent registrations cannot both succeed).
 */
export async function createUser(
  db: Db,
  { email, passwordHash = null, googleSub = null, role = "user", now }: {
    email: string;
    passwordHash?: string | null;
    googleSub?: string | null;
    role?: "user" | "admin";
    now: number;
  },
): Promise<UserRow> {
  const id = newId();
  const r = await db.run(
    `INSERT INTO users (id, email, password_hash, google_sub, role, plan, free_remaining,
       credits, daily_used, created_at) VALUES (?, ?, ?, ?, ?, 'free', ?, 0, 0, ?)
     ON CONFLICT DO NOTHING`,
    [id, normalizeEmail(email), passwordHash, googleSub, role, FREE_ANALYSES, now],
  );
  if (r.changes !== 1) {
    throw new ValidationError(REGISTRATION_REFUSED.message, [REGISTRATION_REFUSED.issue]);
  }
  return (await findUserById(db, id))!;
}
