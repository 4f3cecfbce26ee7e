/**
 * Signal reasons and pattern criteria in the UI language, from the codes and parameters core
 * sends (`reason_code` + `reason_params`, `criteria_codes`); a code the UI does not know falls
 * back to core's English sentence. Numbers follow the parameter's name as core's do: `bars`,
 * `*_bars` and `count` are integers, `*_pct` one decimal, `volume_ratio` two, `atr_multiple`
 * one, `date` a date, strings (comparison signs) as they are, anything else a price.
 *
 * @module
 */
import { criteriaEn, reasonsEn, scoreTextsEn } from "../i18n/analysis_en.ts";
import { criteriaZhTW, reasonsZhTW, scoreTextsZhTW } from "../i18n/analysis_zh-TW.ts";
import type { Lang } from "../i18n/mod.ts";
import { fmtDate, fmtNum } from "./format.ts";

const REASONS: Record<Lang, Record<string, string>> = { en: reasonsEn, "zh-TW": reasonsZhTW };
const CRITERIA: Record<Lang, Record<string, string>> = { en: criteriaEn, "zh-TW": criteriaZhTW };
const SCORE_TEXTS: Record<Lang, Record<string, string>> = {
  en: scoreTextsEn,
  "zh-TW": scoreTextsZhTW,
};

function param(lang: Lang, key: string, v: number | string): string {
  if (key === "date") return fmtDate(lang, String(v));
  if (typeof v === "string") return v; // a comparison sign, a list
  if (key === "count" || key === "bars" || key.endsWith("_bars")) return fmtNum(lang, v, 0);
  if (key.endsWith("_pct") || key === "atr_multiple") return fmtNum(lang, v, 1);
  return fmtNum(lang, v, 2);
}

function fill(
  lang: Lang,
  template: string | undefined,
  params: Record<string, number | string>,
): string | null {
  if (template === undefined) return null;
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) {
      missing = true;
      return "";
    }
    return param(lang, k, v);
  });
  return missing ? null : text;
}

/**
 * A signal's reason in `lang`.
 *
 * @example
 * ```ts
 * import { signalReason } from "./analysis_text.ts";
 *
 * signalReason("zh-TW", {
 *   reason: "Close 101.50 moved above MA10 100.25",
 *   reason_code: "close_above_ma10",
 *   reason_params: { close: 101.5, ma10: 100.25 },
 * }); // "收盤 101.5 站上 MA10 100.25"
 * ```
 */
export function signalReason(
  lang: Lang,
  s: { reason: string; reason_code?: string; reason_params?: Record<string, number> },
): string {
  const template = s.reason_code ? REASONS[lang][s.reason_code] : undefined;
  return fill(lang, template, s.reason_params ?? {}) ?? s.reason;
}

/** A pattern's criteria in `lang` (core's English sentences for codes the UI does not know). */
export function patternCriteria(
  lang: Lang,
  p: {
    criteria: string[];
    criteria_codes?: { code: string; params: Record<string, number | string> }[];
  },
): string[] {
  const codes = p.criteria_codes ?? [];
  if (codes.length !== p.criteria.length) return p.criteria;
  return codes.map((c, i) => fill(lang, CRITERIA[lang][c.code], c.params) ?? p.criteria[i]!);
}

/** A composite-score factor's text in `lang` (core's English sentence for unknown codes). */
export function factorText(
  lang: Lang,
  r: { text: string; text_code?: string; text_params?: Record<string, number | string> },
): string {
  const template = r.text_code ? SCORE_TEXTS[lang][r.text_code] : undefined;
  return fill(lang, template, r.text_params ?? {}) ?? r.text;
}
