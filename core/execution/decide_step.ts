/**
 * A strategy's decision at a bar's close, sent to a slot's next open. Pure.
 *
 * @module
 */
import { type Exec, NO_LEVELS, type Slot, type TargetDecision } from "./position.ts";

/**
 * Takes the strategy's decision at a bar's close: when its target (flat for a short the
 * options do not allow) differs from the last one acted on, it is sent to the next open with
 * its levels.
 *
 * @example
 * ```ts
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
 * s.pending; // 1: bought at the next open, with a stop at 95
 * decideStep(exec, s, -1); // short not allowed: flat
 * s.pending; // 0
 * ```
 */
export function decideStep(x: Exec, s: Slot, d: number | TargetDecision): void {
  let t = typeof d === "number" ? d : d.target;
  if (t < 0 && !x.opts.allowShort) t = 0;
  if (t === s.last) return;
  s.last = t;
  s.pending = t;
  s.exitReason = null;
  s.levels = typeof d === "number" ? NO_LEVELS : d;
}
