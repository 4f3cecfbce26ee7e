/**
 * NYSE trading calendar from the exchange's published rules (NYSE Rule 7.2 holidays):
 * New Year's Day, Martin Luther King Jr. Day (3rd Monday of January), Washington's Birthday
 * (3rd Monday of February), Good Friday, Memorial Day (last Monday of May), Juneteenth
 * (June 19, from 2022), Independence Day, Labor Day (1st Monday of September), Thanksgiving
 * (4th Thursday of November) and Christmas. A holiday on a Saturday is observed on the Friday
 * before (except New Year's Day, which is then not observed), on a Sunday the Monday after.
 * Early closes (13:00 ET): the day before Independence Day, the day after Thanksgiving and
 * Christmas Eve, when those are trading days. One-off closures (e.g. 2001-09-11..14,
 * 2012-10-29..30, national days of mourning) are listed explicitly. Pure.
 *
 * @module
 */
import { addDays, easterSunday, nthWeekday, weekday } from "./dates.ts";

/** One-off full-day closures not given by the rules. */
export const NYSE_SPECIAL_CLOSURES: ReadonlySet<string> = new Set([
  "2001-09-11",
  "2001-09-12",
  "2001-09-13",
  "2001-09-14", // September 11 attacks
  "2004-06-11", // Reagan national day of mourning
  "2007-01-02", // Ford national day of mourning
  "2012-10-29",
  "2012-10-30", // Hurricane Sandy
  "2018-12-05", // George H. W. Bush national day of mourning
  "2025-01-09", // Carter national day of mourning
]);

function observed(date: string): string | null {
  const dow = weekday(date);
  if (dow === 6) return date.endsWith("-01-01") ? null : addDays(date, -1);
  if (dow === 0) return addDays(date, 1);
  return date;
}

/** Holidays (full closures by rule) of a year, with their names. */
export function nyseHolidays(year: number): Map<string, string> {
  const out = new Map<string, string>();
  const fixed = (md: string, name: string) => {
    const d = observed(`${year}-${md}`);
    if (d) out.set(d, name);
  };
  fixed("01-01", "New Year's Day");
  out.set(nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day");
  out.set(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  out.set(addDays(easterSunday(year), -2), "Good Friday");
  out.set(nthWeekday(year, 5, 1, -1), "Memorial Day");
  if (year >= 2022) fixed("06-19", "Juneteenth");
  fixed("07-04", "Independence Day");
  out.set(nthWeekday(year, 9, 1, 1), "Labor Day");
  out.set(nthWeekday(year, 11, 4, 4), "Thanksgiving Day");
  fixed("12-25", "Christmas Day");
  // New Year's Day of next year falling on a Saturday is not observed on Dec 31.
  return out;
}

/** Early-close days (13:00 ET) of a year. */
export function nyseEarlyCloses(year: number): Set<string> {
  const out = new Set<string>();
  const holidays = nyseHolidays(year);
  const add = (d: string) => {
    const dow = weekday(d);
    if (dow !== 0 && dow !== 6 && !holidays.has(d)) out.add(d);
  };
  add(`${year}-07-03`);
  add(addDays(nthWeekday(year, 11, 4, 4), 1));
  add(`${year}-12-24`);
  return out;
}
