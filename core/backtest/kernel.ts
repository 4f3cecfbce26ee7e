/**
 * The fast single-symbol simulator: takes the strategy's decisions as an array of target
 * positions and books them with the shared fill model (next-open market fills, slippage,
 * commission with minimum, sizing). No per-bar allocation; used by the optimiser, the
 * vectorised path of strategies that have one, and buy-and-hold. Protective exits (stop loss,
 * take profit, trailing, max holding) and baskets need the full {@link runEngine}. Pure.
 *
 * @module
 */
import { commission, slip } from "../execution/fill_model.ts";
import type { CostOptions } from "../execution/options.ts";
import { type Cols, tallyTrade, type Trade, type TradeTally } from "./types.ts";

/** Where and how far to simulate. */
export interface KernelRange {
  /** First bar simulated. */
  start: number;
  /** One past the last bar simulated. */
  end: number;
  /** Position wanted at the open of `start` (−1, 0, 1), e.g. 1 for buy-and-hold. */
  initial?: number;
  /** Starting equity (defaults to `opts.cash`). */
  cash?: number;
  /**
   * Book carried in from a previous range and written back at the end (walk-forward
   * stitching): when given, the simulation starts from it instead of flat `cash`.
   */
  carry?: KernelCarry;
  /** Leave a position open at `end` unreported (a later range continues it); default false. */
  keepOpen?: boolean;
}

/** The simulator's book between two ranges (see {@link KernelRange.carry}). */
export interface KernelCarry {
  /** Cash. */
  cash: number;
  /** Direction (−1, 0, 1) and size of the position. */
  dir: number;
  qty: number;
  /** Entry fill price, entry commission and entry bar of the open position. */
  entryPrice: number;
  entryFee: number;
  entryBar: number;
}

/** A flat carry holding `cash`. */
export function flatCarry(cash: number): KernelCarry {
  return { cash, dir: 0, qty: 0, entryPrice: 0, entryFee: 0, entryBar: 0 };
}

/**
 * Simulates target positions: `targets[i]` is the decision taken at the close of bar `i`
 * (−1 short, 0 flat, 1 long) and is executed at the open of bar `i + 1`. Writes the closing
 * equity of bar `i` to `equity[i - start]`, adds to `tally`, and pushes round trips to `trades`
 * when given (a position still open at the end is reported at the last close with reason `end`,
 * unless `range.keepOpen` leaves it to the next range).
 *
 * @example
 * ```ts
 * import { simulateTargets } from "./kernel.ts";
 * import { DEFAULT_OPTIONS, newTally } from "./types.ts";
 *
 * const cols = {
 *   dates: ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
 *   open: Float64Array.of(100, 101, 103, 102),
 *   high: Float64Array.of(102, 104, 105, 103),
 *   low: Float64Array.of(99, 100, 102, 100),
 *   close: Float64Array.of(101, 103, 104, 101),
 *   volume: Float64Array.of(1e6, 1.2e6, 0.9e6, 1.1e6),
 * };
 * // decided at each close, filled at the next open: long from bar 1's open to bar 3's open
 * const targets = Int8Array.of(1, 1, 0, 0);
 * const eq = new Float64Array(cols.close.length);
 * simulateTargets(cols, targets, DEFAULT_OPTIONS, { start: 0, end: eq.length }, eq, newTally());
 * eq; // [100000, 101980, 102970, 100990]: 990 shares bought at 101, sold at 102
 * ```
 */
