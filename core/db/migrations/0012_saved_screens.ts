import type { Migration } from "../migrations.ts";

/**
 * Saved screens: a user's named screener requests (rule, universe, columns, sort, limit as the
 * JSON `spec`), listed newest first.
 */
export const m0012: Migration = {
  version: 12,
  name: "saved_screens",
  up: `
      CREATE TABLE saved_screens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL,
        spec TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX saved_screens_user ON saved_screens(user_id, updated_at);`,
  down: `DROP INDEX saved_screens_user; DROP TABLE saved_screens;`,
};
