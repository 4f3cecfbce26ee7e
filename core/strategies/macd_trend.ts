/**
 * MACD trend following. Pure.
 *
 * @module
 */
import { z } from "zod";
import { macd, type MacdResult, macdWarmup } from "../indicators/macd.ts";
import type { Strategy } from "./types.ts";

/** Parameters of {@link macdTrend}. */
export interface MacdParams {
  /** Fast EMA period. */
  fast: number;
  /** Slow EMA period. */
  slow: number;
  /** Signal EMA period. */
  signal: number;
}

const schema = z.object({
  fast: z.number().int().min(2).max(50).default(12).describe("fast EMA period"),
  slow: z.number().int().min(3).max(100).default(26).describe("slow EMA period"),
  signal: z.number().int().min(2).max(50).default(9).describe("signal EMA period"),
}).refine((p) => p.fast < p.slow, { message: "fast must be below slow", path: ["fast"] });

function step(h: number, prev: number): number {
  return h !== h ? 0 : h > 0 ? 1 : h < 0 ? -1 : prev;
}

/**
 * Long while the MACD line is above its signal line (histogram > 0), short while below.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { macdTrend } from "./macd_trend.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, macdTrend, { fast: 12, slow: 26, signal: 9 });
 * ```
 */
export const macdTrend: Strategy<MacdParams, MacdResult> = {
  id: "macd_trend",
  name: "MACD trend",
  description: "Long while the MACD line is above its signal line, short (or flat when shorts " +
    "are off) while it is below; acts at the next open after the lines cross.",
  params: schema,
  warmup: (p) => macdWarmup(p).signal,
  prepare: (cols, p, cache) =>
    cache.get(`macd:${p.fast}:${p.slow}:${p.signal}`, () => macd(cols.close, p)),
  decide: ({ i, state, target }) => step(state.histogram[i]!, target),
  targets(_cols, _p, m, out) {
    let t = 0;
    for (let i = 0; i < out.length; i++) out[i] = t = step(m.histogram[i]!, t);
  },
  grid: { fast: [5, 8, 12, 16, 20], slow: [21, 26, 35, 50], signal: [5, 9, 12] },
};
