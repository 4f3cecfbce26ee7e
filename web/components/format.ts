/**
 * Number and date formatting with `Intl` for the UI language (same output on the server and in
 * the browser: dates are formatted in UTC because the data are calendar dates).
 *
 * @module
 */
import type { Lang } from "../i18n/mod.ts";

const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, f = new Intl.NumberFormat(lang, opts));
  return f;
}

/** A price with 2 decimals (more for prices under 1), or an en dash when absent. */
export function fmtPrice(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const digits = Math.abs(v) < 1 && v !== 0 ? 4 : 2;
  return nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A plain number with up to `digits` decimals. */
export function fmtNum(lang: Lang, v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return nf(lang, { maximumFractionDigits: digits }).format(v);
}

/** A signed change, e.g. `+1.25`. */
export function fmtChange(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return nf(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" })
    .format(v);
}

/** A signed percentage given in percent units, e.g. `1.5` → `+1.50%`. */
export function fmtPct(lang: Lang, v: number | null | undefined, signed = true): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return nf(lang, {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(v / 100);
}

/** Signed percentage points with one decimal, e.g. `-133.94` → `-133.9` (`+2.5`, `0`). */
export function fmtPoints(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return nf(lang, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(v);
}

/** A large count in compact form (`12.3M`, `1,230萬`). */
export function fmtCompact(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return nf(lang, { notation: "compact", maximumFractionDigits: 2 }).format(v);
}

/** A money amount in `currency` (default USD). */
export function fmtMoney(lang: Lang, v: number | null | undefined, currency = "USD"): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return nf(lang, { style: "currency", currency, maximumFractionDigits: 2 }).format(v);
}

const dateCache = new Map<Lang, Intl.DateTimeFormat>();

/** An ISO date (`2018-05-11`) in the language's medium style. */
export function fmtDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  let f = dateCache.get(lang);
  if (!f) {
    dateCache.set(
      lang,
      f = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }),
    );
  }
  return f.format(d);
}

/**
 * A bar's label: a day as {@link fmtDate}; an intraday bar (`2021-03-31T15:00:00-04:00`) with
 * its date and its time on the exchange's clock (the label's wall clock, whatever the viewer's
 * zone), as the symbol page's legend shows it.
 *
 * @example
 * ```ts
 * import { fmtBarDate } from "./format.ts";
 *
 * fmtBarDate("en", "2021-03-31"); // "Mar 31, 2021"
 * fmtBarDate("en", "2021-03-31T15:00:00-04:00"); // "Mar 31, 2021 15:00"
 * ```
 */
export function fmtBarDate(lang: Lang, label: string | null | undefined): string {
  if (!label || label.length <= 10) return fmtDate(lang, label);
  return `${fmtDate(lang, label.slice(0, 10))} ${label.slice(11, 16)}`;
}

/**
 * `text` followed by the sentence `more`: a space between them in English, none after a
 * Chinese full stop.
 */
export function withSentence(lang: Lang, text: string, more: string): string {
  return `${text}${lang === "zh-TW" ? "" : " "}${more}`;
}

/** CSS class for a signed value: `up`, `down` or `flat`. */
export function trendClass(v: number | null | undefined): "up" | "down" | "flat" {
  if (v === null || v === undefined || !Number.isFinite(v) || v === 0) return "flat";
  return v > 0 ? "up" : "down";
}
