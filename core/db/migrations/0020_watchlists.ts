import type { Migration } from "../migrations.ts";

/**
 * A signed-in user's watchlist, kept on the server (the browser's copy serves signed-out
 * visitors): one row per symbol, `position` keeping the user's order. Portable SQL, the same
 * for SQLite and PostgreSQL.
 */
export const m0020: Migration = {
  version: 20,
  name: "watchlists",
  up: `
      CREATE TABLE watchlist_symbols (
        user_id TEXT NOT NULL,
        symbol TEXT NOT NULL,
        position INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (user_id, symbol)
      );
      CREATE INDEX watchlist_symbols_order ON watchlist_symbols(user_id, position);`,
  down: `DROP INDEX watchlist_symbols_order; DROP TABLE watchlist_symbols;`,
};
