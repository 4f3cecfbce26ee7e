/**
 * Horizontal support and resistance levels: zig-zag pivots clustered by price.
 *
 * @module
 */
import { atr as atrOf } from "../indicators/atr.ts";
import type { Level, OhlcvColumns } from "./types.ts";
import { type ConfirmedPivot, zigzagConfirmed, type ZigzagOptions } from "./zigzag.ts";

/** Options of {@link supportResistance}. */
export interface LevelOptions extends ZigzagOptions {
  /** Cluster tolerance in percent of price; takes precedence when set. */
  tolerancePct?: number;
  /** Cluster tolerance as a multiple of ATR at the last bar (default 0.5). */
  toleranceAtr?: number;
  /** Fewest pivots for a level (default 2). */
  minTouches?: number;
  /** Only pivots at or after this bar index count (default 0). */
  fromIndex?: number;
  /** Keep at most this many levels, strongest first (default all). */
  maxLevels?: number;
}

/**
 * Support/resistance levels as of the last bar: confirmed pivots (highs and lows alike),
 * sorted by price, are grouped while each next price is within the tolerance of the group's
 * running mean. A level is the group's mean price; it is `support` below the last close and
 * `resistance` at or above it; `strength = 0.7 × (1 − 1/touches) + 0.3 × lastIndex/(n − 1)`.
 * Levels are returned by price, ascending.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { supportResistance } from "./levels.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const levels = supportResistance(series, { atrMultiple: 2, toleranceAtr: 0.5, minTouches: 3 });
 * ```
 */
export function supportResistance(cols: OhlcvColumns, opts: LevelOptions = {}): Level[] {
  const {
    tolerancePct,
    toleranceAtr = 0.5,
    minTouches = 2,
    fromIndex = 0,
    maxLevels,
    atrPeriod = 14,
  } = opts;
  if (tolerancePct !== undefined && !(tolerancePct > 0)) {
    throw new RangeError(
      `Cannot find levels: tolerancePct must be > 0, current value is ${tolerancePct}`,
    );
  }
  if (!(toleranceAtr > 0)) {
    throw new RangeError(
      `Cannot find levels: toleranceAtr must be > 0, current value is ${toleranceAtr}`,
    );
  }
  const n = cols.close.length;
  if (n === 0) return [];
  const atr = atrOf(cols.high, cols.low, cols.close, atrPeriod);
  const pivots = zigzagConfirmed(cols, opts, atr).filter((p) => p.index >= fromIndex)
    .sort((a, b) => a.price - b.price);
  const lastClose = cols.close[n - 1]!;
  let lastAtr = NaN;
  for (let i = n - 1; i >= 0 && !(lastAtr > 0); i--) lastAtr = atr[i]!;
  const tol = (price: number) =>
    tolerancePct !== undefined ? price * tolerancePct / 100 : toleranceAtr * lastAtr;
  if (tolerancePct === undefined && !(lastAtr > 0)) return [];
  const groups: ConfirmedPivot[][] = [];
  let cur: ConfirmedPivot[] = [];
  let sum = 0;
  for (const p of pivots) {
    if (cur.length && Math.abs(p.price - sum / cur.length) > tol(sum / cur.length)) {
      groups.push(cur);
      (cur = []), (sum = 0);
    }
    cur.push(p);
    sum += p.price;
  }
  if (cur.length) groups.push(cur);
  const levels: Level[] = [];
  for (const g of groups) {
    if (g.length < minTouches) continue;
    const price = g.reduce((a, p) => a + p.price, 0) / g.length;
    let first = g[0]!, last = g[0]!;
    for (const p of g) {
      if (p.index < first.index) first = p;
      if (p.index > last.index) last = p;
    }
    levels.push({
      price,
      kind: price < lastClose ? "support" : "resistance",
      touches: g.length,
      firstIndex: first.index,
      lastIndex: last.index,
      firstDate: first.date,
      lastDate: last.date,
      strength: Math.round(
        (0.7 * (1 - 1 / g.length) + 0.3 * (n > 1 ? last.index / (n - 1) : 1)) * 1000,
      ) / 1000,
    });
  }
  if (maxLevels !== undefined && levels.length > maxLevels) {
    const keep = new Set(
      [...levels].sort((a, b) => b.strength - a.strength).slice(0, maxLevels),
    );
    return levels.filter((l) => keep.has(l));
  }
  return levels;
}
