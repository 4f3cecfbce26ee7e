/**
 * A paper bot's day in a replay (private to core/paper): the broker calls of
 * core/execution/position.ts that the backtest engine makes on a bar — the order decided at
 * the last close fills at the open (sized with the fill price, risk-checked), attached
 * stop-loss/take-profit exits fill within the bar, the strategy decides at the close — with
 * every fill and refusal then written as an order row and a fill row.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { Side } from "../execution/fill_model.ts";
import type { Ledger } from "../execution/ledger.ts";
import type { ExitReason } from "../execution/options.ts";
import { closeStep } from "../execution/close_step.ts";
import { decideStep } from "../execution/decide_step.ts";
import { openStep } from "../execution/open_step.ts";
import { type Exec, type Slot } from "../execution/position.ts";
import { protectStep } from "../execution/protect_step.ts";
import { lowerBound } from "../market_data/series.ts";
import { botOptions, type BotSlot } from "./_bot_slot.ts";
import type { BotDecider } from "./_replay.ts";
import type { PaperEnv } from "./orders.ts";
import * as store from "./store.ts";

/** What a step did, waiting to be written. */
type StepEvent =
  | {
    kind: "fill";
    side: Side;
    qty: number;
    price: number;
    fee: number;
    reason: "entry" | ExitReason;
    realised: number;
    level: number | null;
  }
  | { kind: "rejected"; side: Side; qty: number; reason: string };

/** One bot in a replay: its strategy, its slot and the broker it trades through. */
export interface BotRun {
  /** The bot. */
  readonly bot: store.BotRow;
  /** Its prepared strategy. */
  readonly decide: BotDecider;
  /** Its slot, updated in place. */
  readonly bs: BotSlot;
  /** The account's broker for this bot. */
  readonly exec: Exec;
  /** Events of the current step. */
  readonly events: StepEvent[];
  /** Value of the account's positions other than the slot's, at the last closes. */
  others: number;
  /** The ledger's realised P&L before the current fill. */
  seen: number;
}

/** Sets up a bot's run on the account's ledger. */
export function botRun(
  a: store.AccountRow,
  ledger: Ledger,
  bot: store.BotRow,
  decide: BotDecider,
  bs: BotSlot,
): BotRun {
  const events: StepEvent[] = [];
  const run: BotRun = {
    bot,
    decide,
    bs,
    events,
    others: 0,
    seen: 0,
    exec: {
      ledger,
      opts: botOptions(a, bot),
      equityWithout: () => ledger.cash + run.others,
      sink: {
        fill(s, _bar, side, qty, price, fee, reason) {
          const realised = ledger.realised - run.seen;
          run.seen = ledger.realised;
          const level = reason === "stop_loss" ? s.stop : reason === "take_profit" ? s.take : NaN;
          events.push({
            kind: "fill",
            ...{ side, qty, price, fee, reason, realised },
            level: Number.isNaN(level) ? null : level,
          });
        },
        closed() {},
        rejected(_s, _bar, side, qty, reason) {
          events.push({ kind: "rejected", side, qty, reason });
        },
      },
    },
  };
  return run;
}

/** Where the bars and the fill sequence of a replay are. */
export interface StepContext {
  readonly env: PaperEnv;
  readonly tx: Db;
  readonly account: store.AccountRow;
  /** Next fill sequence number of the account. */
  readonly nextSeq: () => number;
  /** Receives each fill (the API's answer). */
  readonly fills: unknown[];
}

/** The bot's bar that opens on `d`, or −1 (no bar that day, or a weekly bar opened earlier). */
export function botOpenBar(r: BotRun, d: string): number {
  return r.decide.openAt(d);
}

/** The bot's bar that closes on `d`, or −1 (no bar that day, or its period goes on). */
export function botCloseBar(r: BotRun, d: string): number {
  return r.decide.closeAt(d);
}

/**
 * The open of bar `i` (date `d`): the order the bot's last decision sent fills, sized on the
 * account's equity with the other positions at their last closes.
 */
export async function botOpen(c: StepContext, r: BotRun, i: number, d: string): Promise<void> {
  const slot = r.bs.slot;
  if (Number.isNaN(slot.pending) || slot.pending === slot.dir) {
    slot.pending = NaN;
    return;
  }
  r.others = await othersValue(c, r.exec.ledger, slot, d);
  r.seen = r.exec.ledger.realised;
  openStep(r.exec, slot, r.decide.series, i);
  if (slot.dir !== 0 && r.events.some((e) => e.kind === "fill" && e.reason === "entry")) {
    r.bs.entered = d;
  }
  await flush(c, r, d, r.bs.decided ?? d);
}

/** Within and at the close of bar `i`: attached exits, the mark, then the strategy decides. */
export async function botClose(c: StepContext, r: BotRun, i: number, d: string): Promise<void> {
  const slot = r.bs.slot, s = r.decide.series;
  if (slot.dir !== 0) {
    r.seen = r.exec.ledger.realised;
    protectStep(r.exec, slot, s, i);
    await flush(c, r, d, r.bs.entered ?? d);
  }
  closeStep(r.exec, slot, s, i);
  if (i > r.decide.lastBar) return;
  const decision = r.decide.at(i);
  r.bot.last_target = typeof decision === "number" ? decision : decision.target;
  decideStep(r.exec, slot, decision);
  if (!Number.isNaN(slot.pending)) r.bs.decided = d;
}

/** Value of the ledger's positions without the slot's, at the closes before `d`. */
async function othersValue(c: StepContext, l: Ledger, slot: Slot, d: string): Promise<number> {
  let v = 0;
  for (const [symbol, p] of l.positions) {
    const qty = symbol === slot.symbol ? p.qty - slot.dir * slot.qty : p.qty;
    if (qty === 0) continue;
    const s = await c.env.series(symbol);
    const k = lowerBound(s.dates, d) - 1;
    v += qty * (k >= 0 ? s.close[k]! : p.avgCost);
  }
  return v;
}

/** Writes the step's events: an order row each, and a fill row for each fill. */
async function flush(c: StepContext, r: BotRun, d: string, placed: string): Promise<void> {
  const { bot } = r, a = c.account;
  for (const e of r.events) {
    const fill = e.kind === "fill";
    const why = fill ? e.reason : "entry";
    const order: store.OrderRow = {
      id: crypto.randomUUID(),
      account_id: a.id,
      client_order_id: `bot-${bot.id}-${d}-${fill ? e.reason : "rejected"}`,
      symbol: bot.symbol,
      side: e.side,
      type: why === "take_profit" ? "limit" : why === "stop_loss" ? "stop" : "market",
      qty: e.qty,
      price: fill ? e.level : null,
      status: fill ? "filled" : "rejected",
      reason: fill ? null : e.reason,
      source: `bot:${bot.id}`,
      placed_clock: placed,
      created_at: c.env.now(),
      filled_date: fill ? d : null,
      fill_price: fill ? e.price : null,
      fee: fill ? e.fee : null,
      allow_short: false, // bots trade long only
    };
    await store.insertOrder(c.tx, order);
    if (!fill) continue;
    const row = { symbol: bot.symbol, side: e.side, qty: e.qty, price: e.price, fee: e.fee };
    await store.insertFill(c.tx, {
      ...row,
      account_id: a.id,
      order_id: order.id,
      realised: e.realised,
      date: d,
      seq: c.nextSeq(),
    });
    c.fills.push({ order_id: order.id, ...row, date: d });
  }
  r.events.length = 0;
}
