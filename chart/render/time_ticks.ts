/**
 * Ticks of the trading-day axis: the x position of a bar is its index, so weekends and holidays
 * take no room; ticks fall on the first trading day of a year, quarter, month, week or day,
 * whichever is the finest that fits.
 *
 * @module
 */
import type { ChartLang } from "@trading/shared/schemas";
import { dayName, monthName, yearName } from "./i18n.ts";

/** One tick: the bar index and its label. */
export interface TimeTick {
  /** Bar index. */
  index: number;
  /** Label text. */
  label: string;
}

type Level = "year" | "quarter" | "month" | "week" | "day";

function key(date: string, level: Level, dayOfWeek: number): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (level === "year") return y;
  if (level === "quarter") return `${y}Q${Math.floor((m - 1) / 3)}`;
  if (level === "month") return date.slice(0, 7);
  if (level === "week") return String(dayOfWeek);
  return date;
}

function epochDay(date: string): number {
  return Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 864e5);
}

function boundaries(dates: readonly string[], level: Level): number[] {
  const out: number[] = [];
  let prev = "";
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    // weeks are keyed by the Monday of their week (epoch day 4 was a Monday)
    const k = level === "week" ? String(Math.floor((epochDay(d) - 4) / 7)) : key(d, level, 0);
    if (k !== prev) {
      if (i > 0 || level === "day") out.push(i);
      prev = k;
    }
  }
  return out;
}

function labelOf(date: string, level: Level, prevDate: string | undefined, lang: ChartLang) {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const newYear = !prevDate || prevDate.slice(0, 4) !== date.slice(0, 4);
  if (level === "year") return yearName(y, lang);
  if (level === "quarter" || level === "month") {
    return newYear ? yearName(y, lang) : monthName(m, lang);
  }
  return newYear && prevDate ? yearName(y, lang) : dayName(m, d, lang);
}

/**
 * Picks trading-day ticks for `dates` (ascending ISO dates), at most `maxTicks` of them.
 *
 * @example
 * ```ts
 * import { timeTicks } from "./time_ticks.ts";
 *
 * const dates = ["2024-05-30", "2024-05-31", "2024-06-03", "2024-06-28", "2024-07-01"];
 * timeTicks(dates, 2, "en"); // [{ index: 2, label: "Jun" }, { index: 4, label: "Jul" }]
 * ```
 */
export function timeTicks(dates: readonly string[], maxTicks: number, lang: ChartLang): TimeTick[] {
  if (dates.length === 0 || maxTicks < 1) return [];
  const levels: Level[] = ["day", "week", "month", "quarter", "year"];
  for (const level of levels) {
    const idx = boundaries(dates, level);
    if (idx.length <= maxTicks && idx.length > 0) {
      return idx.map((i) => ({ index: i, label: labelOf(dates[i]!, level, dates[i - 1], lang) }));
    }
  }
  // many years: every k-th year boundary
  const years = boundaries(dates, "year");
  const step = Math.ceil(years.length / maxTicks);
  return years.filter((_, j) => j % step === 0).map((i) => ({
    index: i,
    label: yearName(Number(dates[i]!.slice(0, 4)), lang),
  }));
}
