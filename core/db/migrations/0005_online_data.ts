import type { Migration } from "../migrations.ts";

/**
 * Online market data: each symbol's provider and price basis, corporate actions, quarantined
 * provider answers, and leases so that one instance refreshes a symbol at a time.
 */
export const m0005: Migration = {
  version: 5,
  name: "online_data",
  up: `
    ALTER TABLE symbols ADD COLUMN provider TEXT NOT NULL DEFAULT 'embedded';
    ALTER TABLE symbols ADD COLUMN price_basis TEXT NOT NULL DEFAULT 'raw';
    ALTER TABLE symbols ADD COLUMN refreshed_at TEXT;
    CREATE TABLE corporate_actions (
      symbol TEXT NOT NULL,
      date TEXT NOT NULL,
      kind TEXT NOT NULL,
      value DOUBLE PRECISION NOT NULL,
      PRIMARY KEY (symbol, date, kind)
    );
    CREATE TABLE quarantine (
      id {{id}},
      symbol TEXT NOT NULL,
      provider TEXT NOT NULL,
      received_at TEXT NOT NULL,
      reason TEXT NOT NULL,
      details TEXT NOT NULL
    );
    CREATE INDEX quarantine_symbol ON quarantine (symbol, received_at);
    CREATE TABLE job_leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );`,
  down: `
    DROP TABLE job_leases;
    DROP INDEX quarantine_symbol;
    DROP TABLE quarantine;
    DROP TABLE corporate_actions;
    ALTER TABLE symbols DROP COLUMN refreshed_at;
    ALTER TABLE symbols DROP COLUMN price_basis;
    ALTER TABLE symbols DROP COLUMN provider;`,
};
