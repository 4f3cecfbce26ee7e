/**
 * Weekly and monthly bars from daily bars: one pass over the columns, no `Date` objects, no
 * per-bar allocation. Pure.
 *
 * A period is a calendar week (Monday to Sunday) or a calendar month; its bar is made of the
 * trading days stored in it: open = first open, high = max, low = min, close = last close,
 * volume = sum, labelled with the date of its first trading day (TradingView's and Yahoo's
 * convention). A holiday-shortened week or month is still one bar. Whether the last period has
 * ended is the caller's knowledge (see `periodEnded`); until then the last bar is `partial`.
 *
 * @module
 */
import type { Interval } from "@trading/shared/schemas";
import type { Series } from "../market_data/series.ts";
import { periodKeys } from "./period.ts";

/** A series at a given interval; `partial` says its last bar's period has not ended yet. */
export interface TimeframeSeries extends Series {
  /** The bar interval. */
  interval: Interval;
  /**
   * True when the last bar covers a period that has not ended (more trading days may still
   * join it): it may change, and a backtest never decides on it.
   */
  partial: boolean;
}

/**
 * Aggregates daily bars (dates ascending) into weekly (`1w`) or monthly (`1mo`) bars.
 *
 * @param s daily bars (already adjusted for corporate actions, if wanted)
 * @param interval `1w` (calendar weeks, Monday to Sunday) or `1mo` (calendar months)
 * @param options `lastPeriodEnded` (default false): whether the period of the last daily bar
 *   has ended; when false the last aggregated bar is marked `partial`
 * @example
 * ```ts
 * import { seriesFromBars } from "../market_data/series.ts";
 *
 * const daily = seriesFromBars("X", [
 *   { date: "2024-01-02", open: 10, high: 12, low: 9, close: 11, volume: 100 },
 *   { date: "2024-01-05", open: 11, high: 13, low: 10, close: 12, volume: 50 },
 *   { date: "2024-01-08", open: 12, high: 12, low: 11, close: 11.5, volume: 70 },
 * ]);
 * const weekly = aggregateCalendar(daily, "1w");
 * weekly.dates; // ["2024-01-02", "2024-01-08"]
 * weekly.high[0]; // 13
 * weekly.partial; // true: nothing says the week of 2024-01-08 has ended
 * ```
 */
export function aggregateCalendar(
  s: Series,
  interval: "1w" | "1mo",
  { lastPeriodEnded = false }: { lastPeriodEnded?: boolean } = {},
): TimeframeSeries {
  const n = s.dates.length;
  const keys = new Int32Array(n);
  const m = periodKeys(s.dates, interval, keys);
  const dates = new Array<string>(m);
  // one buffer for the five columns: one allocation instead of five
  const buf = new Float64Array(5 * m);
  const open = buf.subarray(0, m), high = buf.subarray(m, 2 * m), low = buf.subarray(2 * m, 3 * m);
  const close = buf.subarray(3 * m, 4 * m), volume = buf.subarray(4 * m, 5 * m);
  const { open: o, high: h, low: l, close: c, volume: v } = s;
  let j = -1;
  let prev = NaN;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k !== prev) {
      j++;
      prev = k;
      dates[j] = s.dates[i]!;
      open[j] = o[i]!;
      high[j] = h[i]!;
      low[j] = l[i]!;
      volume[j] = v[i]!;
    } else {
      if (h[i]! > high[j]!) high[j] = h[i]!;
      if (l[i]! < low[j]!) low[j] = l[i]!;
      volume[j] = volume[j]! + v[i]!;
    }
    close[j] = c[i]!;
  }
  return {
    ...s,
    dates,
    open,
    high,
    low,
    close,
    volume,
    interval,
    partial: m > 0 && !lastPeriodEnded,
  };
}

/**
 * The bars a decision may use: all of them, or all but the last when it is `partial` (a
 * backtest or a bot never decides on a period that has not ended).
 */
export function completeBarCount(s: Pick<TimeframeSeries, "dates" | "partial">): number {
  return s.partial ? s.dates.length - 1 : s.dates.length;
}
