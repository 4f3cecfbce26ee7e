/**
 * Users' server-side watchlists (SQLite or PostgreSQL through the `Db` interface): an ordered
 * list of symbols per user, replaced whole.
 *
 * @module
 */
import type { Db } from "../db/db.ts";

/** Most symbols on one watchlist (the wire schema's bound). */
export { MAX_WATCHLIST } from "@trading/shared/schemas";

/**
 * A user's watchlist.
 *
 * @example
 * ```ts
 * import { openSqlite } from "../db/sqlite.ts";
 * import { migrateUp } from "../db/migrations.ts";
 * import { Watchlists } from "./store.ts";
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const lists = new Watchlists(db);
 * await lists.replace("u1", ["AAPL", "SPY"], "2026-01-02T00:00:00Z");
 * (await lists.get("u1")).join(); // "AAPL,SPY"
 * await db.close();
 * ```
 */
export class Watchlists {
  readonly #db: Db;

  /** @param db an open, migrated database */
  constructor(db: Db) {
    this.#db = db;
  }

  /** The user's symbols in their order ([] when none). */
  async get(userId: string): Promise<string[]> {
    const rows = await this.#db.query<{ symbol: string }>(
      "SELECT symbol FROM watchlist_symbols WHERE user_id = ? ORDER BY position, symbol",
      [userId],
    );
    return rows.map((r) => r.symbol);
  }

  /**
   * Replaces the user's list with `symbols` (duplicates dropped, first kept; the caller bounds
   * and validates them); returns the list as stored.
   */
  async replace(userId: string, symbols: readonly string[], now: string): Promise<string[]> {
    const list = [...new Set(symbols)];
    await this.#db.transaction(async (tx) => {
      await tx.run("DELETE FROM watchlist_symbols WHERE user_id = ?", [userId]);
      for (const [i, s] of list.entries()) {
        await tx.run(
          `INSERT INTO watchlist_symbols (user_id, symbol, position, added_at)
           VALUES (?, ?, ?, ?)`,
          [userId, s, i, now],
        );
      }
    });
    return list;
  }
}
