/**
 * Bar intervals (timeframes). Daily bars are stored; weekly and monthly bars are aggregated from
 * them by the exchange calendar; intraday bars (`1m` … `1h`) are stored with exchange timestamps
 * and higher intraday intervals aggregate from lower ones within a session.
 *
 * @module
 */
import { z } from "zod";

/** Every interval the system knows, shortest first. */
export const INTERVALS = ["1m", "5m", "15m", "30m", "1h", "1d", "1w", "1mo"] as const;

/** One bar interval. */
export type Interval = (typeof INTERVALS)[number];

/** Intervals shorter than a trading day. */
export const INTRADAY_INTERVALS = ["1m", "5m", "15m", "30m", "1h"] as const;

/** One intraday interval. */
export type IntradayInterval = (typeof INTRADAY_INTERVALS)[number];

/** Intervals derived from daily bars by the exchange calendar. */
export const CALENDAR_INTERVALS = ["1d", "1w", "1mo"] as const;

/** Daily or a calendar aggregation of daily bars. */
export type CalendarInterval = (typeof CALENDAR_INTERVALS)[number];

/** Minutes per bar of each intraday interval. */
export const INTRADAY_MINUTES: Readonly<Record<IntradayInterval, number>> = {
  "1m": 1,
  "5m": 5,
  "15m": 15,
  "30m": 30,
  "1h": 60,
};

/** Whether `interval` is shorter than a trading day. */
export function isIntraday(interval: Interval): interval is IntradayInterval {
  return (INTRADAY_INTERVALS as readonly string[]).includes(interval);
}

/** An interval named in a response (no default). */
export const IntervalNameSchema = z.enum(INTERVALS).meta({ description: "Bar interval" });

/** The `interval` query parameter: one of {@link INTERVALS}, daily by default. */
export const IntervalSchema = z.enum(INTERVALS).default("1d").meta({
  description: "Bar interval: 1m 5m 15m 30m 1h (intraday), 1d (default), 1w or 1mo",
});
