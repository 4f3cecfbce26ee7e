/**
 * The bars an analysis as of a date reads. Pure.
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import { firstBars, lowerBound, type Series } from "../market_data/series.ts";

/**
 * The bars of `s` up to `asOf` (inclusive); 422 when there are fewer than 2.
 *
 * @example
 * ```ts
 * const cols = barsAsOf(series, "2024-06-28"); // later bars are not seen by the analyst
 * ```
 */
export function barsAsOf(s: Series, asOf?: string): Series {
  const n = asOf ? lowerBound(s.dates, asOf + "\uffff") : s.dates.length;
  if (n < 2) {
    throw new ValidationError(`Invalid body: ${s.symbol} has fewer than 2 bars up to ${asOf}`, [
      { field: "as_of", message: `needs at least 2 bars on or before it (first: ${s.dates[0]})` },
    ]);
  }
  return n === s.dates.length ? s : firstBars(s, n);
}
