/**
 * Benchmark input private to bench/: `symbols` windows of `bars` consecutive real SPX daily bars
 * (the bundled data, each window starting 7 bars after the previous one, wrapping), standing
 * for a universe of that many symbols without inventing prices.
 *
 * @module
 */
import type { Cols } from "../core/backtest/types.ts";
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import { seriesFromBars } from "../core/market_data/series.ts";

/** `S0 … S<symbols−1>` → their window of real SPX bars. */
export async function tiledSpxUniverse(symbols: number, bars: number): Promise<Map<string, Cols>> {
  const text = await Deno.readTextFile(
    new URL("../core/data/market/extra/SPX.csv", import.meta.url),
  );
  const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);
  const span = spx.close.length - bars;
  const universe = new Map<string, Cols>();
  for (let k = 0; k < symbols; k++) {
    const from = (k * 7) % span, to = from + bars;
    universe.set(`S${k}`, {
      dates: spx.dates.slice(from, to),
      open: spx.open.slice(from, to),
      high: spx.high.slice(from, to),
      low: spx.low.slice(from, to),
      close: spx.close.slice(from, to),
      volume: spx.volume.slice(from, to),
    });
  }
  return universe;
}
