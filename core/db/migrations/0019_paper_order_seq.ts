import type { Migration } from "../migrations.ts";

/**
 * Time priority of paper orders: `seq` numbers an account's orders in the order they were
 * placed (the next number is taken inside the placing transaction, which holds the account's
 * lock). Ordering by `created_at, id` broke ties between orders placed in the same millisecond
 * by their random ids, so a sell placed after a short could be matched before it. Orders
 * stored before this migration keep `seq = 0` and their `created_at` order.
 */
export const m0019: Migration = {
  version: 19,
  name: "paper_order_seq",
  up: `ALTER TABLE paper_orders ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX paper_orders_seq ON paper_orders(account_id, seq);`,
  down: `DROP INDEX paper_orders_seq;
    ALTER TABLE paper_orders DROP COLUMN seq;`,
};
