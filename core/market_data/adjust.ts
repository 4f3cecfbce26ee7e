/**
 * Split and dividend adjustment of a daily history. Pure.
 *
 * Stored bars keep their source's basis: `raw` (as traded) or `split_adjusted` (the source
 * already divided pre-split prices, as Yahoo Finance does). Modes:
 * - `none`: as traded (a split-adjusted source is un-adjusted with the known splits);
 * - `split`: every price expressed in today's shares (default: what charts and indicators use);
 * - `all`: split-adjusted and dividend-adjusted (total-return prices), with the usual backward
 *   factor `1 − dividend / previous close` applied to bars before each ex-date.
 *
 * @module
 */
import type { DividendEvent, SplitEvent } from "./bar.ts";
import type { Series } from "./series.ts";

/** How prices are expressed. */
export type AdjustMode = "none" | "split" | "all";
/** The basis of stored prices. */
export type PriceBasis = "raw" | "split_adjusted";

/** Corporate actions of one symbol. */
export interface Actions {
  /** Splits, any order. */
  splits: readonly SplitEvent[];
  /** Dividends, any order. */
  dividends: readonly DividendEvent[];
}

/** Per-bar price factors (multiply prices; divide volumes) turning `basis` into `mode`. */
export function adjustmentFactors(
  dates: readonly string[],
  close: Float64Array,
  basis: PriceBasis,
  mode: AdjustMode,
  actions: Actions,
): Float64Array {
  const n = dates.length;
  const f = new Float64Array(n).fill(1);
  // Split factor per bar: product of the ratios of splits strictly after the bar's date.
  const splits = [...actions.splits].sort((a, b) => b.date.localeCompare(a.date));
  const splitFactor = new Float64Array(n).fill(1);
  let cum = 1, k = 0;
  for (let i = n - 1; i >= 0; i--) {
    while (k < splits.length && splits[k]!.date > dates[i]!) cum *= splits[k++]!.ratio;
    splitFactor[i] = cum;
  }
  for (let i = 0; i < n; i++) {
    if (basis === "raw" && mode !== "none") f[i] = 1 / splitFactor[i]!;
    if (basis === "split_adjusted" && mode === "none") f[i] = splitFactor[i]!;
  }
  if (mode === "all") {
    const divs = [...actions.dividends].sort((a, b) => b.date.localeCompare(a.date));
    let dcum = 1, j = 0;
    const dfac = new Float64Array(n).fill(1);
    for (let i = n - 1; i >= 0; i--) {
      while (j < divs.length && divs[j]!.date > dates[i]!) {
        const d = divs[j++]!;
        // previous close of the ex-date = close of bar i (the last bar before the ex-date), split-adjusted
        const prev = close[i]! * (basis === "raw" ? 1 / splitFactor[i]! : 1);
        if (prev > 0 && d.amount < prev) dcum *= 1 - d.amount / prev;
      }
      dfac[i] = dcum;
    }
    for (let i = 0; i < n; i++) f[i]! *= dfac[i]!;
  }
  return f;
}

/** The series expressed in `mode` (returns `s` itself when nothing changes). */
export function adjustSeries(
  s: Series,
  basis: PriceBasis,
  mode: AdjustMode,
  actions: Actions,
): Series {
  if (actions.splits.length === 0 && actions.dividends.length === 0) return s;
  const f = adjustmentFactors(s.dates, s.close, basis, mode, actions);
  if (f.every((x) => x === 1)) return s;
  const n = s.dates.length;
  const out: Series = {
    ...s,
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const k = f[i]!;
    out.open[i] = s.open[i]! * k;
    out.high[i] = s.high[i]! * k;
    out.low[i] = s.low[i]! * k;
    out.close[i] = s.close[i]! * k;
    // volumes scale with shares (inverse of the split part only)
    out.volume[i] = s.volume[i]!;
  }
  if (actions.splits.length) {
    const sf = adjustmentFactors(s.dates, s.close, basis, mode === "all" ? "split" : mode, {
      splits: actions.splits,
      dividends: [],
    });
    for (let i = 0; i < n; i++) out.volume[i] = Math.round(s.volume[i]! / sf[i]!);
  }
  return out;
}
