/**
 * Test fixtures of intraday charts: real hourly bars from the bundled LEAN sample data
 * (core/data/market/intraday/hour), labelled as core serves them. Private to chart tests.
 *
 * @module
 */
import type { Candle } from "@trading/shared/schemas";

const HOURS = new URL("../../core/data/market/intraday/hour/", import.meta.url);

/**
 * The last `sessions` sessions of the bundled hourly bars of `symbol` (SPY, AAPL, IBM, BAC), as
 * core serves them: the file labels the first bar `09:00` (it covers 09:30–10:00), core labels
 * it at the 09:30 open (core/intraday/intraday_csv.ts); prices and volumes are the file's.
 */
export function realHourlyCandles(symbol: string, sessions: number): Candle[] {
  const file = new URL(`${symbol}_1h.csv`, HOURS);
  const lines = Deno.readTextFileSync(file).trim().split("\n").slice(1);
  const days: string[] = [];
  let a = lines.length;
  while (a > 0) {
    const day = lines[a - 1]!.slice(0, 10);
    if (days.at(-1) !== day) {
      if (days.length === sessions) break;
      days.push(day);
    }
    a--;
  }
  return lines.slice(a).map((l) => {
    const [time, open, high, low, close, volume] = l.split(",");
    return {
      date: time!.replace("T09:00:", "T09:30:"),
      open: +open!,
      high: +high!,
      low: +low!,
      close: +close!,
      volume: +volume!,
    };
  });
}
