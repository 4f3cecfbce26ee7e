/**
 * Which colour means "up": green (US convention) or red (Taiwan convention, 紅漲綠跌). The
 * user's choice is kept in the `updown` cookie (set by `/prefs/updown/red|green`); without one,
 * red is the default in Traditional Chinese and on the page of a Taiwan symbol.
 *
 * @module
 */
import type { Lang } from "../i18n/mod.ts";

/** The colour of a rise. */
export type UpColour = "red" | "green";

/** True when `v` is an up-colour choice. */
export function isUpColour(v: unknown): v is UpColour {
  return v === "red" || v === "green";
}

/**
 * The up colour of one page: the cookie when set, else red for zh-TW or a `.TW`/`.TWO` symbol
 * page, else green.
 *
 * @example
 * ```ts
 * import { upColourOf } from "./up_down.ts";
 *
 * upColourOf(undefined, "en", "/symbol/2330.TW"); // "red"
 * upColourOf("green", "zh-TW", "/"); // "green"
 * ```
 */
export function upColourOf(cookie: string | undefined, lang: Lang, path: string): UpColour {
  if (isUpColour(cookie)) return cookie;
  if (lang === "zh-TW") return "red";
  const p = path.split("?")[0] ?? "";
  return /^\/symbol\/[^/]+\.TWO?$/i.test(decodeURIComponent(p)) ? "red" : "green";
}
