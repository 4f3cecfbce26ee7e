/**
 * The paper broker: accounts, orders, bots and a replay clock over stored bars. Every state
 * change runs in one database transaction (the account row is locked on PostgreSQL), so an
 * order is never half-applied; placing an order is idempotent by client order id.
 *
 * @module
 */
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import { lowerBound, type Series } from "../market_data/series.ts";
import { botOrderQty, matchOrder } from "../portfolio/broker.ts";
import { commission, fillPrice } from "../portfolio/fill_model.ts";
import { applyFill, type Ledger } from "../portfolio/ledger.ts";
import { checkOrder } from "../portfolio/risk.ts";
import { IndicatorCache } from "../strategies/indicator_cache.ts";
import { findStrategy } from "../strategies/mod.ts";
import * as store from "./store.ts";
import { type AccountView, accountView, lastClose, sliceTo } from "./view.ts";

/** A new order as the API gives it. */
export interface NewOrder {
  client_order_id: string;
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit" | "stop";
  qty: number;
  price?: number | undefined;
}

/** Paper-trading operations on a database and the stored bars. */
export class PaperService {
  /**
   * @param db the database
   * @param series a symbol's stored bars (throws NotFoundError when unknown)
   * @param now wall clock as ISO text (for created/updated stamps only)
   */
  constructor(
    readonly db: Db,
    readonly series: (symbol: string) => Promise<Series>,
    readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async #account(tx: Db, id: string, userId: string, lock = false) {
    const a = await store.getAccount(tx, id, userId, lock);
    if (!a) throw new NotFoundError(`No paper account ${id}`);
    return a;
  }

  /** Creates an account. */
  async create(userId: string, b: {
    name: string;
    cash: number;
    start: string;
    fee_bps: number;
    min_fee: number;
    slippage_bps: number;
    max_position_pct: number | null;
    max_order_value: number | null;
  }): Promise<AccountView> {
    const id = crypto.randomUUID(), now = this.now();
    await this.db.run(
      `INSERT INTO paper_accounts (id, user_id, name, starting_cash, cash, realised, fees, clock,
         fee_bps, min_fee, slippage_bps, max_position_pct, max_order_value, kill_switch,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      [
        id,
        userId,
        b.name,
        b.cash,
        b.cash,
        b.start,
        b.fee_bps,
        b.min_fee,
        b.slippage_bps,
        b.max_position_pct,
        b.max_order_value,
        now,
        now,
      ],
    );
    return this.get(userId, id);
  }

  /** The account valued at its clock. */
  async get(userId: string, id: string, db: Db = this.db): Promise<AccountView> {
    const a = await this.#account(db, id, userId);
    return accountView(a, await store.loadLedger(db, a), this.series);
  }

  /** The user's accounts. */
  async list(userId: string): Promise<AccountView[]> {
    const ids = await store.listAccountIds(this.db, userId);
    return Promise.all(ids.map((id) => this.get(userId, id)));
  }

  /** Updates risk limits or the kill switch. */
  async setRisk(userId: string, id: string, patch: {
    max_position_pct?: number | null | undefined;
    max_order_value?: number | null | undefined;
    kill_switch?: boolean | undefined;
  }): Promise<AccountView> {
    return await this.db.transaction(async (tx) => {
      const a = await this.#account(tx, id, userId, true);
      await tx.run(
        `UPDATE paper_accounts SET max_position_pct = ?, max_order_value = ?, kill_switch = ?,
           updated_at = ? WHERE id = ?`,
        [
          patch.max_position_pct === undefined ? a.max_position_pct : patch.max_position_pct,
          patch.max_order_value === undefined ? a.max_order_value : patch.max_order_value,
          patch.kill_switch === undefined ? a.kill_switch : patch.kill_switch ? 1 : 0,
          this.now(),
          id,
        ],
      );
      return this.get(userId, id, tx);
    });
  }

  /**
   * Places an order (checked against the risk limits at the last close on or before the
   * clock); a retry with the same client order id returns the stored order unchanged.
   */
  async place(
    userId: string,
    id: string,
    o: NewOrder,
  ): Promise<{ order: store.OrderRow; replayed: boolean }> {
    return await this.db.transaction(async (tx) => {
      const a = await this.#account(tx, id, userId, true);
      const prior = await store.findOrder(tx, id, { clientOrderId: o.client_order_id });
      if (prior) return { order: prior, replayed: true };
      const order = await this.#newOrder(tx, a, await store.loadLedger(tx, a), o, "api");
      return { order, replayed: false };
    });
  }

  /** Risk-checks and stores an order against the given ledger at the account's clock. */
  async #newOrder(
    tx: Db,
    a: store.AccountRow,
    ledger: Ledger,
    o: NewOrder,
    source: string,
  ): Promise<store.OrderRow> {
    const s = await this.series(o.symbol);
    const ref = o.price ?? lastClose(s, a.clock);
    if (ref === null) {
      throw new ValidationError(`No ${o.symbol} bar on or before the clock ${a.clock}`, [
        { field: "symbol", message: `no bar on or before ${a.clock}` },
      ]);
    }
    const view = await accountView(a, ledger, this.series);
    const reason = checkOrder(
      {
        maxPositionPct: a.max_position_pct,
        maxOrderValue: a.max_order_value,
        killSwitch: a.kill_switch === 1,
      },
      {
        signedQty: o.side === "buy" ? o.qty : -o.qty,
        price: ref,
        heldQty: ledger.positions.get(o.symbol)?.qty ?? 0,
        equity: view.equity,
      },
    );
    const order: store.OrderRow = {
      id: crypto.randomUUID(),
      account_id: a.id,
      client_order_id: o.client_order_id,
      symbol: o.symbol,
      side: o.side,
      type: o.type,
      qty: o.qty,
      price: o.price ?? null,
      status: reason ? "rejected" : "open",
      reason,
      source,
      placed_clock: a.clock,
      created_at: this.now(),
      filled_date: null,
      fill_price: null,
      fee: null,
    };
    await store.insertOrder(tx, order);
    return order;
  }

  /** Cancels an open order. */
  async cancel(userId: string, id: string, orderId: string): Promise<store.OrderRow> {
    return await this.db.transaction(async (tx) => {
      await this.#account(tx, id, userId, true);
      const o = await store.findOrder(tx, id, { id: orderId });
      if (!o) throw new NotFoundError(`No order ${orderId} on account ${id}`);
      if (o.status !== "open") {
        throw new ValidationError(`Order ${orderId} is ${o.status}, only open orders cancel`, [
          { field: "order", message: `order is ${o.status}` },
        ]);
      }
      await store.closeOrder(tx, orderId, { status: "cancelled", reason: "cancelled by user" });
      return (await store.findOrder(tx, id, { id: orderId }))!;
    });
  }

  /** Orders of an account. */
  async orders(userId: string, id: string, status?: string): Promise<store.OrderRow[]> {
    await this.#account(this.db, id, userId);
    return store.listOrders(this.db, id, status);
  }

  /** Fills of an account, oldest first. */
  async fills(userId: string, id: string) {
    await this.#account(this.db, id, userId);
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT id, order_id, symbol, side, qty, price, fee, realised, date FROM paper_fills
        WHERE account_id = ? ORDER BY seq`,
      [id],
    );
    return rows.map((r) => ({
      ...r,
      qty: Number(r.qty),
      price: Number(r.price),
      fee: Number(r.fee),
      realised: Number(r.realised),
    }));
  }

