/**
 * The one definition of a ticker, shared by core, chart and web (no zod here: browser islands
 * import it). A ticker starts with a letter or digit, continues with letters, digits and inner
 * hyphens (`BRK-B` as Yahoo spells it), and has at most one dot, followed by a known suffix:
 * a market (`.TW` TWSE, `.TWO` TPEx) or a share class letter (`BRK.B`). So `.`, `..`, `A..`,
 * `A.` or `A.B.C` are not tickers and can never become a URL dot-segment upstream.
 *
 * @module
 */

/** Suffixes a ticker may carry after its one dot: markets, then a share class letter. */
export const SYMBOL_SUFFIXES = ["TW", "TWO"] as const;

/** Longest ticker accepted. */
export const MAX_SYMBOL_LENGTH = 16;

/** The ticker grammar (upper case; callers upper-case first). */
export const SYMBOL_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?(?:\.(?:TWO|TW|[A-Z]))?$/;

/**
 * True when `s` (already upper-cased) is a ticker.
 *
 * @example
 * ```ts
 * isSymbol("2330.TW"); // true
 * isSymbol("A.."); // false
 * ```
 */
export function isSymbol(s: string): boolean {
  return s.length <= MAX_SYMBOL_LENGTH && SYMBOL_PATTERN.test(s);
}
