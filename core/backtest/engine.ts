/**
 * The general backtest engine: bar by bar over one or several symbols sharing one cash
 * account, on the simulated broker of core/execution (the same bar steps paper bots run).
 * Decisions taken at a bar's close execute at the next bar's open; protective exits (stop
 * loss, take profit, trailing stop) fill when touched within a bar, at the open when the bar
 * gaps through them; max holding exits at the next open; the account's risk limits, when
 * given, refuse orders before they fill. Pure.
 *
 * A decision only acts when it changes: after a protective exit the strategy must first change
 * its mind before re-entering.
 *
 * @module
 */
import type { Side } from "../execution/fill_model.ts";
import { newLedger } from "../execution/ledger.ts";
import { closeStep } from "../execution/close_step.ts";
import { decideStep } from "../execution/decide_step.ts";
import { openStep } from "../execution/open_step.ts";
import {
  closeTrade,
  type Exec,
  type ExecSink,
  newSlot,
  type Slot,
  type TargetDecision,
} from "../execution/position.ts";
import { protectStep } from "../execution/protect_step.ts";
import type { ExitReason } from "../execution/options.ts";
import {
  type BacktestOptions,
  type Cols,
  newTally,
  tallyTrade,
  type Trade,
  type TradeTally,
} from "./types.ts";

/** One symbol fed to the engine. */
export interface EngineInput {
  /** Ticker. */
  symbol: string;
  /** Its bars. */
  cols: Cols;
  /** Decision at the close of bar `i` (reads only bars `0..i`). */
  decide(i: number): number | TargetDecision;
  /** ATR per bar, needed only for `atr_risk` sizing. */
  atr?: Float64Array;
}

/** A fill as the engine booked it. */
export interface FillRecord {
  /** Symbol. */
  symbol: string;
  /** Bar index in the symbol's own series. */
  bar: number;
  /** Date of the bar. */
  date: string;
  /** Buy or sell. */
  side: Side;
  /** Quantity (positive). */
  qty: number;
  /** Fill price. */
  price: number;
  /** Commission. */
  fee: number;
  /** Why. */
  reason: "entry" | ExitReason;
}

/** An order the risk limits refused. */
export interface Rejection {
  /** Symbol. */
  symbol: string;
  /** Date of the bar whose open it was sent to. */
  date: string;
  /** Buy or sell. */
  side: Side;
  /** Quantity (positive). */
  qty: number;
  /** The limit it broke. */
  reason: string;
}

/** What {@link runEngine} returns. */
export interface EngineResult {
  /** The union of all symbols' dates. */
  dates: string[];
  /** Closing equity per date. */
  equity: Float64Array;
  /** Cash per date. */
  cash: Float64Array;
  /** Signed quantity held per symbol per date (same order as the inputs). */
  qty: Float64Array[];
  /** Closing mark per symbol per date (the last close seen). */
  marks: Float64Array[];
  /** Round trips. */
  trades: Trade[];
  /** Every fill. */
  fills: FillRecord[];
  /** Orders the risk limits refused (empty without `opts.risk`). */
  rejections: Rejection[];
  /** Trade statistics. */
  tally: TradeTally;
}

/** The engine's slot for one input: the broker's slot plus the input and its read position. */
interface Book extends Slot {
  input: EngineInput;
  /** Next unread bar. */
  ptr: number;
  /** Bar at the current date, or −1. */
  cur: number;
}

/**
 * Runs the engine.
 *
 * @example
 * ```ts
 * import { DEFAULT_OPTIONS } from "./types.ts";
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i);
 * const cols = {
 *   dates: Array.from(close, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`),
 *   open: close, high: close, low: close, close, volume: close,
 * };
 * const r = runEngine([{ symbol: "X", cols, decide: (i) => (i > 50 ? 1 : 0) }], DEFAULT_OPTIONS);
 * r.fills.length; // 1: bought at the open of bar 52
 * ```
 */
export function runEngine(inputs: readonly EngineInput[], opts: BacktestOptions): EngineResult {
  const dates = inputs.length === 1 ? inputs[0]!.cols.dates.slice() : unionDates(inputs);
  const nd = dates.length;
  const books: Book[] = inputs.map((input) =>
    Object.assign(newSlot(input.symbol), { input, ptr: 0, cur: -1 })
  );
  const res: EngineResult = {
    dates,
    equity: new Float64Array(nd),
    cash: new Float64Array(nd),
    qty: inputs.map(() => new Float64Array(nd)),
    marks: inputs.map(() => new Float64Array(nd)),
    trades: [],
    fills: [],
    rejections: [],
    tally: newTally(),
  };
  const ledger = newLedger(opts.cash);
  const x: Exec = {
    ledger,
    opts,
    sink: recorder(res),
    equityWithout(s) {
      let equity = ledger.cash;
      for (const o of books) if (o !== s) equity += o.dir * o.qty * o.mark;
      return equity;
    },
  };
  for (let d = 0; d < nd; d++) {
    const date = dates[d]!;
    let exposed = false;
    for (const b of books) {
      const c = b.input.cols;
      b.cur = b.ptr < c.dates.length && c.dates[b.ptr] === date ? b.ptr++ : -1;
      if (b.cur < 0) continue;
      const i = b.cur;
      openStep(x, b, c, i, b.input.atr);
      if (b.dir !== 0) {
        exposed = true;
        protectStep(x, b, c, i);
      }
    }
    if (exposed) res.tally.exposureBars++;
    let eq = ledger.cash;
    for (let k = 0; k < books.length; k++) {
      const b = books[k]!;
      if (b.cur >= 0) closeStep(x, b, b.input.cols, b.cur);
      eq += b.dir * b.qty * b.mark;
      res.qty[k]![d] = b.dir * b.qty;
      res.marks[k]![d] = b.mark;
    }
    res.equity[d] = eq;
    res.cash[d] = ledger.cash;
    for (const b of books) if (b.cur >= 0) decideStep(x, b, b.input.decide(b.cur));
  }
  for (const b of books) {
    if (b.dir !== 0) closeTrade(x.sink, b, b.input.cols.dates.length - 1, b.mark, 0, "end");
  }
  return res;
}

/** The sink that writes fills, round trips, rejections and the tally into `res`. */
function recorder(res: EngineResult): ExecSink {
  const dateOf = (s: Slot, bar: number) => (s as Book).input.cols.dates[bar]!;
  return {
    fill(s, bar, side, qty, price, fee, reason) {
      res.tally.fees += fee;
      res.fills.push({
        symbol: s.symbol,
        bar,
        date: dateOf(s, bar),
        side,
        qty,
        price,
        fee,
        reason,
      });
    },
    closed(s, bar, px, fee, reason, pnl) {
      tallyTrade(res.tally, pnl);
      res.trades.push({
        symbol: s.symbol,
        side: s.dir > 0 ? "long" : "short",
        entry_date: dateOf(s, s.entryBar),
        entry_price: s.entryPrice,
        exit_date: dateOf(s, bar),
        exit_price: px,
        qty: s.qty,
        pnl,
        return_pct: pnl / (s.entryPrice * s.qty),
        bars_held: bar - s.entryBar,
        fees: s.entryFee + fee,
        exit_reason: reason,
      });
    },
    rejected(s, bar, side, qty, reason) {
      res.rejections.push({ symbol: s.symbol, date: dateOf(s, bar), side, qty, reason });
    },
  };
}

/** Sorted union of the inputs' dates. */
function unionDates(inputs: readonly EngineInput[]): string[] {
  const set = new Set<string>();
  for (const inp of inputs) for (const d of inp.cols.dates) set.add(d);
  return [...set].sort();
}
