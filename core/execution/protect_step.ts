/**
 * Protective exits of a strategy slot within a bar: stop loss, trailing stop, take profit. Pure.
 *
 * @module
 */
import { type Side, slip, touchPrice } from "./fill_model.ts";
import type { ExitReason } from "./options.ts";
import { type Exec, exitPosition, type PriceColumns, type Slot } from "./position.ts";

/**
 * Closes the position of a slot that holds one when bar `i` touches its stop loss, trailing
 * stop or take profit (the stop first when both are touched), at the level or at the open on
 * a gap, with slippage.
 *
 * @example
 * ```ts
 * import { decideStep } from "./decide_step.ts";
 * import { openStep } from "./open_step.ts";
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
 * decideStep(exec, s, { target: 1, stopLoss: 95 });
 * openStep(exec, s, cols, 1);
 * protectStep(exec, s, cols, 2); // bar 2 opens at 90, under the stop: sold at the open
 * s.dir; // 0
 * ```
 */
export function protectStep(x: Exec, s: Slot, c: PriceColumns, i: number): void {
  const o = c.open[i]!, h = c.high[i]!, l = c.low[i]!;
  const long = s.dir > 0;
  const side: Side = long ? "sell" : "buy";
  const trailPct = x.opts.trailingStopPct;
  let stop = s.stop, reason: ExitReason = "stop_loss";
  if (trailPct !== null) {
    const trail = s.best * (1 - s.dir * trailPct / 100);
    if (Number.isNaN(stop) || (long ? trail > stop : trail < stop)) {
      stop = trail;
      reason = "trailing_stop";
    }
  }
  let raw = Number.isNaN(stop) ? NaN : touchPrice(side, "stop", stop, o, h, l);
  if (Number.isNaN(raw) && !Number.isNaN(s.take)) {
    raw = touchPrice(side, "limit", s.take, o, h, l);
    reason = "take_profit";
  }
  if (Number.isNaN(raw)) return;
  exitPosition(x, s, i, slip(raw, side, x.opts.slippageBps, h, l), reason);
}
