import type { Migration } from "../migrations.ts";

/**
 * Retention of stored backtests: `expires_at` (ms; anonymous results expire, a user's do not)
 * and `size_bytes` (of the stored, compacted result) for the per-user and anonymous storage
 * caps enforced by core/backtest_store.
 */
export const m0008: Migration = {
  version: 8,
  name: "backtest_retention",
  up: `
    ALTER TABLE backtests ADD COLUMN expires_at BIGINT;
    ALTER TABLE backtests ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0;
    CREATE INDEX backtests_expires ON backtests (expires_at);`,
  down: `
    DROP INDEX backtests_expires;
    ALTER TABLE backtests DROP COLUMN size_bytes;
    ALTER TABLE backtests DROP COLUMN expires_at;`,
};
