import type { Migration } from "../migrations.ts";

/** Stored backtests, optimisation jobs and paper-trading accounts (ids are UUID text). */
export const m0003: Migration = {
  version: 3,
  name: "backtests_paper",
  up: `
      CREATE TABLE backtests (
        id TEXT PRIMARY KEY,
        user_id TEXT,
        symbol TEXT NOT NULL,
        strategy TEXT NOT NULL,
        request TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX backtests_user ON backtests(user_id, created_at);
      CREATE TABLE optimisations (
        id TEXT PRIMARY KEY,
        user_id TEXT,
        kind TEXT NOT NULL,
        request TEXT NOT NULL,
        status TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        result TEXT,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE paper_accounts (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL,
        starting_cash DOUBLE PRECISION NOT NULL,
        cash DOUBLE PRECISION NOT NULL,
        realised DOUBLE PRECISION NOT NULL DEFAULT 0,
        fees DOUBLE PRECISION NOT NULL DEFAULT 0,
        clock TEXT NOT NULL,
        fee_bps DOUBLE PRECISION NOT NULL DEFAULT 0,
        min_fee DOUBLE PRECISION NOT NULL DEFAULT 0,
        slippage_bps DOUBLE PRECISION NOT NULL DEFAULT 0,
        max_position_pct DOUBLE PRECISION,
        max_order_value DOUBLE PRECISION,
        kill_switch INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX paper_accounts_user ON paper_accounts(user_id);
      CREATE TABLE paper_positions (
        account_id TEXT NOT NULL REFERENCES paper_accounts(id) ON DELETE CASCADE,
        symbol TEXT NOT NULL,
        qty DOUBLE PRECISION NOT NULL,
        avg_cost DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (account_id, symbol)
      );
      CREATE TABLE paper_orders (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES paper_accounts(id) ON DELETE CASCADE,
        client_order_id TEXT NOT NULL,
        symbol TEXT NOT NULL,
        side TEXT NOT NULL,
        type TEXT NOT NULL,
        qty DOUBLE PRECISION NOT NULL,
        price DOUBLE PRECISION,
        status TEXT NOT NULL,
        reason TEXT,
        source TEXT NOT NULL,
        placed_clock TEXT NOT NULL,
        created_at TEXT NOT NULL,
        filled_date TEXT,
        fill_price DOUBLE PRECISION,
        fee DOUBLE PRECISION,
        UNIQUE (account_id, client_order_id)
      );
      CREATE INDEX paper_orders_open ON paper_orders(account_id, status);
      CREATE TABLE paper_fills (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES paper_accounts(id) ON DELETE CASCADE,
        order_id TEXT NOT NULL REFERENCES paper_orders(id) ON DELETE CASCADE,
        symbol TEXT NOT NULL,
        side TEXT NOT NULL,
        qty DOUBLE PRECISION NOT NULL,
        price DOUBLE PRECISION NOT NULL,
        fee DOUBLE PRECISION NOT NULL,
        realised DOUBLE PRECISION NOT NULL,
        date TEXT NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE INDEX paper_fills_account ON paper_fills(account_id, seq);
      CREATE TABLE paper_bots (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES paper_accounts(id) ON DELETE CASCADE,
        symbol TEXT NOT NULL,
        strategy TEXT NOT NULL,
        params TEXT NOT NULL,
        percent DOUBLE PRECISION NOT NULL,
        last_target INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );`,
  down: `DROP TABLE paper_bots; DROP TABLE paper_fills; DROP TABLE paper_orders;
      DROP TABLE paper_positions; DROP TABLE paper_accounts; DROP TABLE optimisations;
      DROP TABLE backtests;`,
};
