/**
 * The replay clock of the paper broker: advancing an account over the stored bars after its
 * clock, in chunks of one transaction each.
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { Series } from "../market_data/series.ts";
import { type BotDecider, botDecider, replayDates } from "./_replay.ts";
import { replayDays } from "./_replay_days.ts";
import { type BotSlot, loadSlot } from "./_bot_slot.ts";
import type { PaperEnv } from "./orders.ts";
import * as store from "./store.ts";

/** Most trading days one `advance` replays. */
export const MAX_REPLAY_BARS = 2000;

/** Most trading days replayed per transaction (the write lock is held for one chunk at a time). */
export const REPLAY_CHUNK = 250;

/**
 * Milliseconds of work after which a replay chunk commits at the end of the current day and
 * lets the event loop serve other requests before the next chunk (SQLite calls are synchronous,
 * so a chunk runs as one block).
 */
export const REPLAY_BUDGET_MS = 20;

/** What a replay needs from the paper service. */
export interface AdvanceEnv extends PaperEnv {
  /** The database. */
  readonly db: Db;
  /** Most trading days per replay transaction. */
  readonly replayChunk: number;
  /** Milliseconds of work per replay transaction (at least one day is replayed). */
  readonly replayBudgetMs: number;
  /** A monotonic clock in milliseconds (for the work budget only). */
  readonly ticks: () => number;
}

/**
 * Replays the stored bars after the clock of account `id` (the next `bars` trading days of
 * its symbols, or up to `to`, at most {@link MAX_REPLAY_BARS}): open orders are matched bar by
 * bar with the shared fill model, and each bot runs the backtest engine's broker steps (its
 * order from the last close fills at the open, attached exits within the bar, then it decides
 * at the close). Each bot's strategy is prepared once, on its bars up to the
 * last replayed day (strategies are causal: a decision at bar i reads only bars ≤ i). The
 * replay commits in chunks of at most `env.replayChunk` days and about `env.replayBudgetMs` of
 * work, one transaction each, and yields to the event loop between chunks: a chunk is never
 * half-applied, and a failure keeps the chunks before it (the clock says how far).
 * Returns the fills and the number of trading days replayed.
 */
export async function advanceAccount(
  env: AdvanceEnv,
  userId: string,
  id: string,
  by: { bars?: number | undefined; to?: string | undefined },
): Promise<{ fills: unknown[]; replayed_bars: number }> {
  const a0 = await store.requireAccount(env.db, id, userId);
  if (by.to !== undefined && by.to <= a0.clock) {
    throw new ValidationError(`to must be after the clock ${a0.clock}`, [{
      field: "to",
      message: `must be after ${a0.clock}`,
    }]);
  }
  const [ledger0, bots0, open0] = await Promise.all([
    store.loadLedger(env.db, a0),
    store.listBots(env.db, id),
    store.listOrders(env.db, id, "open"),
  ]);
  const symbols = new Set([
    ...open0.map((o) => o.symbol),
    ...ledger0.positions.keys(),
    ...bots0.map((b) => b.symbol),
  ]);
  const series = new Map<string, Series>();
  for (const s of symbols) series.set(s, await env.series(s));
  const dates = replayDates(series, a0.clock, by);
  if (dates.length > MAX_REPLAY_BARS) {
    throw new ValidationError(
      `Replay too long: ${dates.length} trading days until ${by.to}, at most ${MAX_REPLAY_BARS} ` +
        "per request; advance in steps",
      [{ field: "to", message: `at most ${MAX_REPLAY_BARS} trading days per request` }],
    );
  }
  if (dates.length === 0 && by.to === undefined) {
    throw new ValidationError(
      "Nothing to replay: no stored bars after the clock for the account's symbols " +
        "(place an order or add a bot first)",
      [{ field: "bars", message: "no bars after the clock" }],
    );
  }
  const last = dates.at(-1) ?? by.to!;
  const deciders = new Map<string, BotDecider | null>();
  const fills: unknown[] = [];
  let clock = a0.clock;
  let k = 0;
  do {
    // a macrotask between chunks: SQLite calls are synchronous, so without it the whole replay
    // ran as one block and no other request was served until it ended
    if (k > 0) await nextMacrotask();
    const chunk = dates.slice(k, k + env.replayChunk);
    const deadline = env.ticks() + env.replayBudgetMs;
    const stop = () => env.ticks() >= deadline;
    clock = await env.db.transaction(async (tx) => {
      const a = await store.requireAccount(tx, id, userId, true);
      if (a.clock !== clock) {
        throw new ValidationError(
          `The account's clock moved to ${a.clock} during the replay (another replay ran); ` +
            "nothing after it was replayed here",
          [{ field: "bars", message: "concurrent replay" }],
        );
      }
      const ledger = await store.loadLedger(tx, a);
      const bots = await store.listBots(tx, id);
      for (const b of bots) {
        if (!deciders.has(b.id)) {
          const s = series.get(b.symbol) ?? await env.series(b.symbol);
          series.set(b.symbol, s);
          deciders.set(b.id, botDecider(b, s, last));
        }
      }
      const slots = new Map<string, BotSlot>();
      for (const b of bots) slots.set(b.id, await loadSlot(tx, ledger, b));
      const ctx = { tx, ledger, series, fills, deciders, slots, stop };
      const open = await store.listOrders(tx, id, "open");
      const done = await replayDays(env, ctx, a, bots, open, chunk);
      k += done;
      const reached = chunk[done - 1] ?? a.clock;
      const target = k >= dates.length && by.to !== undefined && by.to > reached ? by.to : reached;
      await store.saveLedger(tx, a, ledger, target, env.now());
      return target;
    });
  } while (k < dates.length);
  return { fills, replayed_bars: dates.length };
}

/** Resolves after the event loop has served pending I/O and timers (a macrotask, not a microtask). */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
