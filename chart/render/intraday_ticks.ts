/**
 * Ticks of an intraday axis. Bars sit at their index, as on the daily axis, so nights and
 * weekends take no room. Each session's first bar is labelled with its date (`Mar 31`); between
 * them, bars that start a new clock step (every 5, 10, 15, 30 minutes, 1, 2, 3, 4 or 6 hours,
 * the finest that fits) are labelled with their exchange-local time (`12:00`). When even the
 * session starts do not fit, the dates are ticked as on a daily axis (days, weeks, months).
 *
 * @module
 */
import type { ChartLang } from "@trading/shared/schemas";
import { dayName } from "./i18n.ts";
import { localClock, localDate, localMinutes, sessionStarts } from "./intraday_time.ts";
import { type TimeTick, timeTicks } from "./time_ticks.ts";

const STEPS = [5, 10, 15, 30, 60, 120, 180, 240, 360];

/**
 * Picks at most `maxTicks` ticks for intraday bar labels (ascending, exchange-local with offset,
 * as core sends them). Time labels keep at least half the average tick spacing from each other
 * and from the date labels, so uneven sessions (a half-day) do not crowd the axis.
 *
 * @example
 * ```ts
 * import { intradayTicks } from "./intraday_ticks.ts";
 *
 * const labels = ["09:30", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00"].flatMap((t) =>
 *   ["2021-03-30", "2021-03-31"].map((d) => `${d}T${t}:00-04:00`)
 * ).sort();
 * intradayTicks(labels, 6, "en").map((t) => t.label);
 * // ["Mar 30", "12:00", "14:00", "Mar 31", "12:00", "14:00"]
 * ```
 */
export function intradayTicks(
  labels: readonly string[],
  maxTicks: number,
  lang: ChartLang,
): TimeTick[] {
  const n = labels.length;
  if (n === 0 || maxTicks < 1) return [];
  const starts = [0, ...sessionStarts(labels)];
  if (starts.length > maxTicks) return timeTicks(labels.map(localDate), maxTicks, lang);
  const dates: TimeTick[] = starts.map((i) => {
    const d = localDate(labels[i]!);
    return { index: i, label: dayName(Number(d.slice(5, 7)), Number(d.slice(8, 10)), lang) };
  });
  const gap = Math.max(1, Math.ceil(n / maxTicks / 2));
  const minutes = labels.map(localMinutes);
  for (const step of STEPS) {
    const times: TimeTick[] = [];
    for (let s = 0; s < starts.length; s++) {
      const open = starts[s]!;
      const end = starts[s + 1] ?? n; // the next session's first bar (or the end)
      let last = open;
      for (let i = open + 1; i < end; i++) {
        if (Math.floor(minutes[i]! / step) === Math.floor(minutes[i - 1]! / step)) continue;
        if (i - last < gap || (end < n && end - i < gap)) continue;
        times.push({ index: i, label: localClock(labels[i]!) });
        last = i;
      }
    }
    if (dates.length + times.length <= maxTicks) {
      return [...dates, ...times].sort((a, b) => a.index - b.index);
    }
  }
  return dates;
}
