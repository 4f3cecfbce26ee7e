/**
 * Test helper (private to core/ai tests): a bundled real series as columns.
 *
 * @module
 */
import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { type Series, seriesFromBars } from "../market_data/series.ts";

/** The bundled real series core/data/market/SYMBOL.csv, optionally cut after `n` bars. */
export function realSeries(symbol: string, n?: number): Series {
  const text = Deno.readTextFileSync(bundledCsvUrl(symbol));
  const { bars, rejected } = parseOhlcvCsv(text);
  if (rejected.length) throw new Error(`${symbol}.csv has invalid rows`);
  return seriesFromBars(symbol, n === undefined ? bars : bars.slice(0, n));
}
