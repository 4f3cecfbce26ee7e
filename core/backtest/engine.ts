/**
 * The general backtest engine: bar by bar over one or several symbols sharing one cash
 * account. Decisions taken at a bar's close execute at the next bar's open; protective exits
 * (stop loss, take profit, trailing stop) fill when touched within a bar, at the open when the
 * bar gaps through them; max holding exits at the next open. Uses the shared fill model, ledger
 * arithmetic and sizing. Pure.
 *
 * A decision only acts when it changes: after a protective exit the strategy must first change
 * its mind before re-entering.
 *
 * @module
 */
import { commission, type Side, slip, touchPrice } from "../portfolio/fill_model.ts";
import { sizeEntry } from "../portfolio/sizing.ts";
import type { Decision } from "../strategies/types.ts";
import {
  type BacktestOptions,
  type Cols,
  type ExitReason,
  newTally,
  tallyTrade,
  type Trade,
  type TradeTally,
} from "./types.ts";
import { type Book, newBook, unionDates } from "./_book.ts";

/** One symbol fed to the engine. */
export interface EngineInput {
  /** Ticker. */
  symbol: string;
  /** Its bars. */
  cols: Cols;
  /** Decision at the close of bar `i` (reads only bars `0..i`). */
  decide(i: number): number | Decision;
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
  /** Trade statistics. */
  tally: TradeTally;
}

/**
 * Runs the engine.
 *
 * @example
 * ```ts
 * const r = runEngine([{ symbol: "SPX", cols, decide: (i) => (i > 50 ? 1 : 0) }], opts);
 * r.equity.at(-1);
 * ```
 */
export function runEngine(inputs: readonly EngineInput[], opts: BacktestOptions): EngineResult {
  const dates = inputs.length === 1 ? inputs[0]!.cols.dates.slice() : unionDates(inputs);
  const nd = dates.length;
  const books = inputs.map((inp) => newBook(inp));
  const res: EngineResult = {
    dates,
    equity: new Float64Array(nd),
    cash: new Float64Array(nd),
    qty: inputs.map(() => new Float64Array(nd)),
    marks: inputs.map(() => new Float64Array(nd)),
    trades: [],
    fills: [],
    tally: newTally(),
  };
  const state = { cash: opts.cash };
  for (let d = 0; d < nd; d++) {
    const date = dates[d]!;
    let exposed = false;
    for (const b of books) {
      const c = b.input.cols;
      b.cur = b.ptr < c.dates.length && c.dates[b.ptr] === date ? b.ptr++ : -1;
      if (b.cur < 0) continue;
      openPhase(b, books, state, opts, res);
      if (b.dir !== 0) {
        exposed = true;
        protectiveExit(b, state, opts, res);
      }
    }
    if (exposed) res.tally.exposureBars++;
    let eq = state.cash;
    for (let k = 0; k < books.length; k++) {
      const b = books[k]!;
      if (b.cur >= 0) closePhase(b, opts);
      eq += b.dir * b.qty * b.mark;
      res.qty[k]![d] = b.dir * b.qty;
      res.marks[k]![d] = b.mark;
    }
    res.equity[d] = eq;
    res.cash[d] = state.cash;
    for (const b of books) if (b.cur >= 0) decidePhase(b, opts);
  }
  for (const b of books) {
    if (b.dir !== 0) {
      const last = b.input.cols.dates.length - 1;
      closeTrade(b, last, b.mark, 0, "end", res);
    }
  }
  return res;
}

function openPhase(
  b: Book,
  books: readonly Book[],
  state: { cash: number },
  opts: BacktestOptions,
  res: EngineResult,
): void {
  const want = b.pending;
  b.pending = NaN;
  if (Number.isNaN(want) || want === b.dir) return;
  const i = b.cur, c = b.input.cols;
  const o = c.open[i]!, h = c.high[i]!, l = c.low[i]!;
  if (b.dir !== 0) {
    const px = slip(o, b.dir > 0 ? "sell" : "buy", opts.slippageBps, h, l);
    exit(b, state, opts, res, px, b.exitReason ?? "signal");
  }
  b.exitReason = null;
  if (want === 0) return;
  const px = slip(o, want > 0 ? "buy" : "sell", opts.slippageBps, h, l);
  let equity = state.cash;
  for (const o2 of books) if (o2 !== b) equity += o2.dir * o2.qty * o2.mark;
  const qty = sizeEntry(opts.sizing, {
    equity,
    cash: state.cash,
    price: px,
    feeBps: opts.feeBps,
    atr: b.input.atr && i > 0 ? b.input.atr[i - 1]! : NaN,
    fractional: opts.fractional,
  });
  if (!(qty > 0)) return;
  const fee = commission(qty * px, opts);
  state.cash -= want * qty * px + fee;
  res.tally.fees += fee;
  b.dir = want;
  b.qty = qty;
  b.entryPrice = px;
  b.entryFee = fee;
  b.entryBar = i;
  b.held = 0;
  b.best = px;
  const pct = (p: number | null, sign: number) => p === null ? NaN : px * (1 + sign * p / 100);
  b.stop = b.levels.stopLoss ?? pct(opts.stopLossPct, -want);
  b.take = b.levels.takeProfit ?? pct(opts.takeProfitPct, want);
  res.fills.push(fillRec(b, i, want > 0 ? "buy" : "sell", qty, px, fee, "entry"));
}

