/**
 * Test fixtures private to core/auth: a migrated in-memory SQLite database and users in it.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { createUser, type UserRow } from "./users.ts";

/** A migrated in-memory SQLite database. */
export async function memoryDb(): Promise<Db> {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  return db;
}

/** Creates a user with no password (fast) and returns it. */
export function makeUser(db: Db, email: string, now = Date.UTC(2024, 0, 1)): Promise<UserRow> {
  return createUser(db, { email, now });
}
