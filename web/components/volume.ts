/**
 * Volume in the unit its market trades in: Taiwan listings (`.TW` TWSE, `.TWO` TPEx) trade in
 * board lots of 1,000 shares (張), so their volume is shown in lots; other markets in shares.
 *
 * @module
 */
import type { Lang, T } from "../i18n/mod.ts";
import { fmtCompact } from "./format.ts";

/** Shares in one Taiwan board lot (張). */
export const TW_LOT_SHARES = 1000;

/** True when `symbol` trades in 1,000-share lots (a Taiwan listing). */
export function tradesInLots(symbol: string): boolean {
  return /\.TWO?$/i.test(symbol);
}

/**
 * A volume for display: `39.29萬 張` / `39.29K lots` for a Taiwan symbol (shares ÷ 1,000),
 * the compact share count otherwise.
 *
 * @example
 * ```ts
 * import "../i18n/dictionaries.ts";
 * import { translator } from "../i18n/mod.ts";
 * import { fmtVolume } from "./volume.ts";
 *
 * fmtVolume("zh-TW", translator("zh-TW"), 38_341_265, "2330.TW"); // "3.83萬 張"
 * fmtVolume("en", translator("en"), 38_341_265, "AAPL"); // "38.34M"
 * ```
 */
export function fmtVolume(lang: Lang, t: T, shares: number | null, symbol: string): string {
  if (!tradesInLots(symbol) || shares === null || !Number.isFinite(shares)) {
    return fmtCompact(lang, shares);
  }
  return t("volume.lots", { n: fmtCompact(lang, shares / TW_LOT_SHARES) });
}
