/**
 * Whether a walk-forward test fits a date range, so the lab turns it on by default when it does
 * (an optimiser's best in-sample row says little without an out-of-sample check).
 *
 * @module
 */

/** Core's limit on walk-forward windows (`MAX_WINDOWS` of core/optimise/plan.ts). */
const MAX_WINDOWS = 50;

/**
 * Bars a year at each interval the lab offers (daily: trading days; intraday: a New York
 * regular session of 6.5 hours, the first hour bar covering 09:30–10:00).
 */
const BARS_PER_YEAR: Record<string, number> = {
  "1m": 252 * 390,
  "5m": 252 * 78,
  "15m": 252 * 26,
  "30m": 252 * 13,
  "1h": 252 * 7,
  "1d": 252,
  "1w": 52,
  "1mo": 12,
};

/**
 * Approximate bars between two ISO dates at `interval` (`1d`: 252 a year, `1w`: 52, `1mo`: 12),
 * 0 when either date is missing.
 */
export function approxBars(
  from: string | null | undefined,
  to: string | null | undefined,
  interval = "1d",
): number {
  if (!from || !to) return 0;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  const perYear = BARS_PER_YEAR[interval] ?? 252;
  return Number.isFinite(days) && days > 0 ? Math.floor(days * perYear / 365) : 0;
}

/**
 * True when `bars` hold at least one in-sample window and one full out-of-sample window, and no
 * more windows than core accepts.
 *
 * @example
 * ```ts
 * import { walkForwardFits } from "./walk_forward_fit.ts";
 *
 * walkForwardFits(1250, 504, 126); // true (5 years: 6 windows)
 * walkForwardFits(500, 504, 126); // false (2 years: no in-sample window)
 * ```
 */
export function walkForwardFits(bars: number, inSample: number, outOfSample: number): boolean {
  if (!(inSample > 0 && outOfSample > 0) || bars < inSample + outOfSample) return false;
  return Math.ceil((bars - inSample) / outOfSample) <= MAX_WINDOWS;
}
