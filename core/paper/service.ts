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
import { fillPrice } from "../portfolio/fill_model.ts";
import { applyFill, type Ledger } from "../portfolio/ledger.ts";
import { checkOrder } from "../portfolio/risk.ts";
import { findStrategy, optimisable } from "../strategies/mod.ts";
import { affordable, type BotDecider, botDecider, replayDates } from "./_replay.ts";
import * as store from "./store.ts";
import { type AccountView, accountView, lastClose } from "./view.ts";

/** A new order as the API gives it. */
export interface NewOrder {
  client_order_id: string;
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit" | "stop";
  qty: number;
  price?: number | undefined;
}

/** Most trading days one `advance` replays. */
export const MAX_REPLAY_BARS = 2000;

/** Trading days replayed per transaction (the write lock is held for one chunk at a time). */
export const REPLAY_CHUNK = 250;

/** Most active bots per account. */
export const MAX_BOTS = 10;

/** Paper-trading operations on a database and the stored bars. */
export class PaperService {
  /**
   * @param db the database
   * @param series a symbol's stored bars (throws NotFoundError when unknown)
   * @param now wall clock as ISO text (for created/updated stamps only)
   * @param replayChunk trading days per replay transaction (default {@link REPLAY_CHUNK})
   */
  constructor(
    readonly db: Db,
    readonly series: (symbol: string) => Promise<Series>,
    readonly now: () => string = () => new Date().toISOString(),
    readonly replayChunk: number = REPLAY_CHUNK,
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
    const strategy = findStrategy(b.strategy);
    if (strategy && !optimisable(strategy)) {
      throw new ValidationError(
        `${strategy.id} sets stop-loss/take-profit levels with its decisions, which paper bots ` +
          "do not place yet; backtest it with POST /api/backtests instead",
        [{ field: "strategy", message: "decisions carry exit levels: not available as a bot" }],
      );
    }
    const active = await store.listBots(this.db, id);
    if (active.length >= MAX_BOTS) {
      throw new ValidationError(
        `The account already has ${active.length} bots (at most ${MAX_BOTS})`,
        [
          { field: "strategy", message: `at most ${MAX_BOTS} bots per account` },
        ],
      );
    }
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
   * symbols, or up to `to`, at most {@link MAX_REPLAY_BARS}): open orders are matched bar by
   * bar with the shared fill model, then each bot decides at that day's close and places a
   * market order for the next open. Each bot's strategy is prepared once, on its bars up to the
   * last replayed day (strategies are causal: a decision at bar i reads only bars ≤ i). The
   * replay commits in chunks of at most `replayChunk` days, one transaction each: a chunk is
   * never half-applied, and a failure keeps the chunks before it (the clock says how far).
   */
  async advance(
    userId: string,
    id: string,
    by: { bars?: number | undefined; to?: string | undefined },
  ) {
    const a0 = await this.#account(this.db, id, userId);
    if (by.to !== undefined && by.to <= a0.clock) {
      throw new ValidationError(`to must be after the clock ${a0.clock}`, [{
        field: "to",
        message: `must be after ${a0.clock}`,
      }]);
    }
    const [ledger0, bots0, open0] = await Promise.all([
      store.loadLedger(this.db, a0),
      store.listBots(this.db, id),
      store.listOrders(this.db, id, "open"),
    ]);
    const symbols = new Set([
      ...open0.map((o) => o.symbol),
      ...ledger0.positions.keys(),
      ...bots0.map((b) => b.symbol),
    ]);
    const series = new Map<string, Series>();
    for (const s of symbols) series.set(s, await this.series(s));
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
    for (let k = 0; k === 0 || k < dates.length; k += this.replayChunk) {
      const chunk = dates.slice(k, k + this.replayChunk);
      const end = k + this.replayChunk >= dates.length;
      const reached = chunk.at(-1) ?? clock;
      const target = end && by.to !== undefined && by.to > reached ? by.to : reached;
      await this.db.transaction(async (tx) => {
        const a = await this.#account(tx, id, userId, true);
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
            const s = series.get(b.symbol) ?? await this.series(b.symbol);
            series.set(b.symbol, s);
            deciders.set(b.id, botDecider(b, s, last));
          }
        }
        const ctx = { tx, ledger, series, fills, deciders };
        await this.#replay(ctx, a, bots, await store.listOrders(tx, id, "open"), chunk);
        await store.saveLedger(tx, a, ledger, target, this.now());
      });
      clock = target;
    }
    return {
      account: await this.get(userId, id),
      fills,
      replayed_bars: dates.length,
    };
  }

  /** Replays `dates` inside one transaction: fills open orders, then lets the bots decide. */
  async #replay(
    c: {
      tx: Db;
      ledger: Ledger;
      series: ReadonlyMap<string, Series>;
      fills: unknown[];
      deciders: ReadonlyMap<string, BotDecider | null>;
    },
    a: store.AccountRow,
    bots: store.BotRow[],
    open: store.OrderRow[],
    dates: readonly string[],
  ): Promise<void> {
    const { tx, ledger } = c;
    let seq = Number(
      (await tx.query<{ m: number | null }>(
        "SELECT MAX(seq) AS m FROM paper_fills WHERE account_id = ?",
        [a.id],
      ))[0]?.m ?? 0,
    );
    const costs = { feeBps: a.fee_bps, minFee: a.min_fee, slippageBps: a.slippage_bps };
    let pending = open;
    for (const d of dates) {
      const still: store.OrderRow[] = [];
      for (const o of pending) {
        const s = c.series.get(o.symbol) ?? await this.series(o.symbol);
        const at = lowerBound(s.dates, d);
        if (s.dates[at] !== d || o.placed_clock >= d) {
          still.push(o);
          continue;
        }
        const bar = { open: s.open[at]!, high: s.high[at]!, low: s.low[at]! };
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
      pending = still;
      for (const bot of bots) {
        const decide = c.deciders.get(bot.id);
        if (!decide) continue;
        const placed = await this.#botStep(tx, { ...a, clock: d }, ledger, bot, decide, d);
        if (placed) pending.push(placed);
      }
    }
  }

  async #botStep(
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
