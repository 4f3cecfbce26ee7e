/**
 * Runs the pattern detectors over the recent bars and builds the facts pack. Pure.
 *
 * @module
 */
import {
  detectCandlestickPatterns,
  detectChartPatterns,
  type PatternMatch,
  supportResistance,
} from "../patterns/mod.ts";
import type { OhlcvColumns } from "../signals/mod.ts";
import { analystBacktestFacts } from "./analyst_backtest.ts";
import { type BacktestFacts, buildFactsPack, type FactsPack } from "./facts.ts";

/** Patterns and levels are searched in this many most recent bars (2 years of days). */
export const PATTERN_WINDOW = 500;

function tail(c: OhlcvColumns, from: number): OhlcvColumns {
  return {
    dates: c.dates.slice(from),
    open: c.open.subarray(from),
    high: c.high.subarray(from),
    low: c.low.subarray(from),
    close: c.close.subarray(from),
    volume: c.volume.subarray(from),
  };
}

function shift(p: PatternMatch, by: number): PatternMatch {
  return {
    ...p,
    startIndex: p.startIndex + by,
    endIndex: p.endIndex + by,
    pivots: p.pivots.map((v) => ({ ...v, index: v.index + by })),
  };
}

/**
 * The facts pack of `cols` at its last bar, with chart patterns, candlesticks and levels
 * detected over the last {@link PATTERN_WINDOW} bars, and the analyst-rules backtest stats
 * (computed unless `backtest` is given; `null` leaves them out).
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { factsFromBars } from "./facts_from_bars.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const pack = factsFromBars("AAPL", series);
 * ```
 */
export function factsFromBars(
  symbol: string,
  cols: OhlcvColumns,
  { backtest }: { backtest?: BacktestFacts | null } = {},
): FactsPack {
  const n = cols.close.length;
  const from = Math.max(0, n - PATTERN_WINDOW);
  const recent = from === 0 ? cols : tail(cols, from);
  const chartPatterns = detectChartPatterns(recent).map((p) => shift(p, from));
  const candlePatterns = detectCandlestickPatterns(cols, { fromIndex: Math.max(0, n - 10) });
  const levels = supportResistance(recent);
  return buildFactsPack({
    symbol,
    cols,
    chartPatterns,
    candlePatterns,
    levels,
    backtest: backtest === undefined ? analystBacktestFacts(cols) : backtest,
  });
}
