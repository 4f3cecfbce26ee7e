/**
 * The intraday bar and its columnar form: types only. Pure.
 *
 * @module
 */

/** One intraday bar; `ts` is its start as a UTC instant (ms since the epoch). */
export interface IntradayBar {
  /** Start of the bar, UTC milliseconds since the epoch. */
  ts: number;
  /** Opening price. */
  open: number;
  /** Highest price. */
  high: number;
  /** Lowest price. */
  low: number;
  /** Closing price. */
  close: number;
  /** Traded volume (shares). */
  volume: number;
}

/** Intraday bars in columns, starts ascending (UTC ms). */
export interface IntradayColumns {
  /** Bar starts, UTC ms, strictly ascending. */
  readonly ts: Float64Array;
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

/** Columns from bar objects (starts ascending). */
export function columnsFromBars(bars: readonly IntradayBar[]): IntradayColumns {
  const n = bars.length;
  const c = {
    ts: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const b = bars[i]!;
    c.ts[i] = b.ts;
    c.open[i] = b.open;
    c.high[i] = b.high;
    c.low[i] = b.low;
    c.close[i] = b.close;
    c.volume[i] = b.volume;
  }
  return c;
}
