import type { Migration } from "../migrations.ts";

/**
 * Intraday bars (issue 17). `intraday_bars` holds one row per (symbol, interval, bar start):
 * `ts` is the bar's start as a UTC instant in milliseconds since the epoch (the exchange-local
 * label is derived with the symbol's time zone). `bar_interval` is one of `1m 5m 15m 30m 1h`
 * (`interval` is a keyword in PostgreSQL). Each symbol gains its exchange's IANA time zone:
 * `America/New_York` by default, `Asia/Taipei` for the TW market. Daily candles are untouched.
 */
export const m0014: Migration = {
  version: 14,
  name: "intraday",
  up: `
    ALTER TABLE symbols ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'America/New_York';
    UPDATE symbols SET time_zone = 'Asia/Taipei' WHERE market = 'TW';
    CREATE TABLE intraday_bars (
      symbol TEXT NOT NULL REFERENCES symbols (symbol) ON DELETE CASCADE,
      bar_interval TEXT NOT NULL,
      ts BIGINT NOT NULL,
      open DOUBLE PRECISION NOT NULL,
      high DOUBLE PRECISION NOT NULL,
      low DOUBLE PRECISION NOT NULL,
      close DOUBLE PRECISION NOT NULL,
      volume DOUBLE PRECISION NOT NULL,
      PRIMARY KEY (symbol, bar_interval, ts)
    );`,
  down: `
    DROP TABLE intraday_bars;
    ALTER TABLE symbols DROP COLUMN time_zone;`,
};
