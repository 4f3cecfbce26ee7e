/**
 * Bars per year of each interval, for annualised metrics. Pure.
 *
 * @module
 */
import { type Interval, INTRADAY_MINUTES, isIntraday } from "@trading/shared/schemas";

/** Trading days per year (the usual 252). */
export const TRADING_DAYS_PER_YEAR = 252;

/**
 * Bars per year at `interval`: 252 daily, 52 weekly, 12 monthly; intraday, 252 sessions of
 * `sessionMinutes` (default 390, the US regular session) divided into bars, a last short bar
 * counted as one.
 *
 * @example
 * ```ts
 * barsPerYear("1w"); // 52
 * barsPerYear("1h"); // 1764 (7 bars a session: six hours and a half-hour bar)
 * ```
 */
export function barsPerYear(interval: Interval, { sessionMinutes = 390 } = {}): number {
  if (interval === "1w") return 52;
  if (interval === "1mo") return 12;
  if (isIntraday(interval)) {
    return TRADING_DAYS_PER_YEAR * Math.ceil(sessionMinutes / INTRADAY_MINUTES[interval]);
  }
  return TRADING_DAYS_PER_YEAR;
}
