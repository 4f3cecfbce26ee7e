/**
 * A paper bot's broker slot (private to core/paper): the strategy slot of
 * core/execution/position.ts, the one the backtest engine steps, kept between replays as JSON
 * in `paper_bots.state`, and the broker options a bot trades with.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { Ledger } from "../execution/ledger.ts";
import { type ExecOptions, NO_EXITS } from "../execution/options.ts";
import { newSlot, type Slot } from "../execution/position.ts";
import type { AccountRow, BotRow } from "./store.ts";

/** A bot's slot and the dates its orders were placed on. */
export interface BotSlot {
  /** The broker slot. */
  slot: Slot;
  /** Date of the decision whose order waits for the next open. */
  decided: string | null;
  /** Date the open position was entered (its attached exits were placed then). */
  entered: string | null;
}

/** Numeric fields of a slot that may be NaN (stored as null). */
const NUMS = ["entryPrice", "entryFee", "best", "stop", "take", "mark", "pending"] as const;

/** The slot as stored: NaN as null. */
export function dumpSlot(b: BotSlot): string {
  const s: Record<string, unknown> = { ...b.slot };
  for (const k of NUMS) if (Number.isNaN(s[k])) s[k] = null;
  const { stopLoss, takeProfit } = b.slot.levels;
  s.levels = { target: b.slot.levels.target, stopLoss, takeProfit };
  return JSON.stringify({ slot: s, decided: b.decided, entered: b.entered });
}

/**
 * The bot's stored slot; for a bot that has not run on a slot yet, one rebuilt from its last
 * decision and the account's long position in its symbol, with any order the bot left open
 * cancelled (its decision is sent to the next open again instead).
 */
export async function loadSlot(
  tx: Db,
  ledger: Ledger,
  bot: BotRow,
): Promise<BotSlot> {
  if (bot.state !== null) {
    const stored = JSON.parse(bot.state) as BotSlot;
    const s = stored.slot as unknown as Record<string, unknown>;
    for (const k of NUMS) if (s[k] === null) s[k] = NaN;
    return stored;
  }
  const slot = newSlot(bot.symbol);
  slot.last = Math.max(0, bot.last_target);
  const held = ledger.positions.get(bot.symbol);
  if (held && held.qty > 0 && slot.last === 1) {
    Object.assign(slot, { dir: 1, qty: held.qty, entryPrice: held.avgCost, best: held.avgCost });
  }
  const left = await tx.run(
    `UPDATE paper_orders SET status = 'cancelled', reason = 'replaced by the bot''s broker slot'
      WHERE account_id = ? AND source = ? AND status = 'open'`,
    [bot.account_id, `bot:${bot.id}`],
  );
  if (left.changes > 0 && slot.last !== slot.dir) slot.pending = slot.last;
  return { slot, decided: null, entered: null };
}

/**
 * The broker options of a bot: the account's costs and risk limits, `percent` of equity per
 * entry in whole shares, long only, no protective exits beyond the strategy's own levels.
 */
export function botOptions(a: AccountRow, bot: BotRow): ExecOptions {
  return {
    cash: a.starting_cash,
    feeBps: a.fee_bps,
    minFee: a.min_fee,
    slippageBps: a.slippage_bps,
    sizing: { mode: "percent_equity", percent: bot.percent },
    fractional: false,
    allowShort: false,
    ...NO_EXITS,
    risk: {
      maxPositionPct: a.max_position_pct,
      maxOrderValue: a.max_order_value,
      killSwitch: a.kill_switch === 1,
    },
  };
}
