/**
 * Test data builders for the pattern tests: bars drawn through explicit price waypoints (a
 * shape a trader would sketch), and bars from a list of returns. Test data only, never product
 * data. Private to core/patterns.
 *
 * @module
 */
import type { OhlcvColumns } from "./types.ts";

/** Default wick: highs and lows sit 0.2 % beyond the body. */
export const WICK = 0.002;

function isoDay(i: number): string {
  return new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Bars whose closes run in straight lines through `[index, price]` waypoints (indices
 * ascending, the first at 0). Each bar opens at the previous close; highs and lows extend the
 * body by `wick` (fraction of price). Volume is 1,000,000 unless `volume(i)` says otherwise.
 * A peak waypoint at index k gives a swing high at k with price `P × (1 + wick)`.
 */
export function barsThrough(
  waypoints: readonly (readonly [number, number])[],
  { wick = WICK, volume }: { wick?: number; volume?: (i: number) => number } = {},
): OhlcvColumns {
  const n = waypoints[waypoints.length - 1]![0] + 1;
  const close = new Float64Array(n);
  for (let w = 1; w < waypoints.length; w++) {
    const [i0, p0] = waypoints[w - 1]!, [i1, p1] = waypoints[w]!;
    for (let i = i0; i <= i1; i++) close[i] = p0 + (p1 - p0) * (i - i0) / (i1 - i0);
  }
  return fromCloses(close, { wick, volume });
}

/** Bars from closes: open = previous close, high/low = body ± `wick`. */
export function fromCloses(
  close: Float64Array,
  { wick = WICK, volume }: { wick?: number; volume?: ((i: number) => number) | undefined } = {},
): OhlcvColumns {
  const n = close.length;
  const cols = {
    dates: Array.from({ length: n }, (_, i) => isoDay(i)),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close,
    volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const o = i ? close[i - 1]! : close[0]!, c = close[i]!;
    cols.open[i] = o;
    cols.high[i] = Math.max(o, c) * (1 + wick);
    cols.low[i] = Math.min(o, c) * (1 - wick);
    cols.volume[i] = volume ? volume(i) : 1_000_000;
  }
  return cols;
}

/** Explicit bars `[open, high, low, close]` (volume 1,000,000). */
export function barsOf(rows: readonly (readonly [number, number, number, number])[]): OhlcvColumns {
  const n = rows.length;
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]!);
  return {
    dates: Array.from({ length: n }, (_, i) => isoDay(i)),
    open: col(0),
    high: col(1),
    low: col(2),
    close: col(3),
    volume: new Float64Array(n).fill(1_000_000),
  };
}
