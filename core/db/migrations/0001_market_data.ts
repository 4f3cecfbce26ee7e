import type { Migration } from "../migrations.ts";

/** Symbols and daily candles. */
export const m0001: Migration = {
  version: 1,
  name: "market_data",
  up: `
      CREATE TABLE symbols (
        symbol TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        market TEXT NOT NULL,
        currency TEXT NOT NULL,
        source TEXT NOT NULL,
        in_universe INTEGER NOT NULL DEFAULT 0,
        data_version BIGINT NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
      );
      CREATE TABLE candles (
        symbol TEXT NOT NULL REFERENCES symbols(symbol) ON DELETE CASCADE,
        date TEXT NOT NULL,
        open DOUBLE PRECISION NOT NULL,
        high DOUBLE PRECISION NOT NULL,
        low DOUBLE PRECISION NOT NULL,
        close DOUBLE PRECISION NOT NULL,
        volume DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (symbol, date)
      );`,
  down: `DROP TABLE candles; DROP TABLE symbols;`,
};
