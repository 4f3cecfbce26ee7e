/**
 * A symbol's daily history held in columns (`Float64Array`s), the shape the analysis core reads.
 * Pure.
 *
 * @module
 */
import type { Candle } from "@trading/shared/schemas";
import type { Bar } from "./bar.ts";

/**
 * Columns of daily bars, dates ascending: what indicators, patterns, signals, strategies and the
 * backtester read (a {@link Series} is one).
 */
export interface OhlcvColumns {
  /** ISO dates, ascending, one per bar. */
  readonly dates: readonly string[];
  /** Opening prices. */
  readonly open: Float64Array;
  /** Highs. */
  readonly high: Float64Array;
  /** Lows. */
  readonly low: Float64Array;
  /** Closes. */
  readonly close: Float64Array;
  /** Volumes. */
  readonly volume: Float64Array;
}

/** Columnar daily bars of one symbol, dates ascending. */
export interface Series extends OhlcvColumns {
  /** Ticker. */
  symbol: string;
  /** ISO dates, ascending, one per bar. */
  dates: string[];
  /** Opening prices. */
  open: Float64Array;
  /** Highs. */
  high: Float64Array;
  /** Lows. */
  low: Float64Array;
  /** Closes. */
  close: Float64Array;
  /** Volumes. */
  volume: Float64Array;
  /** Increases whenever the stored bars change; used to key caches. */
  version: number;
  /** Market code of the symbol (e.g. `US`), when known. */
  market?: string;
}

/** Builds a {@link Series} from row objects (dates ascending). */
export function seriesFromBars(symbol: string, bars: readonly Bar[], version = 0): Series {
  const n = bars.length;
  const s: Series = {
    symbol,
    dates: new Array<string>(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    version,
  };
  for (let i = 0; i < n; i++) {
    const b = bars[i]!;
    s.dates[i] = b.date;
    s.open[i] = b.open;
    s.high[i] = b.high;
    s.low[i] = b.low;
    s.close[i] = b.close;
    s.volume[i] = b.volume;
  }
  return s;
}

/**
 * The first `n` bars as views over the same buffers (no copy of prices): what a strategy may see
 * at bar `n − 1`, or the history as of a past date.
 */
export function firstBars<T extends OhlcvColumns>(s: T, n: number): T {
  return {
    ...s,
    dates: s.dates.slice(0, n),
    open: s.open.subarray(0, n),
    high: s.high.subarray(0, n),
    low: s.low.subarray(0, n),
    close: s.close.subarray(0, n),
    volume: s.volume.subarray(0, n),
  };
}

/** First index whose date is ≥ `date` (binary search). */
export function lowerBound(dates: readonly string[], date: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index range `[start, end)` of the bars within `from..to` (inclusive, either open), keeping
 * only the last `limit` bars when given.
 */
export function rangeIndices(
  s: Series,
  { from, to, limit }: {
    from?: string | undefined;
    to?: string | undefined;
    limit?: number | undefined;
  } = {},
): { start: number; end: number } {
  let start = from ? lowerBound(s.dates, from) : 0;
  const end = to ? lowerBound(s.dates, to + "\uffff") : s.dates.length;
  if (limit !== undefined && end - start > limit) start = end - limit;
  return { start, end: Math.max(start, end) };
}

/** Copies a range of bars as wire candles. */
export function toCandles(s: Series, start: number, end: number): Candle[] {
  const out = new Array<Candle>(end - start);
  for (let i = start; i < end; i++) {
    out[i - start] = {
      date: s.dates[i]!,
      open: s.open[i]!,
      high: s.high[i]!,
      low: s.low[i]!,
      close: s.close[i]!,
      volume: s.volume[i]!,
    };
  }
  return out;
}
