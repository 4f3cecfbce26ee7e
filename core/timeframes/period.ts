/**
 * Calendar periods of ISO dates as integers, computed from the characters of `YYYY-MM-DD`
 * without a `Date` object: the hot loop of weekly and monthly aggregation. Pure.
 *
 * @module
 */

/** Days from 1970-01-01 to the ISO date `date` (`YYYY-MM-DD`), proleptic Gregorian. */
export function epochDay(date: string): number {
  const y0 = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  // Howard Hinnant's days_from_civil
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The calendar week (Monday to Sunday) of an ISO date, as a number that is equal for the dates of
 * one week and increases by one from a week to the next (1969-12-29, a Monday, starts week 0).
 *
 * @example
 * ```ts
 * weekKey("2024-01-01") === weekKey("2024-01-07"); // true (Monday and Sunday)
 * weekKey("2024-01-08") - weekKey("2024-01-07"); // 1
 * ```
 */
export function weekKey(date: string): number {
  return Math.floor((epochDay(date) + 3) / 7);
}

/**
 * The calendar month of an ISO date as `year × 12 + month − 1`.
 *
 * @example
 * ```ts
 * monthKey("2024-02-29") - monthKey("2024-01-31"); // 1
 * ```
 */
export function monthKey(date: string): number {
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  return y * 12 + (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1;
}

/** The period key function of a calendar aggregation. */
export function periodKeyOf(interval: "1w" | "1mo"): (date: string) => number {
  return interval === "1w" ? weekKey : monthKey;
}

/**
 * Writes the period key ({@link weekKey} or {@link monthKey}) of each date into `out` and
 * returns the number of distinct consecutive periods. The day count is computed once per month
 * and advanced by the day of the month within it (the hot loop of aggregation).
 */
export function periodKeys(
  dates: readonly string[],
  interval: "1w" | "1mo",
  out: Int32Array,
): number {
  const weekly = interval === "1w";
  let month = -1, monthStart = 0, prev = NaN, periods = 0;
  for (let i = 0; i < dates.length; i++) {
    const s = dates[i]!;
    const m = ((s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 +
          (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48)) * 12 +
      (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48) - 1;
    let k = m;
    if (weekly) {
      if (m !== month) {
        month = m;
        monthStart = epochDay(s) - ((s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48)) + 1;
      }
      k = Math.floor((monthStart + (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48) + 2) / 7);
    }
    out[i] = k;
    if (k !== prev) periods++;
    prev = k;
  }
  return periods;
}
