/**
 * The real 1-minute bars of `tests/fixtures/intraday/minute/` (LEAN sample data, see the
 * SOURCES.md there), parsed for the tests and the bench: pre- and post-market kept.
 *
 * @module
 */
import { parseIntradayCsv } from "../../core/intraday/intraday_csv.ts";
import { sessionOf } from "../../core/intraday/session.ts";
import type { IntradayBar } from "../../core/intraday/types.ts";

/** Symbols of the bundled minute files. */
export const MINUTE_SYMBOLS = ["SPY", "AAPL", "IBM", "BAC", "AIG", "GOOG"] as const;

const DIR = new URL("../fixtures/intraday/minute/", import.meta.url);

/** Every minute bar of `symbol` (extended hours included), starts ascending. */
export async function realMinuteBars(symbol: string): Promise<IntradayBar[]> {
  const text = await Deno.readTextFile(new URL(`${symbol}_1m.csv`, DIR));
  const { bars, rejected, outside } = parseIntradayCsv(text, {
    minutes: 1,
    session: sessionOf("America/New_York"),
    extended: true,
  });
  if (rejected.length || outside.length) {
    throw new Error(`${symbol}_1m.csv: ${rejected.length} invalid, ${outside.length} outside`);
  }
  return bars;
}
