/**
 * Zig-zag swing pivots with a relative threshold (percent of price or a multiple of ATR), never
 * an absolute price. Causal: a pivot is emitted only once price has moved away from it by the
 * threshold, at the bar that `confirmedAt` names, so the last swing is never emitted before it
 * is confirmed.
 *
 * @module
 */
import { atr as atrOf } from "../indicators/atr.ts";
import type { OhlcvColumns, Pivot } from "./types.ts";

/** Options of {@link zigzagPivots}. */
export interface ZigzagOptions {
  /** Reversal threshold in percent of the swing extreme (e.g. 5). Takes precedence when set. */
  thresholdPct?: number;
  /** Reversal threshold as a multiple of ATR at the confirming bar (default 2). */
  atrMultiple?: number;
  /** ATR period (default 14). No reversal is confirmed during the ATR warm-up. */
  atrPeriod?: number;
}

/** A pivot with the bar at which it became known. */
export interface ConfirmedPivot extends Pivot {
  /** First bar at which the reversal away from this pivot reached the threshold. */
  confirmedAt: number;
}

/**
 * Zig-zag with confirmation bars; `atr` may be passed when already computed (same period).
 * Reads bar `j` only when deciding at bar `j`.
 */
export function zigzagConfirmed(
  cols: OhlcvColumns,
  { thresholdPct, atrMultiple = 2, atrPeriod = 14 }: ZigzagOptions = {},
  atr?: Float64Array,
): ConfirmedPivot[] {
  if (thresholdPct !== undefined && !(thresholdPct > 0)) {
    throw new RangeError(
      `Cannot compute zig-zag: thresholdPct must be > 0, current value is ${thresholdPct}`,
    );
  }
  if (thresholdPct === undefined && !(atrMultiple > 0)) {
    throw new RangeError(
      `Cannot compute zig-zag: atrMultiple must be > 0, current value is ${atrMultiple}`,
    );
  }
  const { high, low, dates } = cols;
  const n = high.length;
  const out: ConfirmedPivot[] = [];
  if (n < 2) return out;
  const a = thresholdPct === undefined
    ? (atr ?? atrOf(high, low, cols.close, atrPeriod))
    : undefined;
  const thr = (j: number, ref: number): number =>
    a ? atrMultiple * a[j]! : ref * thresholdPct! / 100;
  const emit = (index: number, type: "high" | "low", confirmedAt: number) =>
    out.push({
      index,
      date: dates[index]!,
      price: type === "high" ? high[index]! : low[index]!,
      type,
      confirmedAt,
    });

  let dir = 0; // 0 unknown, 1 looking for a high, -1 looking for a low
  let hi = high[0]!, hiIdx = 0, lo = low[0]!, loIdx = 0;
  for (let j = 1; j < n; j++) {
    const h = high[j]!, l = low[j]!;
    if (dir === 0) {
      if (h > hi) (hi = h), (hiIdx = j);
      if (l < lo) (lo = l), (loIdx = j);
      const up = loIdx < j && h - lo >= thr(j, lo);
      const down = hiIdx < j && hi - l >= thr(j, hi);
      if (up && (!down || loIdx <= hiIdx)) {
        emit(loIdx, "low", j);
        dir = 1;
        hi = -Infinity;
        for (let k = loIdx + 1; k <= j; k++) if (high[k]! > hi) (hi = high[k]!), (hiIdx = k);
      } else if (down) {
        emit(hiIdx, "high", j);
        dir = -1;
        lo = Infinity;
        for (let k = hiIdx + 1; k <= j; k++) if (low[k]! < lo) (lo = low[k]!), (loIdx = k);
      }
    } else if (dir === 1) {
      if (h > hi) (hi = h), (hiIdx = j);
      else if (hi - l >= thr(j, hi)) {
        emit(hiIdx, "high", j);
        dir = -1;
        (lo = l), (loIdx = j);
      }
    } else {
      if (l < lo) (lo = l), (loIdx = j);
      else if (h - lo >= thr(j, lo)) {
        emit(loIdx, "low", j);
        dir = 1;
        (hi = h), (hiIdx = j);
      }
    }
  }
  return out;
}

/**
 * Confirmed swing pivots (alternating high/low). A reversal counts when price moves from the
 * running extreme by `thresholdPct` % of it, or by `atrMultiple` × ATR(`atrPeriod`) at the
 * confirming bar; the pending extreme at the end of the data is not emitted.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { zigzagPivots } from "./zigzag.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const pivots = zigzagPivots(series, { atrMultiple: 2 });
 * // [{ index: 3, date: "2013-05-16", price: 59.842857, type: "low" }, …]
 * ```
 */
export function zigzagPivots(cols: OhlcvColumns, opts: ZigzagOptions = {}): Pivot[] {
  return zigzagConfirmed(cols, opts).map(({ index, date, price, type }) => ({
    index,
    date,
    price,
    type,
  }));
}
