import type { Migration } from "../migrations.ts";

/**
 * Reservation counters of the AI analyst, one row per (scope, UTC day): `budget` holds today's
 * LLM spend in USD (settled costs plus reservations of calls in flight) and `chat:<user id>`
 * a user's chat replies. Each LLM call reserves with one conditional UPDATE before it is made
 * (see core/ai/spend.ts), so concurrent requests on any number of instances cannot overspend.
 */
export const m0006: Migration = {
  version: 6,
  name: "ai_spend",
  up: `
    CREATE TABLE ai_spend (
      scope TEXT NOT NULL,
      day TEXT NOT NULL,
      calls INTEGER NOT NULL DEFAULT 0,
      usd DOUBLE PRECISION NOT NULL DEFAULT 0,
      PRIMARY KEY (scope, day)
    );`,
  down: `DROP TABLE ai_spend;`,
};
