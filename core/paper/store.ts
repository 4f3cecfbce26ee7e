/**
 * Paper-trading rows and the SQL that reads and writes them (portable, `?` placeholders). Every
 * function takes the connection or transaction to use.
 *
 * @module
 */
import { NotFoundError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import { type Ledger, newLedger } from "../execution/ledger.ts";

/** A stored account. */
export interface AccountRow {
  id: string;
  user_id: string;
  name: string;
  starting_cash: number;
  cash: number;
  realised: number;
  fees: number;
  clock: string;
  fee_bps: number;
  min_fee: number;
  slippage_bps: number;
  max_position_pct: number | null;
  max_order_value: number | null;
  kill_switch: number;
  created_at: string;
  updated_at: string;
}

/** A stored order. */
export interface OrderRow {
  id: string;
  account_id: string;
  client_order_id: string;
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit" | "stop";
  qty: number;
  price: number | null;
  status: "open" | "filled" | "cancelled" | "rejected";
  reason: string | null;
  source: string;
  placed_clock: string;
  created_at: string;
  filled_date: string | null;
  fill_price: number | null;
  fee: number | null;
  /** The order may open or add to a short (stored as 0/1). */
  allow_short: boolean;
}

/** A strategy trading on an account. */
export interface BotRow {
  id: string;
  account_id: string;
  symbol: string;
  strategy: string;
  params: string;
  percent: number;
  /** The strategy's previous decision (what `decide` sees as `ctx.target`). */
  last_target: number;
  active: number;
  created_at: string;
  /** The bot's broker slot as JSON (see _bot_slot.ts), null before its first replay. */
  state: string | null;
  /** The bar interval it decides on (`1d`, `1w`, `1mo`). */
  interval: "1d" | "1w" | "1mo";
}

const ACCOUNT_COLS = `id, user_id, name, starting_cash, cash, realised, fees, clock, fee_bps,
  min_fee, slippage_bps, max_position_pct, max_order_value, kill_switch, created_at, updated_at`;
const ORDER_COLS = `id, account_id, client_order_id, symbol, side, type, qty, price, status,
  reason, source, placed_clock, created_at, filled_date, fill_price, fee, allow_short`;

/** Copies a row with the named columns as numbers (PostgreSQL may return numerics as text). */
function nums<T extends object>(r: T, keys: (keyof T)[]): T {
  const out = { ...r } as Record<keyof T, unknown>;
  for (const k of keys) if (out[k] !== null) out[k] = Number(out[k]);
  return out as T;
}

/** An order as read: numeric columns as numbers, `allow_short` as a boolean. */
function orderOf(r: OrderRow): OrderRow {
  const o = nums(r, ["qty", "price", "fill_price", "fee"]);
  return { ...o, allow_short: Number(o.allow_short) === 1 };
}

/** The account of `userId`, locking its row for the transaction on PostgreSQL. */
export async function getAccount(db: Db, id: string, userId: string, lock = false) {
  const rows = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLS} FROM paper_accounts WHERE id = ? AND user_id = ?` +
      (lock && db.dialect === "postgres" ? " FOR UPDATE" : ""),
    [id, userId],
  );
  const r = rows[0];
  return r
    ? nums(r, [
      "starting_cash",
      "cash",
      "realised",
      "fees",
      "fee_bps",
      "min_fee",
      "slippage_bps",
      "max_position_pct",
      "max_order_value",
      "kill_switch",
    ])
    : null;
}

/** The account of `userId` (see {@link getAccount}); throws NotFoundError when there is none. */
export async function requireAccount(
  db: Db,
  id: string,
  userId: string,
  lock = false,
): Promise<AccountRow> {
  const a = await getAccount(db, id, userId, lock);
  if (!a) throw new NotFoundError(`No paper account ${id}`);
  return a;
}

/** Accounts of a user, newest first. */
export async function listAccountIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM paper_accounts WHERE user_id = ? ORDER BY created_at DESC, id",
    [userId],
  );
  return rows.map((r) => r.id);
}

/** The account's ledger (cash, positions, realised, fees). */
export async function loadLedger(db: Db, a: AccountRow): Promise<Ledger> {
  const l = newLedger(a.cash);
  l.realised = a.realised;
  l.fees = a.fees;
  const rows = await db.query<{ symbol: string; qty: number; avg_cost: number }>(
    "SELECT symbol, qty, avg_cost FROM paper_positions WHERE account_id = ? ORDER BY symbol",
    [a.id],
  );
  for (const r of rows) {
    l.positions.set(r.symbol, { qty: Number(r.qty), avgCost: Number(r.avg_cost) });
  }
  return l;
}

/** Writes the ledger and clock back (positions replaced). */
export async function saveLedger(db: Db, a: AccountRow, l: Ledger, clock: string, now: string) {
  await db.run(
    "UPDATE paper_accounts SET cash = ?, realised = ?, fees = ?, clock = ?, updated_at = ? WHERE id = ?",
    [l.cash, l.realised, l.fees, clock, now, a.id],
  );
  await db.run("DELETE FROM paper_positions WHERE account_id = ?", [a.id]);
  for (const [symbol, p] of l.positions) {
    await db.run(
      "INSERT INTO paper_positions (account_id, symbol, qty, avg_cost) VALUES (?, ?, ?, ?)",
      [a.id, symbol, p.qty, p.avgCost],
    );
  }
}

/** Orders of an account (optionally one status), oldest first. */
export async function listOrders(db: Db, accountId: string, status?: string): Promise<OrderRow[]> {
  const rows = await db.query<OrderRow>(
    `SELECT ${ORDER_COLS} FROM paper_orders WHERE account_id = ?` +
      (status ? " AND status = ?" : "") + " ORDER BY seq, created_at, id",
    status ? [accountId, status] : [accountId],
  );
  return rows.map(orderOf);
}

/** Number of open orders of an account. */
export async function countOpenOrders(db: Db, accountId: string): Promise<number> {
  const rows = await db.query<{ n: number | string }>(
    "SELECT COUNT(*) AS n FROM paper_orders WHERE account_id = ? AND status = 'open'",
    [accountId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** One order by id or by client order id. */
export async function findOrder(
  db: Db,
  accountId: string,
  by: { id: string } | { clientOrderId: string },
): Promise<OrderRow | null> {
  const [col, v] = "id" in by ? ["id", by.id] : ["client_order_id", by.clientOrderId];
  const rows = await db.query<OrderRow>(
    `SELECT ${ORDER_COLS} FROM paper_orders WHERE account_id = ? AND ${col} = ?`,
    [accountId, v],
  );
  return rows[0] ? orderOf(rows[0]) : null;
}

/** Inserts an order row. */
export async function insertOrder(db: Db, o: OrderRow): Promise<void> {
  await db.run(
    // seq: the account's next order number (time priority; the caller's transaction holds
    // the account's lock, so two placements cannot take the same number)
    `INSERT INTO paper_orders (${ORDER_COLS}, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM paper_orders WHERE account_id = ?))`,
    [
      o.id,
      o.account_id,
      o.client_order_id,
      o.symbol,
      o.side,
      o.type,
      o.qty,
      o.price,
      o.status,
      o.reason,
      o.source,
      o.placed_clock,
      o.created_at,
      o.filled_date,
      o.fill_price,
      o.fee,
      o.allow_short ? 1 : 0,
      o.account_id,
    ],
  );
}

/** A stored fill. */
export interface FillRow {
  account_id: string;
  order_id: string;
  symbol: string;
  side: "buy" | "sell";
  qty: number;
  price: number;
  fee: number;
  /** P&L the fill realised (fees excluded). */
  realised: number;
  date: string;
  /** Position in the account's fills. */
  seq: number;
}

/** Inserts a fill row. */
export async function insertFill(db: Db, f: FillRow): Promise<void> {
  await db.run(
    `INSERT INTO paper_fills (id, account_id, order_id, symbol, side, qty, price, fee, realised, date, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      crypto.randomUUID(),
      f.account_id,
      f.order_id,
      f.symbol,
      f.side,
      f.qty,
      f.price,
      f.fee,
      f.realised,
      f.date,
      f.seq,
    ],
  );
}

