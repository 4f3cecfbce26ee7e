/**
 * Formatting shared by the track-record views: rates and differences given as fractions.
 *
 * @module
 */
import type { Lang, MessageKey } from "../../i18n/mod.ts";

/** A rate given as a fraction, e.g. `0.352` → `35.2%` (`–` when null). */
export function rate(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return new Intl.NumberFormat(lang, {
    style: "percent",
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  })
    .format(v);
}

/** A difference of fractions in percentage points, signed: `-0.036` → `−3.6 pp`. */
export function points(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const n = new Intl.NumberFormat(lang, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(v * 100);
  return `${n} pp`;
}

/** The message key of a verdict. */
export function verdictKey(v: string | null): MessageKey {
  switch (v) {
    case "edge":
      return "track.verdict.edge";
    case "below_baseline":
      return "track.verdict.below";
    case "too_few_calls":
      return "track.verdict.few";
    case "no_measurable_edge":
      return "track.verdict.none";
    default:
      return "track.na";
  }
}

/** CSS class of a verdict (edge up, below down, otherwise muted). */
export function verdictClass(v: string | null): string {
  return v === "edge" ? "up" : v === "below_baseline" ? "down" : "muted";
}

/** A confidence bucket as whole percentages: `{ lo: 0.5, hi: 0.6 }` → `50–60%`. */
export function bucketLabel(b: { lo: number; hi: number }): string {
  return `${Math.round(b.lo * 100)}–${Math.round(b.hi * 100)}%`;
}
