/**
 * A cash-and-positions ledger, long and short, with average cost and realised P&L. The same
 * ledger books the backtester's fills and the paper broker's. Pure (mutates only the ledger it
 * is given).
 *
 * Accounting: buying pays `qty × price + fee` from cash, selling receives `qty × price − fee`; a
 * short position has a negative quantity, so equity is always `cash + Σ qty × mark`.
 *
 * @module
 */
import type { Side } from "./fill_model.ts";

/** One open position. */
export interface Position {
  /** Signed quantity: positive long, negative short. */
  qty: number;
  /** Average entry price of the open quantity (fees excluded). */
  avgCost: number;
}

/** Cash, positions and running totals of an account. */
export interface Ledger {
  /** Cash balance (may exceed equity when short). */
  cash: number;
  /** Open positions by symbol (flat symbols are removed). */
  positions: Map<string, Position>;
  /** Realised P&L so far, fees excluded. */
  realised: number;
  /** Commissions paid so far. */
  fees: number;
}

/** One fill to book. */
export interface Fill {
  /** Symbol traded. */
  symbol: string;
  /** Buy or sell. */
  side: Side;
  /** Quantity, positive. */
  qty: number;
  /** Fill price. */
  price: number;
  /** Commission paid. */
  fee: number;
}

/** A new ledger holding only cash. */
export function newLedger(cash: number): Ledger {
  return { cash, positions: new Map(), realised: 0, fees: 0 };
}

/**
 * Books a fill: updates cash, the position's quantity and average cost, and returns the P&L
 * realised by the part of the fill that reduced or closed an opposite position (fees excluded).
 * A fill larger than the open position flips it, the excess opening at the fill price.
 *
 * @example
 * ```ts
 * const l = newLedger(1000);
 * applyFill(l, { symbol: "X", side: "buy", qty: 2, price: 100, fee: 1 });
 * applyFill(l, { symbol: "X", side: "sell", qty: 2, price: 110, fee: 1 }); // 20
 * l.cash; // 1018
 * ```
 */
export function applyFill(ledger: Ledger, fill: Fill): number {
  if (!(fill.qty > 0) || !Number.isFinite(fill.price)) {
    throw new RangeError(
      `Cannot book fill: qty must be positive and price finite, current values are ${fill.qty} and ${fill.price}`,
    );
  }
  const signed = fill.side === "buy" ? fill.qty : -fill.qty;
  ledger.cash -= signed * fill.price + fill.fee;
  ledger.fees += fill.fee;
  const pos = ledger.positions.get(fill.symbol);
  const held = pos?.qty ?? 0;
  let realised = 0;
  let qty = held + signed;
  let avgCost = pos?.avgCost ?? 0;
  if (held === 0 || Math.sign(held) === Math.sign(signed)) {
    avgCost = (Math.abs(held) * avgCost + fill.qty * fill.price) / Math.abs(qty);
  } else {
    const closed = Math.min(Math.abs(held), fill.qty);
    realised = closed * (fill.price - avgCost) * Math.sign(held);
    if (Math.abs(signed) > Math.abs(held)) avgCost = fill.price;
    if (Math.abs(qty) < 1e-12) qty = 0;
  }
  ledger.realised += realised;
  if (qty === 0) ledger.positions.delete(fill.symbol);
  else ledger.positions.set(fill.symbol, { qty, avgCost });
  return realised;
}

/** Market value of the open positions at the given marks (a missing mark uses the avg cost). */
export function positionsValue(ledger: Ledger, marks: ReadonlyMap<string, number>): number {
  let v = 0;
  for (const [symbol, p] of ledger.positions) v += p.qty * (marks.get(symbol) ?? p.avgCost);
  return v;
}

/** Equity: cash plus the market value of the positions. */
export function equityOf(ledger: Ledger, marks: ReadonlyMap<string, number>): number {
  return ledger.cash + positionsValue(ledger, marks);
}

/** Unrealised P&L of the open positions at the given marks. */
export function unrealisedOf(ledger: Ledger, marks: ReadonlyMap<string, number>): number {
  let u = 0;
  for (const [symbol, p] of ledger.positions) {
    u += p.qty * ((marks.get(symbol) ?? p.avgCost) - p.avgCost);
  }
  return u;
}