export function simulateTargets(
  cols: Cols,
  targets: Int8Array,
  opts: CostOptions,
  range: KernelRange,
  equity: Float64Array,
  tally: TradeTally,
  trades?: Trade[],
  symbol = "",
): number {
  const { open, high, low, close } = cols;
  const { start, end } = range;
  const fee = { feeBps: opts.feeBps, minFee: opts.minFee };
  const slipBps = opts.slippageBps, allowShort = opts.allowShort;
  const carry = range.carry;
  let cash = carry ? carry.cash : range.cash ?? opts.cash;
  // the fast path's own copy of the broker's arithmetic (core/execution: sizeEntry() for the
  // two sizing modes, with equity = cash since the kernel is flat when it enters; the cash and
  // round-trip updates of open_step.ts/position.ts), kept inline for speed and held equal to
  // runEngine by engine_test.ts (bar for bar), golden_test.ts and optimise/equivalence_test.ts
  const sz = opts.sizing;
  const pct = sz.mode === "percent_equity" ? sz.percent : NaN;
  const fixed = sz.mode === "fixed_cash" ? sz.amount : NaN;
  const costMul = 1 + opts.feeBps / 1e4, fractional = opts.fractional;
  if (sz.mode === "atr_risk") {
    throw new RangeError("Cannot simulate ATR sizing in the kernel: use runEngine");
  }
  const qtyFor = (c: number, px: number): number => {
    if (!(px > 0) || !(c > 0)) return 0;
    let budget = pct === pct ? c * pct / 100 : fixed;
    if (budget > c) budget = c;
    const q = budget / (px * costMul);
    const r = fractional ? q : Math.floor(q + 1e-9);
    return r > 0 ? r : 0;
  };
  let dir = 0, qty = 0, entryPrice = 0, entryFee = 0, entryBar = 0, exposed = 0;
  if (carry) ({ dir, qty, entryPrice, entryFee, entryBar } = carry);
  // long series do not fit in cache: read each block's fill bars ahead (see warmFills)
  let warm = end - start >= WARM_MIN_BARS ? start : end;
  for (let i = start; i < end; i++) {
    if (i >= warm) warm = warmFills(targets, cols, trades !== undefined, i, end);
    let want = i === start ? (range.initial ?? 0) : targets[i - 1]!;
    if (want < 0 && !allowShort) want = 0;
    if (want !== dir) {
      const o = open[i]!, h = high[i]!, l = low[i]!;
      if (dir !== 0) {
        const px = slip(o, dir > 0 ? "sell" : "buy", slipBps, h, l);
        const f = commission(qty * px, fee);
        cash += dir * qty * px - f;
        const pnl = dir * (px - entryPrice) * qty - entryFee - f;
        tally.fees += f;
        tallyTrade(tally, pnl);
        if (trades) {
          trades.push(
            trade(cols, symbol, dir, entryBar, i, entryPrice, px, qty, pnl, entryFee + f),
          );
        }
        dir = 0;
        qty = 0;
      }
      if (want !== 0) {
        const px = slip(o, want > 0 ? "buy" : "sell", slipBps, h, l);
        const q = qtyFor(cash, px);
        if (q > 0) {
          const f = commission(q * px, fee);
          cash -= want * q * px + f;
          tally.fees += f;
          dir = want;
          qty = q;
          entryPrice = px;
          entryFee = f;
          entryBar = i;
        }
      }
    }
    // hot path: while the target does not change, one multiply-add per bar
    const held = dir * qty;
    let j = i;
    for (;;) {
      equity[j - start] = cash + held * close[j]!;
      if (++j >= end) break;
      let t = targets[j - 1]!;
      if (t < 0 && !allowShort) t = 0;
      if (t !== dir) break;
    }
    if (held !== 0) exposed += j - i;
    i = j - 1;
  }
  tally.exposureBars += exposed;
  if (carry) Object.assign(carry, { cash, dir, qty, entryPrice, entryFee, entryBar });
  if (dir !== 0 && end > start && !range.keepOpen) {
    const px = close[end - 1]!;
    const pnl = dir * (px - entryPrice) * qty - entryFee;
    tallyTrade(tally, pnl);
    if (trades) {
      const t = trade(cols, symbol, dir, entryBar, end - 1, entryPrice, px, qty, pnl, entryFee);
      t.exit_reason = "end";
      trades.push(t);
    }
  }
  return end > start ? equity[end - start - 1]! : cash;
}

const WARM_BLOCK = 4096, WARM_MIN_BARS = 65_536;
const warmAt = new Int32Array(WARM_BLOCK);
const warmSink = new Float64Array(WARM_BLOCK);
const warmDates = new Array<string>(WARM_BLOCK).fill("");

/**
 * Reads the open, high and low (and the date, for the trade list) of the bars in
 * `[from, from + WARM_BLOCK)` where the target changes: first lists those bars, then loads them
 * in a loop of independent loads, so the fills that follow find them in cache instead of each
 * waiting for memory in turn (on a 1,000,000-bar series that wait was half the simulation).
 * Only a speed-up: the values read are discarded. Returns the end of the block.
 */
function warmFills(
  targets: Int8Array,
  { open, high, low, dates }: Cols,
  withDates: boolean,
  from: number,
  end: number,
): number {
  const to = from + WARM_BLOCK < end ? from + WARM_BLOCK : end;
  let m = 0;
  let prev = from > 1 ? targets[from - 2]! : 0;
  for (let k = from > 1 ? from : 1; k < to; k++) {
    const t = targets[k - 1]!;
    warmAt[m] = k;
    m += t !== prev ? 1 : 0;
    prev = t;
  }
  for (let q = 0; q < m; q++) {
    const k = warmAt[q]!;
    warmSink[q] = open[k]! + high[k]! + low[k]!;
  }
  if (withDates) { for (let q = 0; q < m; q++) warmDates[q] = dates[warmAt[q]!]!; }
  return to;
}

function trade(
  cols: Cols,
  symbol: string,
  dir: number,
  from: number,
  to: number,
  entry: number,
  exit: number,
  qty: number,
  pnl: number,
  fees: number,
): Trade {
  return {
    symbol,
    side: dir > 0 ? "long" : "short",
    entry_date: cols.dates[from]!,
    entry_price: entry,
    exit_date: cols.dates[to]!,
    exit_price: exit,
    qty,
    pnl,
    return_pct: pnl / (entry * qty),
    bars_held: to - from,
    fees,
    exit_reason: "signal",
  };
}
