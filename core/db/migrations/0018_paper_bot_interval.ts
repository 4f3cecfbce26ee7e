import type { Migration } from "../migrations.ts";

/**
 * The bar interval a paper bot decides on (`bar_interval`: `interval` is a keyword in PostgreSQL): `1d` (every existing bot), `1w` or `1mo` (it
 * decides at the close of the last trading day of each week or month, on the aggregated bar).
 */
export const m0018: Migration = {
  version: 18,
  name: "paper_bot_interval",
  up: `ALTER TABLE paper_bots ADD COLUMN bar_interval TEXT NOT NULL DEFAULT '1d';`,
  down: `ALTER TABLE paper_bots DROP COLUMN bar_interval;`,
};
