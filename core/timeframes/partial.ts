/**
 * Whether the period of the last stored daily bar has ended, told by the market's trading
 * calendar. Pure.
 *
 * The rule: a week or month has ended when the market's next trading day after the last stored
 * bar lies in a later period. That needs no clock, so it gives the same answer on every
 * instance and in every replay; it judges the stored bars, so a month whose last days are not
 * stored yet (the bundled data ends mid-month, or a sync is behind) is partial, which is the
 * truth of the data. The daily bar itself is taken as final (a provider sync stores a day after
 * its close).
 *
 * @module
 */
import { type MarketCode, nextTradingDay } from "../calendars/calendar.ts";
import { addDays } from "../calendars/dates.ts";
import { periodKeyOf } from "./period.ts";

/**
 * True when the calendar has no trading day left in the week (`1w`) or month (`1mo`) of
 * `lastDate` after it.
 *
 * @example
 * ```ts
 * periodEnded("US", "1w", "2024-03-28"); // true: Good Friday 2024-03-29 is a holiday
 * periodEnded("US", "1mo", "2024-03-27"); // false: 2024-03-28 still trades
 * ```
 */
export function periodEnded(market: MarketCode, interval: "1w" | "1mo", lastDate: string): boolean {
  const key = periodKeyOf(interval);
  const next = nextTradingDay(market, addDays(lastDate, 1));
  return key(next) !== key(lastDate);
}
