/**
 * One strategy's position in one symbol (a slot) on the simulated broker, shared by the
 * backtest engine (in memory) and paper bots (the same calls, fills then persisted). Pure:
 * the steps mutate only the slot and the ledger they are given.
 *
 * A bar runs `openStep` (open_step.ts) (the order a decision sent to this open: exit, then an entry
 * sized with the fill price and risk-checked), `protectStep` (protect_step.ts) (stop loss, trailing stop or
 * take profit touched within the bar, at the open on a gap), `closeStep` (close_step.ts) (marks, best
 * price, max holding) and, after the strategy decided at the close, `decideStep` (decide_step.ts). A
 * decision only acts when it changes: after a protective exit the strategy must first change
 * its mind before re-entering.
 *
 * @module
 */
import { commission, type Side } from "./fill_model.ts";
import { applyFill, type Ledger } from "./ledger.ts";
import type { ExecOptions, ExitReason } from "./options.ts";

/** A strategy's decision: a target (−1, 0, 1), optionally with exit levels for its entry. */
export interface TargetDecision {
  /** Target position. */
  target: number;
  /** Protective stop price for the entry this decision opens. */
  stopLoss?: number;
  /** Take-profit price for the entry this decision opens. */
  takeProfit?: number;
}

/** Bars as columns (only the prices the broker reads). */
export interface PriceColumns {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

/** One strategy's position in one symbol and the order waiting for the next open. */
export interface Slot {
  /** Symbol traded. */
  symbol: string;
  /** Direction (−1, 0, 1) and size of the position. */
  dir: number;
  qty: number;
  /** Entry fill price, entry commission and entry bar of the open position. */
  entryPrice: number;
  entryFee: number;
  entryBar: number;
  /** Best price since entry (highest high long, lowest low short). */
  best: number;
  /** Protective levels of the open position (NaN: none). */
  stop: number;
  take: number;
  /** Latest close. */
  mark: number;
  /** Last decision acted on, and the target waiting for the next open (NaN: none). */
  last: number;
  pending: number;
  /** Why the pending order closes the position (null: the strategy's signal). */
  exitReason: ExitReason | null;
  /** Levels given with the pending decision. */
  levels: TargetDecision;
}

/** Where a step reports what happened. */
export interface ExecSink {
  /** A fill, already booked to the ledger. */
  fill(
    s: Slot,
    bar: number,
    side: Side,
    qty: number,
    price: number,
    fee: number,
    reason: "entry" | ExitReason,
  ): void;
  /** A round trip closed at `price` (its exit commission `fee`), before the slot goes flat. */
  closed(s: Slot, bar: number, price: number, fee: number, reason: ExitReason, pnl: number): void;
  /** An order the risk limits refused (it did not fill). */
  rejected(s: Slot, bar: number, side: Side, qty: number, reason: string): void;
}

/** The account a slot trades on. */
export interface Exec {
  /** Cash and positions; every fill is booked here. */
  readonly ledger: Ledger;
  /** Costs, sizing, exits and risk limits. */
  readonly opts: ExecOptions;
  /** Receives fills, round trips and rejections. */
  readonly sink: ExecSink;
  /** Account equity without slot `s`'s position, at the last marks (sizing, risk). */
  readonly equityWithout: (s: Slot) => number;
}

/** The levels of a bare target. */
export const NO_LEVELS: TargetDecision = { target: 0 };

/**
 * A flat slot.
 *
 * @example
 * ```ts
 * const s = newSlot("SPX");
 * s.dir; // 0
 * ```
 */
export function newSlot(symbol: string): Slot {
  return {
    symbol,
    dir: 0,
    qty: 0,
    entryPrice: 0,
    entryFee: 0,
    entryBar: 0,
    best: 0,
    stop: NaN,
    take: NaN,
    mark: 0,
    last: 0,
    pending: NaN,
    exitReason: null,
    levels: NO_LEVELS,
  };
}

/** Sells (buys back) the whole position at `px`, then reports the round trip. */
export function exitPosition(x: Exec, s: Slot, i: number, px: number, reason: ExitReason): void {
  const side: Side = s.dir > 0 ? "sell" : "buy";
  const fee = commission(s.qty * px, x.opts);
  applyFill(x.ledger, { symbol: s.symbol, side, qty: s.qty, price: px, fee });
  x.sink.fill(s, i, side, s.qty, px, fee, reason);
  closeTrade(x.sink, s, i, px, fee, reason);
}

/**
 * Reports the round trip of the slot's position closed at `px` at bar `bar` (exit commission
 * `fee`) and leaves the slot flat; books nothing (a position still open at the end of a
 * backtest is reported this way at the last close).
 *
 * @example
 * ```ts
 * import { decideStep } from "./decide_step.ts";
 * import { openStep } from "./open_step.ts";
 * import { newLedger } from "./ledger.ts";
 * import { NO_EXITS } from "./options.ts";
 * const ledger = newLedger(10_000);
 * const exec: Exec = {
 *   ledger,
 *   opts: { ...NO_EXITS, cash: 10_000, feeBps: 10, minFee: 1, slippageBps: 0,
 *     sizing: { mode: "percent_equity", percent: 50 }, fractional: false, allowShort: false },
 *   sink: { fill() {}, closed() {}, rejected() {} },
 *   equityWithout: () => ledger.cash,
 * };
 * const px = new Float64Array([100, 100, 90]);
 * const cols = { open: px, high: px, low: px, close: px };
 * const s = newSlot("X");
 * decideStep(exec, s, 1);
 * openStep(exec, s, cols, 1);
 * closeTrade(exec.sink, s, 2, 90, 0, "end"); // reported at the last close, nothing booked
 * s.dir; // 0
 * ```
 */
export function closeTrade(
  sink: ExecSink,
  s: Slot,
  bar: number,
  px: number,
  fee: number,
  reason: ExitReason,
): void {
  const pnl = s.dir * (px - s.entryPrice) * s.qty - s.entryFee - fee;
  sink.closed(s, bar, px, fee, reason, pnl);
  s.dir = 0;
  s.qty = 0;
  s.stop = NaN;
  s.take = NaN;
}
