/**
 * Labels of a quote's high and low: "52-week high/low" only when the stored history covers 52
 * weeks before the quoted bar; otherwise the span it does cover ("High since Dec 1, 2020"), so
 * 13 bars are never called a 52-week range.
 *
 * @module
 */
import type { Lang, T } from "../i18n/mod.ts";
import { fmtDate } from "./format.ts";

/** Days in 52 weeks. */
const YEAR_DAYS = 364;

/**
 * The high and low labels for a quote of bar `date` over history starting at `first` (unknown:
 * the span cannot be checked, so it is named from its start when known, else "52-week").
 *
 * @example
 * ```ts
 * import "../i18n/dictionaries.ts";
 * import { translator } from "../i18n/mod.ts";
 * import { rangeLabels } from "./quote_range.ts";
 *
 * rangeLabels(translator("en"), "en", "2020-12-01", "2020-12-31").high; // "High since Dec 1, 2020"
 * ```
 */
export function rangeLabels(
  t: T,
  lang: Lang,
  first: string | null | undefined,
  date: string,
): { high: string; low: string; full: boolean } {
  const start = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - YEAR_DAYS);
  const full = !first || first.slice(0, 10) <= start.toISOString().slice(0, 10);
  if (full) return { high: t("quote.high52"), low: t("quote.low52"), full };
  const since = fmtDate(lang, first!.slice(0, 10));
  return {
    high: t("quote.highSince", { date: since }),
    low: t("quote.lowSince", { date: since }),
    full,
  };
}
