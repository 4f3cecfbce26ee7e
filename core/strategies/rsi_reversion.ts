/**
 * RSI mean reversion. Pure.
 *
 * @module
 */
import { z } from "zod";
import { rsi, rsiWarmup } from "../indicators/rsi.ts";
import type { Strategy } from "./types.ts";

/** Parameters of {@link rsiReversion}. */
export interface RsiParams {
  /** RSI period. */
  period: number;
  /** Oversold level: go long below it. */
  lower: number;
  /** Overbought level: go short above it (flat when shorts are off). */
  upper: number;
  /** Exit level: a long exits above it, a short below it. */
  exit: number;
}

const schema = z.object({
  period: z.number().int().min(2).max(50).default(14).describe("RSI period (Wilder)"),
  lower: z.number().min(5).max(50).default(30).describe("oversold: enter long below"),
  upper: z.number().min(50).max(95).default(70).describe("overbought: enter short above"),
  exit: z.number().min(20).max(80).default(50).describe("exit level between the two"),
}).refine((p) => p.lower < p.exit && p.exit < p.upper, {
  message: "levels must satisfy lower < exit < upper",
  path: ["exit"],
});

/** One step of the rule: the new target from RSI `r` and the previous target. */
function step(r: number, p: RsiParams, prev: number): number {
  if (r !== r) return 0;
  if (prev > 0) return r > p.exit ? (r > p.upper ? -1 : 0) : 1;
  if (prev < 0) return r < p.exit ? (r < p.lower ? 1 : 0) : -1;
  return r < p.lower ? 1 : r > p.upper ? -1 : 0;
}

/**
 * Long when RSI falls below `lower`, held until RSI rises above `exit`; short when RSI rises
 * above `upper`, held until it falls below `exit`.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { rsiReversion } from "./rsi_reversion.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, rsiReversion, { period: 14, lower: 30, upper: 70, exit: 50 });
 * ```
 */
export const rsiReversion: Strategy<RsiParams, Float64Array> = {
  id: "rsi_reversion",
  name: "RSI mean reversion",
  description: "Buys an oversold market (RSI below `lower`) and sells it when RSI recovers " +
    "above `exit`; shorts an overbought one (RSI above `upper`) until RSI falls below `exit`.",
  params: schema,
  warmup: (p) => rsiWarmup(p.period),
  prepare: (cols, p, cache) => cache.get(`rsi:${p.period}`, () => rsi(cols.close, p.period)),
  decide: ({ i, state, params, target }) => step(state[i]!, params, target),
  targets(_cols, p, r, out) {
    let t = 0;
    for (let i = 0; i < out.length; i++) out[i] = t = step(r[i]!, p, t);
  },
  grid: {
    period: [2, 5, 7, 10, 14, 21],
    lower: [10, 20, 25, 30, 35],
    upper: [65, 70, 75, 80, 90],
    exit: [50],
  },
};
