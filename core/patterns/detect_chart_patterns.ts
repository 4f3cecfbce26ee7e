/**
 * All chart-pattern detectors over several zig-zag scales, merged per kind.
 *
 * @module
 */
import { atr as atrOf } from "../indicators/atr.ts";
import { type DetectContext, resolveSetup, type Setup } from "./_setup.ts";
import { cupHandleSetups } from "./cup_handle.ts";
import { doubleSetups } from "./double.ts";
import { flagSetups } from "./flags.ts";
import { headShouldersSetups } from "./head_shoulders.ts";
import { mergeOverlapping } from "./merge.ts";
import { trendlineSetups } from "./trendline_patterns.ts";
import type { ChartPatternKind, OhlcvColumns, PatternMatch } from "./types.ts";
import { type ConfirmedPivot, zigzagConfirmed } from "./zigzag.ts";

/** Options of {@link detectChartPatterns}. */
export interface ChartPatternOptions {
  /** Zig-zag scales (ATR multiples) scanned for every kind (default [1.5, 2.5, 4]). */
  atrMultiples?: readonly number[];
  /** Extra finer scales scanned for flags and pennants only (default [1]). */
  flagAtrMultiples?: readonly number[];
  /** ATR period (default 14). */
  atrPeriod?: number;
  /** Bars averaged for breakout volume ratios (default 20). */
  volumePeriod?: number;
  /** Longest wait for a breakout after the last pivot, in bars (default 60). */
  maxWait?: number;
  /** Only these kinds (default all). */
  kinds?: readonly ChartPatternKind[];
  /** Drop matches below this confidence before merging (default 0). */
  minConfidence?: number;
}

const FLAG_KINDS: readonly ChartPatternKind[] = ["bull_flag", "bear_flag", "pennant"];

function setupsAt(
  ctx: DetectContext,
  pivots: readonly ConfirmedPivot[],
  want: (k: ChartPatternKind) => boolean,
): Setup[] {
  const out: Setup[] = [];
  if (want("double_top")) out.push(...doubleSetups(ctx, pivots, "top"));
  if (want("double_bottom")) out.push(...doubleSetups(ctx, pivots, "bottom"));
  if (want("head_and_shoulders")) out.push(...headShouldersSetups(ctx, pivots, "top"));
  if (want("inverse_head_and_shoulders")) out.push(...headShouldersSetups(ctx, pivots, "bottom"));
  if (want("cup_and_handle")) out.push(...cupHandleSetups(ctx, pivots));
  out.push(...trendlineSetups(ctx, pivots).filter((s) => want(s.kind)));
  out.push(...flagSetups(ctx, pivots).filter((s) => want(s.kind)));
  return out;
}

/**
 * Finds head and shoulders (and inverse), double tops and bottoms, ascending, descending and
 * symmetric triangles, bull and bear flags, pennants, rising and falling wedges, up and down
 * channels, and cups with handles. Each match reads no bar after its `endIndex` (the breakout
 * bar, or the last bar while pending); setups invalidated before a breakout or expired
 * without one are dropped. Overlapping matches of one kind are merged (see
 * {@link mergeOverlapping}). Criteria and weights are documented in each detector's module.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { detectChartPatterns } from "./detect_chart_patterns.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const matches = detectChartPatterns(series, { kinds: ["double_top"], minConfidence: 0.5 });
 * for (const m of matches) console.log(m.kind, m.startDate, m.endDate, m.target);
 * // double_top 2013-12-05 2014-01-09 72.01…, …
 * ```
 */
export function detectChartPatterns(
  cols: OhlcvColumns,
  {
    atrMultiples = [1.5, 2.5, 4],
    flagAtrMultiples = [1],
    atrPeriod = 14,
    volumePeriod = 20,
    maxWait = 60,
    kinds,
    minConfidence = 0,
  }: ChartPatternOptions = {},
): PatternMatch[] {
  const atr = atrOf(cols.high, cols.low, cols.close, atrPeriod);
  const ctx: DetectContext = { cols, atr, volumePeriod, maxWait };
  const wanted = kinds ? new Set(kinds) : null;
  const want = (k: ChartPatternKind) => !wanted || wanted.has(k);
  const setups: Setup[] = [];
  for (const m of atrMultiples) {
    setups.push(...setupsAt(ctx, zigzagConfirmed(cols, { atrMultiple: m, atrPeriod }, atr), want));
  }
  if (FLAG_KINDS.some(want)) {
    for (const m of flagAtrMultiples) {
      const pivots = zigzagConfirmed(cols, { atrMultiple: m, atrPeriod }, atr);
      setups.push(...flagSetups(ctx, pivots).filter((s) => want(s.kind)));
    }
  }
  const matches: PatternMatch[] = [];
  for (const s of setups) {
    const m = resolveSetup(ctx, s);
    if (m && m.confidence >= minConfidence) matches.push(m);
  }
  return mergeOverlapping(matches);
}
