/**
 * Bollinger Bands breakout or reversion. Pure.
 *
 * @module
 */
import { z } from "zod";
import { bollinger, type BollingerResult, bollingerWarmup } from "../indicators/bollinger.ts";
import type { Strategy } from "./types.ts";

/** Parameters of {@link bollingerBands}. */
export interface BollingerParams {
  /** Window. */
  period: number;
  /** Band width in standard deviations. */
  k: number;
  /** `breakout` follows closes outside the bands; `reversion` fades them. */
  mode: "breakout" | "reversion";
}

const schema = z.object({
  period: z.number().int().min(5).max(100).default(20).describe("moving-average window"),
  k: z.number().min(0.5).max(4).default(2).describe("band width in standard deviations"),
  mode: z.enum(["breakout", "reversion"]).default("reversion").describe(
    "breakout: follow a close outside a band; reversion: fade it",
  ),
});

function step(c: number, b: BollingerResult, i: number, rev: boolean, prev: number): number {
  const up = b.upper[i]!, mid = b.middle[i]!, lo = b.lower[i]!;
  if (up !== up) return 0;
  if (rev) {
    if (prev > 0 && c < mid) return 1;
    if (prev < 0 && c > mid) return -1;
    return c < lo ? 1 : c > up ? -1 : 0;
  }
  if (prev > 0 && c >= mid) return 1;
  if (prev < 0 && c <= mid) return -1;
  return c > up ? 1 : c < lo ? -1 : 0;
}

/**
 * Reversion: long when the close is below the lower band until it is back at the middle band;
 * short above the upper band until back at the middle. Breakout: long on a close above the
 * upper band until the close falls below the middle; short below the lower band until the
 * close rises above the middle.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { bollingerBands } from "./bollinger_bands.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, bollingerBands, { period: 20, k: 2, mode: "reversion" });
 * ```
 */
export const bollingerBands: Strategy<BollingerParams, BollingerResult> = {
  id: "bollinger",
  name: "Bollinger Bands",
  description: "Breakout mode follows a close outside a band until the close crosses back " +
    "over the middle band; reversion mode fades it until the close returns to the middle band.",
  params: schema,
  warmup: (p) => bollingerWarmup(p),
  prepare: (cols, p, cache) => cache.get(`bb:${p.period}:${p.k}`, () => bollinger(cols.close, p)),
  decide: ({ i, cols, state, params, target }) =>
    step(cols.close[i]!, state, i, params.mode === "reversion", target),
  targets(cols, p, b, out) {
    const rev = p.mode === "reversion";
    let t = 0;
    for (let i = 0; i < out.length; i++) out[i] = t = step(cols.close[i]!, b, i, rev, t);
  },
  grid: { period: [10, 15, 20, 30, 40, 50], k: [1.5, 2, 2.5, 3] },
};
