/**
 * Reading core's bar labels as an exchange's clock shows them. A daily, weekly or monthly bar is
 * labelled with a date (`2021-03-31`); an intraday bar with its exchange-local start and offset
 * (`2021-03-31T09:30:00-04:00`). The wall-clock part is used as given: nothing is converted to
 * UTC or to the server's time zone, so New York bars read 09:30 and Taipei bars 09:00 wherever
 * the chart is drawn.
 *
 * @module
 */

/**
 * Whether `label` is an intraday bar's label (it carries a time of day).
 *
 * @example
 * ```ts
 * import { isIntradayLabel } from "./intraday_time.ts";
 *
 * isIntradayLabel("2021-03-31T09:30:00-04:00"); // true
 * isIntradayLabel("2021-03-31"); // false
 * ```
 */
export function isIntradayLabel(label: string): boolean {
  return label.length > 10 && label[10] === "T";
}

/** The exchange-local date `YYYY-MM-DD` of a bar label (the label itself for a daily bar). */
export function localDate(label: string): string {
  return label.slice(0, 10);
}

/** The exchange-local `HH:MM` of an intraday bar label. */
export function localClock(label: string): string {
  return label.slice(11, 16);
}

/** Minutes after local midnight of an intraday bar label (`09:30` → 570). */
export function localMinutes(label: string): number {
  return Number(label.slice(11, 13)) * 60 + Number(label.slice(14, 16));
}

/**
 * A bar label as a header shows it: `2021-03-30 09:30` for an intraday bar, the date for a
 * daily one.
 *
 * @example
 * ```ts
 * import { localDateTime } from "./intraday_time.ts";
 *
 * localDateTime("2021-03-30T09:30:00-04:00"); // "2021-03-30 09:30"
 * localDateTime("2021-03-30"); // "2021-03-30"
 * ```
 */
export function localDateTime(label: string): string {
  return isIntradayLabel(label) ? `${localDate(label)} ${localClock(label)}` : label;
}

/**
 * Indices of the bars that open a session after the first bar: where the local date changes.
 * A session (regular or extended, New York or Taipei) never crosses local midnight, so the
 * local date names it.
 *
 * @example
 * ```ts
 * import { sessionStarts } from "./intraday_time.ts";
 *
 * sessionStarts([
 *   "2021-03-30T14:00:00-04:00",
 *   "2021-03-30T15:00:00-04:00",
 *   "2021-03-31T09:30:00-04:00",
 * ]); // [2]
 * ```
 */
export function sessionStarts(labels: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < labels.length; i++) {
    if (localDate(labels[i]!) !== localDate(labels[i - 1]!)) out.push(i);
  }
  return out;
}
