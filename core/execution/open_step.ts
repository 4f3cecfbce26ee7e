/**
 * The open of a bar for a strategy slot: the order its last decision sent fills. Pure.
 *
 * @module
 */
import { commission, type Side, slip } from "./fill_model.ts";
import { applyFill } from "./ledger.ts";
import { type Exec, exitPosition, type PriceColumns, type Slot } from "./position.ts";
import { checkOrder } from "./risk.ts";
import { sizeEntry } from "./sizing.ts";

/**
 * Executes the order waiting for the open of bar `i`: closes the position at the (slipped)
 * open, then opens the new one sized with that fill price by the options' sizing, unless the
 * risk limits refuse it. `atr` is the ATR per bar (only `atr_risk` sizing reads it, at bar
 * `i − 1`, the last one known before the open).
 *
 * @example
 * ```ts
 * import { decideStep } from "./decide_step.ts";
 * import { type Exec, newSlot } from "./position.ts";
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
 * decideStep(exec, s, { target: 1, stopLoss: 95 }); // at the close of bar 0
 * openStep(exec, s, cols, 1); // bought 49 at 100 (5,000 with the fee in the budget)
 * s.qty; // 49
 * ```
 */
export function openStep(
  x: Exec,
  s: Slot,
  c: PriceColumns,
  i: number,
  atr?: Float64Array,
): void {
  const want = s.pending;
  s.pending = NaN;
  // kept small so that the per-bar call inlines; the work is in fillAtOpen
  if (!Number.isNaN(want) && want !== s.dir) fillAtOpen(x, s, c, i, want, atr);
}

/** The fills of {@link openStep} once a change of position is due. */
function fillAtOpen(
  x: Exec,
  s: Slot,
  c: PriceColumns,
  i: number,
  want: number,
  atr: Float64Array | undefined,
): void {
  const o = c.open[i]!, h = c.high[i]!, l = c.low[i]!;
  const opts = x.opts;
  if (s.dir !== 0) {
    const side: Side = s.dir > 0 ? "sell" : "buy";
    const px = slip(o, side, opts.slippageBps, h, l);
    if (opts.risk && refused(x, s, i, side, s.qty, px, s.dir * s.qty * s.mark)) return;
    exitPosition(x, s, i, px, s.exitReason ?? "signal");
  }
  s.exitReason = null;
  if (want === 0) return;
  const side: Side = want > 0 ? "buy" : "sell";
  const px = slip(o, side, opts.slippageBps, h, l);
  const qty = sizeEntry(opts.sizing, {
    equity: x.equityWithout(s),
    cash: x.ledger.cash,
    price: px,
    feeBps: opts.feeBps,
    atr: atr && i > 0 ? atr[i - 1]! : NaN,
    fractional: opts.fractional,
  });
  if (!(qty > 0)) return;
  if (opts.risk && refused(x, s, i, side, qty, px, 0)) return;
  const fee = commission(qty * px, opts);
  applyFill(x.ledger, { symbol: s.symbol, side, qty, price: px, fee });
  s.dir = want;
  s.qty = qty;
  s.entryPrice = px;
  s.entryFee = fee;
  s.entryBar = i;
  s.best = px;
  const pct = (p: number | null, sign: number) => p === null ? NaN : px * (1 + sign * p / 100);
  s.stop = s.levels.stopLoss ?? pct(opts.stopLossPct, -want);
  s.take = s.levels.takeProfit ?? pct(opts.takeProfitPct, want);
  x.sink.fill(s, i, side, qty, px, fee, "entry");
}

/** True (and reported) when the risk limits refuse the order; `value` is the slot's value. */
function refused(
  x: Exec,
  s: Slot,
  i: number,
  side: Side,
  qty: number,
  px: number,
  value: number,
): boolean {
  const reason = checkOrder(x.opts.risk!, {
    signedQty: side === "buy" ? qty : -qty,
    price: px,
    heldQty: x.ledger.positions.get(s.symbol)?.qty ?? 0,
    equity: x.equityWithout(s) + value,
  });
  if (reason !== null) x.sink.rejected(s, i, side, qty, reason);
  return reason !== null;
}
