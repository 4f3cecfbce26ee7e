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
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { barsAsOf } from "./bars_as_of.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const cols = barsAsOf(series, "2017-06-30"); // later bars are not seen by the analyst
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
