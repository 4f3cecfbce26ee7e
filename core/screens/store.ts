/**
 * Saved screens per user (SQLite or PostgreSQL through the `Db` interface). A screen's spec is
 * stored as the JSON the API validated, so a saved screen reruns exactly as it was asked.
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";

/** Most saved screens per user. */
export const MAX_SAVED_SCREENS = 100;

/** A saved screen as stored. */
export interface SavedScreenRow {
  id: string;
  name: string;
  /** The screen's request (rule, universe, columns, sort, limit). */
  spec: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

type Raw = Omit<SavedScreenRow, "spec"> & { spec: string };

const row = (r: Raw): SavedScreenRow => ({ ...r, spec: JSON.parse(r.spec) });

/**
 * A user's saved screens.
 *
 * @example
 * ```ts
 * import { openSqlite } from "../db/sqlite.ts";
 * import { migrateUp } from "../db/migrations.ts";
 * import { SavedScreens } from "./store.ts";
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const screens = new SavedScreens(db);
 * const s = await screens.create("u1", "Oversold", { rule: "rsi(14) < 30" }, "2026-01-02T00:00:00Z");
 * (await screens.list("u1")).length; // 1
 * await db.close();
 * ```
 */
export class SavedScreens {
  readonly #db: Db;

  /** @param db an open, migrated database */
  constructor(db: Db) {
    this.#db = db;
  }

  /** The user's screens, most recently changed first. */
  async list(userId: string): Promise<SavedScreenRow[]> {
    const rows = await this.#db.query<Raw>(
      `SELECT id, name, spec, created_at, updated_at FROM saved_screens
        WHERE user_id = ? ORDER BY updated_at DESC, id`,
      [userId],
    );
    return rows.map(row);
  }

  /** One of the user's screens, or null (another user's is null too). */
  async get(userId: string, id: string): Promise<SavedScreenRow | null> {
    const rows = await this.#db.query<Raw>(
      `SELECT id, name, spec, created_at, updated_at FROM saved_screens
        WHERE user_id = ? AND id = ?`,
      [userId, id],
    );
    return rows[0] ? row(rows[0]) : null;
  }

  /** Saves a new screen; a 422 past {@link MAX_SAVED_SCREENS}. */
  async create(
    userId: string,
    name: string,
    spec: Record<string, unknown>,
    now: string,
  ): Promise<SavedScreenRow> {
    const id = crypto.randomUUID();
    await this.#db.transaction(async (tx) => {
      const [n] = await tx.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM saved_screens WHERE user_id = ?",
        [userId],
      );
      if (Number(n?.n ?? 0) >= MAX_SAVED_SCREENS) {
        throw new ValidationError(`At most ${MAX_SAVED_SCREENS} saved screens; delete one first`, [
          { field: "name", message: `at most ${MAX_SAVED_SCREENS} saved screens` },
        ]);
      }
      await tx.run(
        `INSERT INTO saved_screens (id, user_id, name, spec, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [id, userId, name, JSON.stringify(spec), now, now],
      );
    });
    return { id, name, spec, created_at: now, updated_at: now };
  }

  /** Replaces a screen's name and spec; null when the user has no such screen. */
  async update(
    userId: string,
    id: string,
    name: string,
    spec: Record<string, unknown>,
    now: string,
  ): Promise<SavedScreenRow | null> {
    const r = await this.#db.run(
      "UPDATE saved_screens SET name = ?, spec = ?, updated_at = ? WHERE user_id = ? AND id = ?",
      [name, JSON.stringify(spec), now, userId, id],
    );
    return r.changes ? await this.get(userId, id) : null;
  }

  /** Deletes a screen; false when the user has no such screen. */
  async remove(userId: string, id: string): Promise<boolean> {
    const r = await this.#db.run("DELETE FROM saved_screens WHERE user_id = ? AND id = ?", [
      userId,
      id,
    ]);
    return r.changes > 0;
  }
}
