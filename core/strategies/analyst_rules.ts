/**
 * The original product's analyst rules as a strategy, computed from the indicators and the
 * candlestick detector. Long only. Pure.
 *
 * @module
 */
import { z } from "zod";
import { rsi } from "../indicators/rsi.ts";
import { sma } from "../indicators/sma.ts";
import { stochastic } from "../indicators/stochastic.ts";
import { detectCandlestickPatterns } from "../patterns/candlesticks.ts";
import type { Strategy } from "./types.ts";

/** Parameters of {@link analystRules}. */
export interface AnalystParams {
  /** Entry average: buy when the close moves above it (MA10). */
  entry_ma: number;
  /** Exit average: sell when the close falls below it (MA5). */
  exit_ma: number;
  /** RSI overbought level confirmed by a bearish KD cross (80). */
  rsi_high: number;
  /** RSI oversold level confirmed by a bullish KD cross (20). */
  rsi_low: number;
  /** Bars of the high that 三陽開泰 must break (20). */
  breakout_bars: number;
}

/** Prepared arrays. */
export interface AnalystState {
  entryMa: Float64Array;
  exitMa: Float64Array;
  rsi: Float64Array;
  k: Float64Array;
  d: Float64Array;
  /** 1 where three white soldiers close above the prior `breakout_bars` high. */
  soldiers: Uint8Array;
}

const schema = z.object({
  entry_ma: z.number().int().min(2).max(100).default(10).describe(
    "buy when close crosses above MA(entry_ma)",
  ),
  exit_ma: z.number().int().min(2).max(100).default(5).describe(
    "sell when close falls below MA(exit_ma)",
  ),
  rsi_high: z.number().min(55).max(95).default(80).describe(
    "RSI(14) overbought level (with KD cross down)",
  ),
  rsi_low: z.number().min(5).max(45).default(20).describe(
    "RSI(14) oversold level (with KD cross up)",
  ),
  breakout_bars: z.number().int().min(5).max(120).default(20).describe(
    "三陽開泰 must close above this many bars' high",
  ),
});

function soldierBreakouts(cols: Parameters<Strategy["prepare"]>[0], bars: number): Uint8Array {
  const out = new Uint8Array(cols.close.length);
  for (const m of detectCandlestickPatterns(cols, { kinds: ["three_white_soldiers"] })) {
    const i = m.index;
    if (i < bars) continue;
    let hi = -Infinity;
    for (let j = i - bars; j < i; j++) if (cols.high[j]! > hi) hi = cols.high[j]!;
    if (cols.close[i]! > hi) out[i] = 1;
  }
  return out;
}

/**
 * Buy when the close crosses above MA10, on RSI ≤ 20 with %K crossing above %D, or on 三陽開泰
 * (three white soldiers closing above the 20-bar high); sell when the close falls below MA5
 * or on RSI ≥ 80 with %K crossing below %D.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { analystRules } from "./analyst_rules.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, analystRules, analystRules.params.parse({}));
 * ```
 */
export const analystRules: Strategy<AnalystParams, AnalystState> = {
  id: "analyst_rules",
  name: "Analyst rules (MA5/MA10, RSI+KD, 三陽開泰)",
  description: "Buys when the close moves above MA10, when RSI ≤ 20 is confirmed by %K crossing " +
    "above %D, or on 三陽開泰 (three white soldiers breaking the 20-bar high); sells when the " +
    "close falls below MA5 or RSI ≥ 80 is confirmed by %K crossing below %D. Long only.",
  params: schema,
  warmup: (p) => Math.max(p.entry_ma, p.exit_ma, 17, p.breakout_bars),
  prepare: (cols, p, cache) => {
    const kd = cache.get("kd:14:3:3", () => stochastic(cols.high, cols.low, cols.close));
    return {
      entryMa: cache.get(`sma:${p.entry_ma}`, () => sma(cols.close, p.entry_ma)),
      exitMa: cache.get(`sma:${p.exit_ma}`, () => sma(cols.close, p.exit_ma)),
      rsi: cache.get("rsi:14", () => rsi(cols.close, 14)),
      k: kd.k,
      d: kd.d,
      soldiers: cache.get(
        `soldiers:${p.breakout_bars}`,
        () => soldierBreakouts(cols, p.breakout_bars),
      ),
    };
  },
  decide({ i, cols, state: s, params: p, target }) {
    if (i < 1) return 0;
    const c = cols.close[i]!, r = s.rsi[i]!;
    const kUp = s.k[i]! > s.d[i]! && s.k[i - 1]! <= s.d[i - 1]!;
    const kDown = s.k[i]! < s.d[i]! && s.k[i - 1]! >= s.d[i - 1]!;
    if (target > 0) return c < s.exitMa[i]! || (r >= p.rsi_high && kDown) ? 0 : 1;
    const maUp = c > s.entryMa[i]! && cols.close[i - 1]! <= s.entryMa[i - 1]!;
    return maUp || (r <= p.rsi_low && kUp) || s.soldiers[i] === 1 ? 1 : 0;
  },
  grid: {
    entry_ma: [5, 10, 15, 20, 30],
    exit_ma: [3, 5, 8, 10],
    rsi_high: [75, 80, 85],
    rsi_low: [15, 20, 25],
  },
};