function protectiveExit(
  b: Book,
  state: { cash: number },
  opts: BacktestOptions,
  res: EngineResult,
): void {
  const i = b.cur, c = b.input.cols;
  const o = c.open[i]!, h = c.high[i]!, l = c.low[i]!;
  const long = b.dir > 0;
  const side: Side = long ? "sell" : "buy";
  let stop = b.stop, reason: ExitReason = "stop_loss";
  if (opts.trailingStopPct !== null) {
    const trail = b.best * (1 - b.dir * opts.trailingStopPct / 100);
    if (Number.isNaN(stop) || (long ? trail > stop : trail < stop)) {
      stop = trail;
      reason = "trailing_stop";
    }
  }
  let raw = Number.isNaN(stop) ? NaN : touchPrice(side, "stop", stop, o, h, l);
  if (Number.isNaN(raw) && !Number.isNaN(b.take)) {
    raw = touchPrice(side, "limit", b.take, o, h, l);
    reason = "take_profit";
  }
  if (Number.isNaN(raw)) return;
  exit(b, state, opts, res, slip(raw, side, opts.slippageBps, h, l), reason);
}

function closePhase(b: Book, opts: BacktestOptions): void {
  const i = b.cur, c = b.input.cols;
  b.mark = c.close[i]!;
  if (b.dir === 0) return;
  b.held = i - b.entryBar + 1;
  if (b.dir > 0 ? c.high[i]! > b.best : c.low[i]! < b.best) {
    b.best = b.dir > 0 ? c.high[i]! : c.low[i]!;
  }
  if (opts.maxHoldingBars !== null && b.held >= opts.maxHoldingBars) {
    b.pending = 0;
    b.exitReason = "max_holding";
  }
}

function decidePhase(b: Book, opts: BacktestOptions): void {
  const d = b.input.decide(b.cur);
  let t: number;
  if (typeof d === "number") t = d;
  else {
    t = d.target;
    b.nextLevels = d;
  }
  if (t < 0 && !opts.allowShort) t = 0;
  if (t !== b.last) {
    b.last = t;
    b.pending = t;
    b.exitReason = null;
    b.levels = b.nextLevels ?? NO_LEVELS;
  }
  b.nextLevels = null;
}

const NO_LEVELS: Decision = { target: 0 };

function exit(
  b: Book,
  state: { cash: number },
  opts: BacktestOptions,
  res: EngineResult,
  px: number,
  reason: ExitReason,
): void {
  const fee = commission(b.qty * px, opts);
  state.cash += b.dir * b.qty * px - fee;
  res.tally.fees += fee;
  res.fills.push(fillRec(b, b.cur, b.dir > 0 ? "sell" : "buy", b.qty, px, fee, reason));
  closeTrade(b, b.cur, px, fee, reason, res);
}

function closeTrade(
  b: Book,
  bar: number,
  px: number,
  fee: number,
  reason: ExitReason,
  res: EngineResult,
): void {
  const pnl = b.dir * (px - b.entryPrice) * b.qty - b.entryFee - fee;
  tallyTrade(res.tally, pnl);
  const c = b.input.cols;
  res.trades.push({
    symbol: b.input.symbol,
    side: b.dir > 0 ? "long" : "short",
    entry_date: c.dates[b.entryBar]!,
    entry_price: b.entryPrice,
    exit_date: c.dates[bar]!,
    exit_price: px,
    qty: b.qty,
    pnl,
    return_pct: pnl / (b.entryPrice * b.qty),
    bars_held: bar - b.entryBar,
    fees: b.entryFee + fee,
    exit_reason: reason,
  });
  b.dir = 0;
  b.qty = 0;
  b.stop = NaN;
  b.take = NaN;
}

function fillRec(
  b: Book,
  bar: number,
  side: Side,
  qty: number,
  price: number,
  fee: number,
  reason: FillRecord["reason"],
): FillRecord {
  const date = b.input.cols.dates[bar]!;
  return { symbol: b.input.symbol, bar, date, side, qty, price, fee, reason };
}
