/**
 * Bots of the paper broker: a strategy attached to an account that trades one symbol as the
 * clock advances, through the same broker steps as a backtest (see _bot_steps.ts).
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { PaperEnv } from "./orders.ts";
import * as store from "./store.ts";

/** Most active bots per account. */
export const MAX_BOTS = 10;

/**
 * Attaches a strategy that trades `b.symbol` on account `id` of `userId`; any strategy,
 * including those whose decisions carry stop-loss/take-profit levels (the bot's broker slot
 * attaches them to its entries, as backtests do). Throws NotFoundError for an unknown account
 * or symbol, ValidationError when the account already has {@link MAX_BOTS} bots.
 */
export async function addBot(
  env: PaperEnv & { readonly db: Db },
  userId: string,
  id: string,
  b: {
    symbol: string;
    strategy: string;
    params: Record<string, unknown>;
    percent: number;
    /** The bar interval it decides on (default `1d`). */
    interval?: "1d" | "1w" | "1mo";
  },
) {
  await store.requireAccount(env.db, id, userId);
  const active = await store.listBots(env.db, id);
  if (active.length >= MAX_BOTS) {
    throw new ValidationError(
      `The account already has ${active.length} bots (at most ${MAX_BOTS})`,
      [
        { field: "strategy", message: `at most ${MAX_BOTS} bots per account` },
      ],
    );
  }
  await env.series(b.symbol);
  const botId = crypto.randomUUID();
  const interval = b.interval ?? "1d";
  // a day's bots run in the order they were added (listBots: created_at, then id), and that
  // order decides which spends the cash first; a bot added in the same millisecond as the
  // previous one would fall back to the random ids, so its stamp is kept after the latest
  const createdAt = stampAfter(env.now(), active.at(-1)?.created_at);
  await env.db.run(
    `INSERT INTO paper_bots (id, account_id, symbol, strategy, params, percent, last_target,
       active, created_at, bar_interval) VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?, ?)`,
    [botId, id, b.symbol, b.strategy, JSON.stringify(b.params), b.percent, createdAt, interval],
  );
  return { id: botId, ...b, interval, last_target: 0, active: true };
}

/** `now`, or one millisecond after `latest` when `now` is not later (ISO timestamps). */
function stampAfter(now: string, latest: string | undefined): string {
  if (latest === undefined || now > latest) return now;
  return new Date(Date.parse(latest) + 1).toISOString();
}
