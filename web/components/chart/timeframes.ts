/**
 * The timeframes of the symbol page's chart: which intervals the switcher offers, the range
 * buttons that make sense for each, and the chart's time of a bar (a day, or an exchange-local
 * instant shown on the axis as the exchange's wall-clock time). Pure.
 *
 * @module
 */
import type { Interval } from "@trading/shared/schemas";

/**
 * Every interval, shortest first, as the switcher lists them (the wire's INTERVALS, restated so
 * zod stays out of the browser bundle; a test holds them equal).
 */
export const TIMEFRAMES: readonly Interval[] = ["1m", "5m", "15m", "30m", "1h", "1d", "1w", "1mo"];

/** Intervals every symbol with daily bars has (weekly and monthly are derived from daily). */
export const CALENDAR_TIMEFRAMES: readonly Interval[] = ["1d", "1w", "1mo"];

/** A range button: its label key suffix and its span back from the last bar (0 = all). */
export interface RangeChoice {
  /** Label key suffix (`range.<id>`). */
  id: "1D" | "5D" | "1M" | "3M" | "6M" | "1Y" | "5Y" | "10Y" | "All";
  /** Days back (intraday ranges). */
  days?: number;
  /** Months back. */
  months?: number;
}

const INTRADAY_RANGES: readonly RangeChoice[] = [
  { id: "1D", days: 1 },
  { id: "5D", days: 5 },
  { id: "1M", months: 1 },
  { id: "3M", months: 3 },
  { id: "All" },
];
const DAILY_RANGES: readonly RangeChoice[] = [
  { id: "1M", months: 1 },
  { id: "3M", months: 3 },
  { id: "6M", months: 6 },
  { id: "1Y", months: 12 },
  { id: "5Y", months: 60 },
  { id: "All" },
];
const WEEKLY_RANGES: readonly RangeChoice[] = [
  { id: "6M", months: 6 },
  { id: "1Y", months: 12 },
  { id: "5Y", months: 60 },
  { id: "10Y", months: 120 },
  { id: "All" },
];
const MONTHLY_RANGES: readonly RangeChoice[] = [
  { id: "5Y", months: 60 },
  { id: "10Y", months: 120 },
  { id: "All" },
];

/**
 * The range buttons of an interval: days to months for intraday bars, a month to five years for
 * daily bars, six months to ten years for weekly bars, five years and more for monthly bars (a
 * month of monthly bars would be one candle).
 */
export function rangesFor(interval: Interval): readonly RangeChoice[] {
  if (interval === "1w") return WEEKLY_RANGES;
  if (interval === "1mo") return MONTHLY_RANGES;
  if (interval === "1d") return DAILY_RANGES;
  return INTRADAY_RANGES;
}

/** The range shown first: a year of days, five years of weeks, every month, five days intraday. */
export function defaultRange(interval: Interval): RangeChoice["id"] {
  return interval === "1d" ? "1Y" : interval === "1w" ? "5Y" : interval === "1mo" ? "All" : "5D";
}

/**
 * The first day of the span the symbol page scans for patterns and support/resistance levels:
 * the chart's first range for daily and weekly bars (a year of days, five years of weeks), the
 * last month of intraday bars, null (the whole history) for monthly bars. Levels found over
 * decades sit far from today's price: on AAPL's 1998–2021 days the strongest are 19–53 with the
 * last close at 122.15, where the last year has 88.55 to 138.21.
 *
 * @example
 * ```ts
 * import { analysisFrom } from "./timeframes.ts";
 * analysisFrom("1d", "2021-03-31"); // "2020-03-31"
 * analysisFrom("1h", "2021-03-31T15:00:00-04:00"); // "2021-02-28"
 * analysisFrom("1mo", "2021-03-01"); // null
 * ```
 */
export function analysisFrom(interval: Interval, last: string): string | null {
  const months = interval === "1d" ? 12 : interval === "1w" ? 60 : interval === "1mo" ? 0 : 1;
  if (!months) return null;
  const d = new Date(`${last.slice(0, 10)}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  // the same day of that month, or its last day (a month before March 31 is February 28)
  const monthEnd = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, monthEnd));
  return d.toISOString().slice(0, 10);
}

/** The interval of a query value (`?interval=1w`), daily when absent or unknown. */
export function parseInterval(value: string | null | undefined): Interval {
  return (TIMEFRAMES as readonly string[]).includes(value ?? "") ? value as Interval : "1d";
}

/**
 * The chart time of a bar's `date`: the ISO day itself for daily and longer bars; for an
 * exchange-local timestamp (`2020-01-02T09:30:00-05:00`) the seconds of that wall-clock time
 * read as UTC, so the axis shows the exchange's own hours whatever the viewer's zone.
 *
 * @example
 * ```ts
 * chartTime("2020-01-02"); // "2020-01-02"
 * chartTime("2020-01-02T09:30:00-05:00"); // 1577957400 (2020-01-02 09:30 on the axis)
 * ```
 */
export function chartTime(date: string): string | number {
  if (date.length <= 10) return date;
  const wall = date.slice(0, 19);
  return Date.parse(`${wall}Z`) / 1000;
}

/**
 * Where sessions begin in intraday bars (dates are local times): the index of every bar whose
 * day differs from the previous bar's. None for daily and longer bars.
 *
 * @example
 * ```ts
 * sessionStarts(["2021-03-30T15:00:00-04:00", "2021-03-31T09:30:00-04:00"]); // [1]
 * ```
 */
export function sessionStarts(dates: readonly string[]): number[] {
  const out: number[] = [];
  if ((dates[0]?.length ?? 0) <= 10) return out;
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]!.slice(0, 10) !== dates[i - 1]!.slice(0, 10)) out.push(i);
  }
  return out;
}

/** The ISO day or local time `days` before `date` (its first 10 characters). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
