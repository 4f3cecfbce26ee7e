import type { Migration } from "../migrations.ts";

/**
 * Paper bots run the simulated broker's strategy slot (core/execution/position.ts), the same
 * one the backtest engine runs: `state` holds the slot between replays as JSON (position,
 * entry, attached stop-loss/take-profit levels, the order waiting for the next open). NULL for
 * a bot that has not traded since this migration: its slot is rebuilt from the account's
 * position in the bot's symbol.
 */
export const m0010: Migration = {
  version: 10,
  name: "paper_bot_state",
  up: `ALTER TABLE paper_bots ADD COLUMN state TEXT;`,
  down: `ALTER TABLE paper_bots DROP COLUMN state;`,
};