/** Sets an order's final state. */
export async function closeOrder(
  db: Db,
  id: string,
  x: {
    status: OrderRow["status"];
    reason?: string | null;
    date?: string;
    price?: number;
    fee?: number;
  },
): Promise<void> {
  await db.run(
    "UPDATE paper_orders SET status = ?, reason = ?, filled_date = ?, fill_price = ?, fee = ? WHERE id = ?",
    [x.status, x.reason ?? null, x.date ?? null, x.price ?? null, x.fee ?? null, id],
  );
}

/** Active bots of an account. */
export async function listBots(db: Db, accountId: string): Promise<BotRow[]> {
  const rows = await db.query<BotRow>(
    `SELECT id, account_id, symbol, strategy, params, percent, last_target, active, created_at,
       state, bar_interval AS "interval" FROM paper_bots WHERE account_id = ? AND active = 1 ORDER BY created_at, id`,
    [accountId],
  );
  return rows.map((r) => nums(r, ["percent", "last_target", "active"]));
}

/** Writes a bot's last decision and broker slot back. */
export async function saveBot(db: Db, b: BotRow): Promise<void> {
  await db.run("UPDATE paper_bots SET last_target = ?, state = ? WHERE id = ?", [
    b.last_target,
    b.state,
    b.id,
  ]);
}
