/**
 * The close of a bar for a strategy slot: mark, best price, max holding. Pure.
 *
 * @module
 */
import type { Exec, PriceColumns, Slot } from "./position.ts";

/**
 * Marks the slot at bar `i`'s close, moves its best price, and sends a max-holding exit to the
 * next open when the position has been held long enough.
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
 * closeStep(exec, s, cols, 2);
 * s.mark; // 90
 * ```
 */
export function closeStep(x: Exec, s: Slot, c: PriceColumns, i: number): void {
  s.mark = c.close[i]!;
  if (s.dir === 0) return;
  if (s.dir > 0 ? c.high[i]! > s.best : c.low[i]! < s.best) {
    s.best = s.dir > 0 ? c.high[i]! : c.low[i]!;
  }
  const max = x.opts.maxHoldingBars;
  if (max !== null && i - s.entryBar + 1 >= max) {
    s.pending = 0;
    s.exitReason = "max_holding";
  }
}
