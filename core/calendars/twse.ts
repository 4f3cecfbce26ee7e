/**
 * Taiwan Stock Exchange trading calendar. Fixed-date holidays follow the rules (New Year's
 * Day, Peace Memorial Day Feb 28, Children's Day Apr 4, Labour Day May 1 (market closed from
 * 2002), National Day Oct 10); lunar holidays (Lunar New Year, Tomb-Sweeping, Dragon Boat,
 * Mid-Autumn) and the exchange's extra closing days before Lunar New Year and make-up
 * arrangements move every year and are taken from the TWSE's annual "market holiday schedule"
 * announcements, listed below per year. Years not listed use the fixed-date rules only and
 * the calendar says so (`coverage`). Pure.
 *
 * @module
 */
import { weekday } from "./dates.ts";

/**
 * Announced closures that the fixed rules do not give (Lunar New Year and the days before it,
 * Tomb-Sweeping, Dragon Boat, Mid-Autumn, and bridge days), per year, from the TWSE schedule.
 */
export const TWSE_ANNOUNCED: Readonly<Record<number, readonly string[]>> = {
  2020: [
    "2020-01-21",
    "2020-01-22",
    "2020-01-23",
    "2020-01-24",
    "2020-01-27",
    "2020-01-28",
    "2020-01-29",
    "2020-04-02",
    "2020-04-03",
    "2020-06-25",
    "2020-06-26",
    "2020-10-01",
    "2020-10-02",
    "2020-10-09",
  ],
  2023: [
    "2023-01-18",
    "2023-01-19",
    "2023-01-20",
    "2023-01-23",
    "2023-01-24",
    "2023-01-25",
    "2023-01-26",
    "2023-01-27",
    "2023-02-27",
    "2023-04-03",
    "2023-04-05",
    "2023-06-22",
    "2023-06-23",
    "2023-09-29",
    "2023-10-09",
  ],
  2024: [
    "2024-02-06",
    "2024-02-07",
    "2024-02-08",
    "2024-02-09",
    "2024-02-12",
    "2024-02-13",
    "2024-02-14",
    "2024-04-05",
    "2024-06-10",
    "2024-09-17",
  ],
  2025: [
    "2025-01-23",
    "2025-01-24",
    "2025-01-27",
    "2025-01-28",
    "2025-01-29",
    "2025-01-30",
    "2025-01-31",
    "2025-04-03",
    "2025-05-30",
    "2025-10-06",
  ],
};

function fixedHolidays(year: number): Map<string, string> {
  const out = new Map<string, string>();
  const add = (md: string, name: string) => out.set(`${year}-${md}`, name);
  add("01-01", "New Year's Day");
  add("02-28", "Peace Memorial Day");
  add("04-04", "Children's Day");
  if (year >= 2002) add("05-01", "Labour Day");
  add("10-10", "National Day");
  return out;
}

/** Full closures of a year (weekdays only) and whether the lunar holidays are covered. */
export function twseHolidays(
  year: number,
): { holidays: Map<string, string>; coverage: "announced" | "fixed-only" } {
  const holidays = fixedHolidays(year);
  const announced = TWSE_ANNOUNCED[year];
  for (const d of announced ?? []) holidays.set(d, "Announced market holiday");
  for (const d of [...holidays.keys()]) {
    const dow = weekday(d);
    if (dow === 0 || dow === 6) holidays.delete(d);
  }
  return { holidays, coverage: announced ? "announced" : "fixed-only" };
}
