import type { Migration } from "../migrations.ts";

/**
 * A paper order says whether it may open a short: a sell larger than the long position is
 * refused unless `allow_short` is 1. Orders stored before this migration were accepted without
 * that check, so they keep the old meaning (1); every new order writes the column explicitly.
 */
export const m0011: Migration = {
  version: 11,
  name: "paper_allow_short",
  up: `ALTER TABLE paper_orders ADD COLUMN allow_short INTEGER NOT NULL DEFAULT 1;`,
  down: `ALTER TABLE paper_orders DROP COLUMN allow_short;`,
};
