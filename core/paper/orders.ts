/**
 * Order entry of the paper broker: the order the API (or a bot) gives, risk-checked at the
 * account's clock and stored as open or rejected.
 *
 * @module
 */
import { DomainError, type FieldIssue, ValidationError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";
import type { Series } from "../market_data/series.ts";
import type { Ledger } from "../execution/ledger.ts";
import { checkOrder } from "../execution/risk.ts";
import {
  type AccountRow,
  countOpenOrders,
  insertOrder,
  listOrders,
  type OrderRow,
} from "./store.ts";
import { accountView, lastClose } from "./view.ts";

/** A new order as the API gives it. */
export interface NewOrder {
  client_order_id: string;
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit" | "stop";
  qty: number;
  price?: number | undefined;
  /** A sell beyond the long position opens a short only when true (default false). */
  allow_short?: boolean | undefined;
}

/**
 * Most open orders an account may hold when placing through the API (bots add at most one
 * market order each). Bounds the work of every replayed bar and the size of the order book.
 */
export const MAX_OPEN_ORDERS = 500;

/**
 * Throws ValidationError (HTTP 422) when the account already holds {@link MAX_OPEN_ORDERS}
 * open orders.
 */
export async function requireRoomForOrder(tx: Db, accountId: string): Promise<void> {
  const open = await countOpenOrders(tx, accountId);
  if (open < MAX_OPEN_ORDERS) return;
  throw new ValidationError(
    `Too many open orders: the account has ${open}, at most ${MAX_OPEN_ORDERS} open orders ` +
      "per account; cancel some or advance the clock first",
    [{ field: "open_orders", message: `at most ${MAX_OPEN_ORDERS} open orders per account` }],
  );
}

/**
 * The stored order a retried request names by its client order id, when the request asks for
 * the same order; throws a `conflict` DomainError (HTTP 409) listing the terms that differ
 * when the key was used for another order.
 */
export function sameOrder(prior: OrderRow, o: NewOrder): OrderRow {
  const asked = {
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    qty: o.qty,
    price: o.price ?? null,
    allow_short: o.allow_short ?? false,
  };
  const issues: FieldIssue[] = [];
  for (const [field, want] of Object.entries(asked)) {
    const had = prior[field as keyof typeof asked];
    if (had !== want) {
      issues.push({ field, message: `stored order has ${had}, this request ${want}` });
    }
  }
  if (issues.length === 0) return prior;
  throw new DomainError(
    "conflict",
    `client_order_id ${o.client_order_id} was already used for another order ` +
      `(${issues.map((i) => i.field).join(", ")} differ); use a new client_order_id`,
    issues,
  );
}

/**
 * How many shares a sell may take without opening a short: the long position less the open
 * sells that are not allowed to go short (they will take those shares first). Zero when flat
 * or short.
 *
 * @example
 * ```ts
 * import { sellableQty } from "./orders.ts";
 *
 * sellableQty(100, [{ side: "sell", qty: 30, allow_short: false }]); // 70
 * sellableQty(-20, []); // 0
 * ```
 */
export function sellableQty(
  held: number,
  openSameSymbol: readonly { side: string; qty: number; allow_short: boolean }[],
): number {
  let pending = 0;
  for (const o of openSameSymbol) if (o.side === "sell" && !o.allow_short) pending += o.qty;
  return Math.max(0, held - pending);
}

/**
 * Throws ValidationError (HTTP 422, fields `qty` and `allow_short`) when a sell would take
 * more than {@link sellableQty} and the order does not say it opens a short.
 */
export function requireNoAccidentalShort(o: NewOrder, held: number, sellable: number): void {
  if (o.side !== "sell" || o.allow_short || o.qty <= sellable + 1e-9) return;
  const pending = Math.max(0, held) - sellable;
  const what = held > 0
    ? `the long position of ${held}${pending > 0 ? ` (${pending} already in open sells)` : ""}`
    : held < 0
    ? `nothing long (the account is already short ${-held})`
    : "nothing held";
  throw new ValidationError(
    `Sell of ${o.qty} ${o.symbol} is larger than ${what}: it would open a short position. ` +
      `Sell at most ${sellable}, or set allow_short to true to open a short on purpose`,
    [
      { field: "qty", message: `at most ${sellable} can be sold without opening a short` },
      { field: "allow_short", message: "must be true for a sell that opens a short position" },
    ],
  );
}

/** What order entry needs from the paper service: the stored bars and the wall clock. */
export interface PaperEnv {
  /** A symbol's stored bars (throws NotFoundError when unknown). */
  readonly series: (symbol: string) => Promise<Series>;
  /** Wall clock as ISO text (for created/updated stamps only). */
  readonly now: () => string;
}

/**
 * Risk-checks `o` against `ledger` at the account's clock (at its limit price, else the last
 * close on or before the clock) and stores it: open when it passes, rejected with the reason
 * otherwise. Throws ValidationError when the symbol has no bar on or before the clock.
 */
export async function newOrder(
  env: PaperEnv,
  tx: Db,
  a: AccountRow,
  ledger: Ledger,
  o: NewOrder,
  source: string,
): Promise<OrderRow> {
  const s = await env.series(o.symbol);
  const ref = o.price ?? lastClose(s, a.clock);
  if (ref === null) {
    throw new ValidationError(`No ${o.symbol} bar on or before the clock ${a.clock}`, [
      { field: "symbol", message: `no bar on or before ${a.clock}` },
    ]);
  }
  const held = ledger.positions.get(o.symbol)?.qty ?? 0;
  if (o.side === "sell" && !o.allow_short) {
    const open = (await listOrders(tx, a.id, "open")).filter((x) => x.symbol === o.symbol);
    requireNoAccidentalShort(o, held, sellableQty(held, open));
  }
  const view = await accountView(a, ledger, env.series);
  const reason = checkOrder(
    {
      maxPositionPct: a.max_position_pct,
      maxOrderValue: a.max_order_value,
      killSwitch: a.kill_switch === 1,
    },
    {
      signedQty: o.side === "buy" ? o.qty : -o.qty,
      price: ref,
      heldQty: held,
      equity: view.equity,
    },
  );
  const order: OrderRow = {
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
    created_at: env.now(),
    filled_date: null,
    fill_price: null,
    fee: null,
    allow_short: o.allow_short ?? false,
  };
  await insertOrder(tx, order);
  return order;
}
