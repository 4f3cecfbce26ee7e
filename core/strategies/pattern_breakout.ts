/**
 * Chart-pattern breakout strategy. Pure.
 *
 * @module
 */
import { z } from "zod";
import { detectChartPatterns } from "../patterns/detect_chart_patterns.ts";
import type { PatternMatch } from "../patterns/types.ts";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import type { Decision, Strategy } from "./types.ts";

/** Parameters of {@link patternBreakout}. */
export interface PatternParams {
  /** Least pattern confidence to trade (0..1). */
  min_confidence: number;
  /** Leave the trade after this many bars if neither target nor invalidation was reached. */
  max_bars: number;
}

/** Prepared: the confirmed patterns by breakout bar, and where each one's trade ends. */
export interface PatternState {
  /** `active[i]`: index into `patterns` of the trade live at bar i, or −1. */
  active: Int32Array;
  /** Confirmed, directional patterns above the confidence threshold, by breakout bar. */
  patterns: PatternMatch[];
}

const schema = z.object({
  min_confidence: z.number().min(0).max(1).default(0.5).describe("least pattern confidence"),
  max_bars: z.number().int().min(2).max(250).default(40).describe("bars before a time exit"),
});

/**
 * Walks the bars once: a confirmed breakout at bar j opens a trade from j that lasts while the
 * closes stay between the invalidation and the target, at most `max_bars` bars. Uses only bars
 * ≤ i to decide whether the trade is live at i (the pattern itself reads bars ≤ j).
 */
function activeTrades(cols: Cols, p: PatternParams, patterns: PatternMatch[]): Int32Array {
  const n = cols.close.length;
  const active = new Int32Array(n).fill(-1);
  const byEnd = new Map<number, number>();
  patterns.forEach((m, k) => {
    const prev = byEnd.get(m.endIndex);
    if (prev === undefined || patterns[prev]!.confidence < m.confidence) byEnd.set(m.endIndex, k);
  });
  let cur = -1, since = 0;
  for (let i = 0; i < n; i++) {
    if (cur >= 0) {
      const m = patterns[cur]!, c = cols.close[i]!, up = m.direction === "bullish";
      const stopped = up ? c <= m.invalidation : c >= m.invalidation;
      const hit = m.target !== null && (up ? c >= m.target : c <= m.target);
      if (stopped || hit || i - since >= p.max_bars) cur = -1;
    }
    const fresh = byEnd.get(i);
    if (cur < 0 && fresh !== undefined) {
      cur = fresh;
      since = i;
    }
    active[i] = cur;
  }
  return active;
}

/**
 * Enters at the next open after a confirmed chart-pattern breakout (long for bullish patterns,
 * short for bearish), with the pattern's invalidation as the stop and its measured move as
 * the take-profit; leaves when either is reached or after `max_bars` bars.
 *
 * @example
 * ```ts
 * import { runBacktest } from "../backtest/run.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { patternBreakout } from "./pattern_breakout.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const { metrics, trades } = runBacktest(series, patternBreakout, { min_confidence: 0.5, max_bars: 40 });
 * ```
 */
export const patternBreakout: Strategy<PatternParams, PatternState> = {
  id: "pattern_breakout",
  name: "Chart-pattern breakout",
  description: "Trades confirmed breakouts of chart patterns (head and shoulders, double " +
    "tops/bottoms, triangles, flags, wedges, channels, cup and handle): enters at the next " +
    "open, stop at the pattern's invalidation level, take-profit at its measured-move target, " +
    "time exit after max_bars.",
  params: schema,
  warmup: () => 30,
  prepare(cols, p, cache) {
    const all = cache.get("chart_patterns", () => detectChartPatterns(cols));
    const patterns = all.filter((m) =>
      m.confirmed && m.direction !== "neutral" && m.confidence >= p.min_confidence
    );
    return { patterns, active: activeTrades(cols, p, patterns) };
  },
  decide({ i, state }): number | Decision {
    const k = state.active[i]!;
    if (k < 0) return 0;
    const m = state.patterns[k]!;
    const d: Decision = {
      target: m.direction === "bullish" ? 1 : -1,
      stopLoss: m.invalidation,
    };
    if (m.target !== null) d.takeProfit = m.target;
    return d;
  },
  grid: { min_confidence: [0.3, 0.4, 0.5, 0.6, 0.7], max_bars: [10, 20, 40, 60, 90] },
  exitLevels: true,
};
