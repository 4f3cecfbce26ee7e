/**
 * One replay transaction of the paper broker (private to core/paper): bar by bar, each bot
 * runs the broker steps the backtest engine runs (core/execution/position.ts, via
 * _bot_steps.ts), and the open orders placed by hand that the bar reaches (found through the
 * price index of order_book.ts) are matched with the shared fill model. A day is: the bots'
 * orders at the open, the resting orders, the bots' attached exits within the bar, then the
 * bots decide at the close.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { Ledger } from "../execution/ledger.ts";
import { applyFill } from "../execution/ledger.ts";
import { matchOrder } from "../execution/match.ts";
import { lowerBound, type Series } from "../market_data/series.ts";
import { type BotSlot, dumpSlot } from "./_bot_slot.ts";
import {
  botClose,
  botCloseBar,
  botOpen,
  botOpenBar,
  type BotRun,
  botRun,
  type StepContext,
} from "./_bot_steps.ts";
import type { BotDecider } from "./_replay.ts";
import { type BookBar, type BookEntry, OrderBook } from "./order_book.ts";
import type { PaperEnv } from "./orders.ts";
import * as store from "./store.ts";

/** The state one replay transaction works on. */
export interface ReplayContext {
  /** The transaction. */
  tx: Db;
  /** The account's ledger, updated in place. */
  ledger: Ledger;
  /** Bars of the symbols involved (others are loaded on demand). */
  series: ReadonlyMap<string, Series>;
  /** Receives each fill. */
  fills: unknown[];
  /** Each bot's prepared strategy (null: the bot does not trade). */
  deciders: ReadonlyMap<string, BotDecider | null>;
  /** Each bot's broker slot (see _bot_slot.ts), updated in place and saved at the end. */
  slots: ReadonlyMap<string, BotSlot>;
  /** True when the chunk has used its work budget: the replay ends after the current day. */
  stop: () => boolean;
}

/**
 * Replays `dates` inside one transaction until they end or `c.stop()` says so after a day;
 * returns the number of days replayed (≥ 1 when `dates` is not empty).
 */
export async function replayDays(
  env: PaperEnv,
  c: ReplayContext,
  a: store.AccountRow,
  bots: store.BotRow[],
  open: store.OrderRow[],
  dates: readonly string[],
): Promise<number> {
  const { tx, ledger } = c;
  let seq = Number(
    (await tx.query<{ m: number | null }>(
      "SELECT MAX(seq) AS m FROM paper_fills WHERE account_id = ?",
      [a.id],
    ))[0]?.m ?? 0,
  );
  const step: StepContext = { env, tx, account: a, nextSeq: () => ++seq, fills: c.fills };
  const runs: BotRun[] = [];
  for (const bot of bots) {
    const decide = c.deciders.get(bot.id), bs = c.slots.get(bot.id);
    if (decide && bs) runs.push(botRun(a, ledger, bot, decide, bs));
  }
  const costs = { feeBps: a.fee_bps, minFee: a.min_fee, slippageBps: a.slippage_bps };
  // indexed by price: a bar visits only the orders it reaches, in the order a scan of every
  // open order would have visited them (order_book.ts; fills spend cash in that order)
  const book = new OrderBook<store.OrderRow>();
  for (const o of open) book.add(o);
  let done = 0;
  for (const d of dates) {
    done++;
    // a daily bot's bar opens and closes on d; a weekly bot's opens on the week's first
    // trading day and closes on its last
    const opens = runs.map((r) => botOpenBar(r, d));
    for (let k = 0; k < runs.length; k++) {
      if (opens[k]! >= 0) await botOpen(step, runs[k]!, opens[k]!, d);
    }
    const due: (BookEntry<store.OrderRow> & { bar: BookBar })[] = [];
    for (const symbol of book.symbols()) {
      const s = c.series.get(symbol) ?? await env.series(symbol);
      const at = lowerBound(s.dates, d);
      if (s.dates[at] !== d) continue;
      const bar = { open: s.open[at]!, high: s.high[at]!, low: s.low[at]! };
      for (const e of book.take(symbol, bar)) due.push({ ...e, bar });
    }
    due.sort((x, y) => x.seq - y.seq);
    for (const e of due) {
      const { order: o, bar } = e;
      if (o.placed_clock >= d) {
        book.putBack(e);
        continue;
      }
      const m = matchOrder(o, bar, ledger, costs);
      if (m === null) book.putBack(e);
      else if (m.kind === "reject") {
        await store.closeOrder(tx, o.id, { status: "rejected", reason: m.reason, date: d });
      } else {
        const fill = { symbol: o.symbol, side: o.side, qty: o.qty, price: m.price, fee: m.fee };
        const realised = applyFill(ledger, fill);
        await store.insertFill(tx, {
          ...fill,
          account_id: a.id,
          order_id: o.id,
          realised,
          date: d,
          seq: ++seq,
        });
        await store.closeOrder(tx, o.id, { status: "filled", date: d, price: m.price, fee: m.fee });
        c.fills.push({ order_id: o.id, ...fill, date: d });
      }
    }
    for (let k = 0; k < runs.length; k++) {
      const i = botCloseBar(runs[k]!, d);
      if (i >= 0) await botClose(step, runs[k]!, i, d);
    }
    if (c.stop()) break;
  }
  for (const r of runs) {
    r.bot.state = dumpSlot(r.bs);
    await store.saveBot(tx, r.bot);
  }
  return done;
}
