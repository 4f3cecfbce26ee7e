/**
 * SMA crossover strategy. Pure.
 *
 * @module
 */
import { sma } from "../indicators/sma.ts";
import { crossover } from "./_crossover.ts";

/**
 * Long while SMA(fast) > SMA(slow), short while below (flat when shorts are off).
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { smaCross } from "./sma_cross.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, smaCross, { fast: 10, slow: 50 });
 * ```
 */
export const smaCross = crossover("sma_cross", "SMA", sma, (_f, s) => s - 1);
