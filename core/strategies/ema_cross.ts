/**
 * EMA crossover strategy. Pure.
 *
 * @module
 */
import { ema } from "../indicators/ema.ts";
import { crossover } from "./_crossover.ts";

/**
 * Long while EMA(fast) > EMA(slow), short while below (flat when shorts are off). The EMA is
 * seeded with the SMA of its first `period` values, so its first value is at `period − 1`.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { emaCross } from "./ema_cross.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, emaCross, { fast: 12, slow: 26 });
 * ```
 */
export const emaCross = crossover("ema_cross", "EMA", ema, (_f, s) => s - 1);
