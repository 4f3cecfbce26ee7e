/**
 * One replay transaction of the paper broker (private to core/paper): bar by bar, the open
 * orders the bar reaches (found through the price index of order_book.ts) are matched with the
 * shared fill model, then each bot decides at that day's close.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { lowerBound, type Series } from "../market_data/series.ts";
import { botOrderQty, matchOrder } from "../portfolio/broker.ts";
import { fillPrice } from "../portfolio/fill_model.ts";
import { applyFill, type Ledger } from "../portfolio/ledger.ts";
import { affordable, type BotDecider } from "./_replay.ts";
import { type BookBar, type BookEntry, OrderBook } from "./order_book.ts";
import { newOrder, type PaperEnv } from "./orders.ts";
import * as store from "./store.ts";
import { accountView } from "./view.ts";

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
  /** True when the chunk has used its work budget: the replay ends after the current day. */
  stop: () => boolean;
}

/**
 * Replays `dates` inside one transaction (fills open orders, then lets the bots decide) until
 * they end or `c.stop()` says so after a day; returns the number of days replayed (≥ 1 when
 * `dates` is not empty).
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
  const costs = { feeBps: a.fee_bps, minFee: a.min_fee, slippageBps: a.slippage_bps };
  // indexed by price: a bar visits only the orders it reaches, in the order a scan of every
  // open order would have visited them (order_book.ts; fills spend cash in that order)
  const book = new OrderBook<store.OrderRow>();
  for (const o of open) book.add(o);
  let done = 0;
  for (const d of dates) {
    done++;
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
      if (o.source.startsWith("bot:") && o.side === "buy") {
        // like the backtester, a bot's entry is sized with the fill price: no more than the cash buys
        const fit = affordable(ledger.cash, fillPrice(o, bar, costs.slippageBps), costs);
        if (fit < o.qty && (ledger.positions.get(o.symbol)?.qty ?? 0) >= 0 && fit > 0) {
          o.qty = fit;
          await tx.run("UPDATE paper_orders SET qty = ? WHERE id = ?", [fit, o.id]);
        }
      }
      const m = matchOrder(o, bar, ledger, costs);
      if (m === null) book.putBack(e);
      else if (m.kind === "reject") {
        await store.closeOrder(tx, o.id, { status: "rejected", reason: m.reason, date: d });
      } else {
        const fill = {
          symbol: o.symbol,
          side: o.side,
          qty: o.qty,
          price: m.price,
          fee: m.fee,
        };
        const realised = applyFill(ledger, fill);
        await tx.run(
          `INSERT INTO paper_fills (id, account_id, order_id, symbol, side, qty, price, fee, realised, date, seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            crypto.randomUUID(),
            a.id,
            o.id,
            o.symbol,
            o.side,
            o.qty,
            m.price,
            m.fee,
            realised,
            d,
            ++seq,
          ],
        );
        await store.closeOrder(tx, o.id, {
          status: "filled",
          date: d,
          price: m.price,
          fee: m.fee,
        });
        c.fills.push({ order_id: o.id, ...fill, date: d });
      }
    }
    for (const bot of bots) {
      const decide = c.deciders.get(bot.id);
      if (!decide) continue;
      const placed = await botStep(env, tx, { ...a, clock: d }, ledger, bot, decide, d);
      if (placed) book.add(placed);
    }
    if (c.stop()) break;
  }
  return done;
}

/** A bot's decision at the close of `d`: a market order for the next open, or null. */
async function botStep(
  env: PaperEnv,
  tx: Db,
  a: store.AccountRow,
  ledger: Ledger,
  bot: store.BotRow,
  decide: BotDecider,
  d: string,
): Promise<store.OrderRow | null> {
  const s = decide.series;
  const i = lowerBound(s.dates, d);
  if (s.dates[i] !== d || i > decide.lastBar) return null;
  const target = decide.at(i, bot.last_target);
  if (target === bot.last_target) return null;
  bot.last_target = target;
  await tx.run("UPDATE paper_bots SET last_target = ? WHERE id = ?", [target, bot.id]);
  const view = await accountView(a, ledger, env.series);
  const held = ledger.positions.get(bot.symbol)?.qty ?? 0;
  const qty = botOrderQty(Math.max(0, target), bot.percent, view.equity, s.close[i]!, held);
  if (qty === 0) return null;
  const order = await newOrder(env, tx, a, ledger, {
    client_order_id: `bot-${bot.id}-${d}`,
    symbol: bot.symbol,
    side: qty > 0 ? "buy" : "sell",
    type: "market",
    qty: Math.abs(qty),
  }, `bot:${bot.id}`);
  return order.status === "open" ? order : null;
}
