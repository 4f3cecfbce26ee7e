/**
 * The paper broker: accounts, orders, bots and a replay clock over stored bars. Every state
 * change runs in one database transaction (the account row is locked on PostgreSQL), so an
 * order is never half-applied; placing an order is idempotent by client order id. Order entry
 * is in orders.ts, bots in bots.ts and the replay in advance.ts.
 *
 * @module
 */
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { Series } from "../market_data/series.ts";
import { addBot } from "./bots.ts";
import { advanceAccount, REPLAY_BUDGET_MS, REPLAY_CHUNK } from "./advance.ts";
import { type NewOrder, newOrder, requireRoomForOrder, sameOrder } from "./orders.ts";
import * as store from "./store.ts";
import { type AccountView, accountView } from "./view.ts";

/** Options of a {@link PaperService}. */
export interface PaperServiceOptions {
  /** Wall clock as ISO text, for created/updated stamps only (default: the system clock). */
  now?: () => string;
  /** Most trading days per replay transaction (default {@link REPLAY_CHUNK}). */
  replayChunk?: number;
  /** Milliseconds of work per replay transaction (default {@link REPLAY_BUDGET_MS}). */
  replayBudgetMs?: number;
  /** Monotonic clock in milliseconds for the replay budget (default `performance.now`). */
  ticks?: () => number;
}

/** Paper-trading operations on a database and the stored bars. */
export class PaperService {
  /** Wall clock as ISO text (for created/updated stamps only). */
  readonly now: () => string;
  /** Most trading days per replay transaction. */
  readonly replayChunk: number;
  /** Milliseconds of work per replay transaction. */
  readonly replayBudgetMs: number;
  /** Monotonic clock in milliseconds (for the replay budget only). */
  readonly ticks: () => number;

  /**
   * @param db the database
   * @param series a symbol's stored bars (throws NotFoundError when unknown)
   * @param options clocks and replay chunking, see {@link PaperServiceOptions}
   */
  constructor(
    readonly db: Db,
    readonly series: (symbol: string) => Promise<Series>,
    {
      now = () => new Date().toISOString(),
      replayChunk = REPLAY_CHUNK,
      replayBudgetMs = REPLAY_BUDGET_MS,
      ticks = () => performance.now(),
    }: PaperServiceOptions = {},
  ) {
    this.now = now;
    this.replayChunk = replayChunk;
    this.replayBudgetMs = replayBudgetMs;
    this.ticks = ticks;
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
    const a = await store.requireAccount(db, id, userId);
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
      const a = await store.requireAccount(tx, id, userId, true);
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
   * clock); a retry with the same client order id and the same terms returns the stored order
   * unchanged, with other terms it is a conflict (409). At most `MAX_OPEN_ORDERS` (orders.ts)
   * open orders per account (422 beyond).
   */
  async place(
    userId: string,
    id: string,
    o: NewOrder,
  ): Promise<{ order: store.OrderRow; replayed: boolean }> {
    // a symbol not stored yet (SPX, IBM: bundled, loaded on first use) is written to the
    // database through its write lock, which the transaction below holds: loading it inside
    // would wait on itself forever (and hold every other write of core), so load it first; an
    // unknown symbol is still reported by the lookup inside, after the account's checks
    await this.series(o.symbol).catch((e) => {
      if (!(e instanceof NotFoundError)) throw e;
    });
    return await this.db.transaction(async (tx) => {
      const a = await store.requireAccount(tx, id, userId, true);
      const prior = await store.findOrder(tx, id, { clientOrderId: o.client_order_id });
      if (prior) return { order: sameOrder(prior, o), replayed: true };
      await requireRoomForOrder(tx, id);
      const order = await newOrder(this, tx, a, await store.loadLedger(tx, a), o, "api");
      return { order, replayed: false };
    });
  }

  /** Cancels an open order. */
  async cancel(userId: string, id: string, orderId: string): Promise<store.OrderRow> {
    return await this.db.transaction(async (tx) => {
      await store.requireAccount(tx, id, userId, true);
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
    await store.requireAccount(this.db, id, userId);
    return store.listOrders(this.db, id, status);
  }

  /** Fills of an account, oldest first. */
  async fills(userId: string, id: string) {
    await store.requireAccount(this.db, id, userId);
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
  addBot(userId: string, id: string, b: {
    symbol: string;
    strategy: string;
    params: Record<string, unknown>;
    percent: number;
    interval?: "1d" | "1w" | "1mo";
  }) {
    return addBot(this, userId, id, b);
  }

  /**
   * Replays the stored bars after the clock, the next `bars` trading days or up to `to` (see
   * {@link advanceAccount}), and returns the account at its new clock with the fills.
   */
  async advance(
    userId: string,
    id: string,
    by: { bars?: number | undefined; to?: string | undefined },
  ) {
    const { fills, replayed_bars } = await advanceAccount(this, userId, id, by);
    return { account: await this.get(userId, id), fills, replayed_bars };
  }
}