  /** Attaches a strategy that trades `symbol` on the account as the clock advances. */
  async addBot(userId: string, id: string, b: {
    symbol: string;
    strategy: string;
    params: Record<string, unknown>;
    percent: number;
  }) {
    await this.#account(this.db, id, userId);
    await this.series(b.symbol);
    const botId = crypto.randomUUID();
    await this.db.run(
      `INSERT INTO paper_bots (id, account_id, symbol, strategy, params, percent, last_target,
         active, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?)`,
      [botId, id, b.symbol, b.strategy, JSON.stringify(b.params), b.percent, this.now()],
    );
    return { id: botId, ...b, last_target: 0, active: true };
  }

  /**
   * Replays the stored bars after the clock (the next `bars` trading days of the account's
   * symbols, or up to `to`): open orders are matched bar by bar with the shared fill model,
   * then each bot decides on the bars up to that day and places market orders for the next
   * open. One transaction for the whole replay.
   */
  async advance(
    userId: string,
    id: string,
    by: { bars?: number | undefined; to?: string | undefined },
  ) {
    return await this.db.transaction(async (tx) => {
      const a = await this.#account(tx, id, userId, true);
      const ledger = await store.loadLedger(tx, a);
      const bots = await store.listBots(tx, id);
      const open = await store.listOrders(tx, id, "open");
      const symbols = new Set([
        ...open.map((o) => o.symbol),
        ...ledger.positions.keys(),
        ...bots.map((b) => b.symbol),
      ]);
      const series = new Map<string, Series>();
      for (const s of symbols) series.set(s, await this.series(s));
      if (by.to !== undefined && by.to <= a.clock) {
        throw new ValidationError(`to must be after the clock ${a.clock}`, [{
          field: "to",
          message: `must be after ${a.clock}`,
        }]);
      }
      const dates = replayDates(series, a.clock, by);
      if (dates.length === 0 && by.to === undefined) {
        throw new ValidationError(
          "Nothing to replay: no stored bars after the clock for the account's symbols " +
            "(place an order or add a bot first)",
          [{ field: "bars", message: "no bars after the clock" }],
        );
      }
      let seq = Number(
        (await tx.query<{ m: number | null }>(
          "SELECT MAX(seq) AS m FROM paper_fills WHERE account_id = ?",
          [id],
        ))[0]?.m ?? 0,
      );
      const fills: unknown[] = [];
      const costs = { feeBps: a.fee_bps, minFee: a.min_fee, slippageBps: a.slippage_bps };
      let pending = open;
      for (const d of dates) {
        const still: store.OrderRow[] = [];
        for (const o of pending) {
          const s = series.get(o.symbol)!;
          const i = s.dates[lowerBound(s.dates, d)] === d ? lowerBound(s.dates, d) : -1;
          if (i < 0 || o.placed_clock >= d) {
            still.push(o);
            continue;
          }
          const bar = { open: s.open[i]!, high: s.high[i]!, low: s.low[i]! };
          if (o.source.startsWith("bot:") && o.side === "buy") {
            // like the backtester, a bot's entry is sized with the fill price: no more than the cash buys
            const fit = affordable(ledger.cash, fillPrice(o, bar, costs.slippageBps), costs);
            if (fit < o.qty && (ledger.positions.get(o.symbol)?.qty ?? 0) >= 0 && fit > 0) {
              o.qty = fit;
              await tx.run("UPDATE paper_orders SET qty = ? WHERE id = ?", [fit, o.id]);
            }
          }
          const m = matchOrder(o, bar, ledger, costs);
          if (m === null) still.push(o);
          else if (m.kind === "reject") {
            await store.closeOrder(tx, o.id, { status: "rejected", reason: m.reason, date: d });
          } else {
            const realised = applyFill(ledger, {
              symbol: o.symbol,
              side: o.side,
              qty: o.qty,
              price: m.price,
              fee: m.fee,
            });
            await tx.run(
              `INSERT INTO paper_fills (id, account_id, order_id, symbol, side, qty, price, fee, realised, date, seq)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              [
                crypto.randomUUID(),
                id,
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
            fills.push({
              order_id: o.id,
              symbol: o.symbol,
              side: o.side,
              qty: o.qty,
              price: m.price,
              fee: m.fee,
              date: d,
            });
          }
        }
        pending = still;
        for (const bot of bots) {
          const placed = await this.#botStep(
            tx,
            { ...a, clock: d },
            ledger,
            bot,
            series.get(bot.symbol)!,
            d,
          );
          if (placed) pending.push(placed);
        }
      }
      const clock = dates.length ? dates[dates.length - 1]! : by.to!;
      await store.saveLedger(
        tx,
        a,
        ledger,
        by.to !== undefined && by.to > clock ? by.to : clock,
        this.now(),
      );
      return { account: await this.get(userId, id, tx), fills, replayed_bars: dates.length };
    });
  }

  async #botStep(
    tx: Db,
    a: store.AccountRow,
    ledger: Ledger,
    bot: store.BotRow,
    s: Series,
    d: string,
  ): Promise<store.OrderRow | null> {
    const i = lowerBound(s.dates, d);
    if (s.dates[i] !== d) return null;
    const strategy = findStrategy(bot.strategy);
    if (!strategy) return null;
    const cols = sliceTo(s, i + 1);
    const params = JSON.parse(bot.params);
    const state = strategy.prepare(cols, params, new IndicatorCache());
    const dec = strategy.decide({ i, cols, params, state, target: bot.last_target });
    const target = typeof dec === "number" ? dec : dec.target;
    if (target === bot.last_target) return null;
    bot.last_target = target;
    await tx.run("UPDATE paper_bots SET last_target = ? WHERE id = ?", [target, bot.id]);
    const view = await accountView(a, ledger, this.series);
    const held = ledger.positions.get(bot.symbol)?.qty ?? 0;
    const qty = botOrderQty(Math.max(0, target), bot.percent, view.equity, s.close[i]!, held);
    if (qty === 0) return null;
    const order = await this.#newOrder(tx, a, ledger, {
      client_order_id: `bot-${bot.id}-${d}`,
      symbol: bot.symbol,
      side: qty > 0 ? "buy" : "sell",
      type: "market",
      qty: Math.abs(qty),
    }, `bot:${bot.id}`);
    return order.status === "open" ? order : null;
  }
}

/** Whole shares that `cash` buys at `price` including commission. */
function affordable(cash: number, price: number, c: { feeBps: number; minFee: number }): number {
  let q = Math.floor(cash / (price * (1 + c.feeBps / 1e4)) + 1e-9);
  while (q > 0 && q * price + commission(q * price, c) > cash) q--;
  return q;
}

/** Trading dates after `clock` across the series, limited by `bars` or `to`. */
function replayDates(
  series: ReadonlyMap<string, Series>,
  clock: string,
  by: { bars?: number | undefined; to?: string | undefined },
): string[] {
  const set = new Set<string>();
  for (const s of series.values()) {
    for (let i = lowerBound(s.dates, clock + "\uffff"); i < s.dates.length; i++) {
      const d = s.dates[i]!;
      if (by.to !== undefined && d > by.to) break;
      set.add(d);
    }
  }
  const dates = [...set].sort();
  return by.bars !== undefined ? dates.slice(0, by.bars) : dates;
}
