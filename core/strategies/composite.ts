/**
 * The composite signal score as a strategy. Pure.
 *
 * @module
 */
import { z } from "zod";
import { compositeScoreSeries } from "../signals/mod.ts";
import type { Strategy } from "./types.ts";

/** Parameters of {@link compositeStrategy}. */
export interface CompositeParams {
  /** Enter long at or above this score (short at or below its negative). */
  enter: number;
  /** Leave a long below this score (a short above its negative). */
  exit: number;
}

const schema = z.object({
  enter: z.number().min(5).max(95).default(25).describe(
    "score threshold (the score runs −100..100): long at or above enter, short at or below −enter",
  ),
  exit: z.number().min(-50).max(90).default(0).describe(
    "a long exits below this score, a short above −exit",
  ),
}).refine((p) => p.exit < p.enter, { message: "exit must be below enter", path: ["exit"] });

function step(s: number, p: CompositeParams, prev: number): number {
  if (prev > 0 && s >= p.exit) return 1;
  if (prev < 0 && s <= -p.exit) return -1;
  return s >= p.enter ? 1 : s <= -p.enter ? -1 : 0;
}

/**
 * Long while the composite score (−100..100, from trend, MACD, RSI, KD, Bollinger, volume and
 * recent signals) is at or above `enter` until it falls below `exit`; short symmetrically.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { compositeStrategy } from "./composite.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, compositeStrategy, { enter: 25, exit: 0 });
 * ```
 */
export const compositeStrategy: Strategy<CompositeParams, Float64Array> = {
  id: "composite",
  name: "Composite signal score",
  description: "Follows the composite score of the signals layer (trend, MACD, RSI, KD, " +
    "Bollinger, volume, recent signals): long at or above `enter` until below `exit`, short " +
    "at or below −enter until above −exit.",
  params: schema,
  warmup: () => 50,
  prepare: (cols, _p, cache) => cache.get("composite", () => compositeScoreSeries(cols)),
  decide: ({ i, state, params, target }) => step(state[i]!, params, target),
  targets(_cols, p, s, out) {
    let t = 0;
    for (let i = 0; i < out.length; i++) out[i] = t = step(s[i]!, p, t);
  },
  grid: { enter: [15, 20, 25, 30, 40, 50], exit: [-10, 0, 10] },
};
