/**
 * What happened after a confirmed pattern: did price reach the measured-move target before a
 * close beyond the invalidation level? Used to measure hit rates; reads the bars after the
 * match on purpose (it is an evaluation, not a detector).
 *
 * @module
 */
import type { OhlcvColumns, PatternMatch } from "./types.ts";

/** Result of {@link patternOutcome}. */
export interface PatternOutcome {
  /** `hit`: target touched first; `stopped`: a close beyond the invalidation level first (or in
   * the same bar); `expired`: neither within the horizon; `open`: the data ends first. */
  outcome: "hit" | "stopped" | "expired" | "open";
  /** Bars after the entry until the outcome (the horizon when expired). */
  bars: number;
  /** Entry price: the close of the match's end bar. */
  entry: number;
  /** |target − entry| / |entry − invalidation| (null when the entry is at the invalidation). */
  rewardRisk: number | null;
}

/**
 * Follows a confirmed match with a target from the close of its `endIndex` for up to `horizon`
 * bars: a bullish match hits when a high reaches the target and is stopped when a close falls
 * below `invalidation` (bearish: the mirror). When both happen in one bar it counts as stopped.
 * A target already passed at the entry counts as a hit after 0 bars. Returns null for
 * unconfirmed, neutral or target-less matches.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { detectChartPatterns } from "./detect_chart_patterns.ts";
 * import { patternOutcome } from "./outcome.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const [match] = detectChartPatterns(series, { kinds: ["rising_wedge"] });
 * const o = match && patternOutcome(series, match, { horizon: 60 });
 * // { outcome: "stopped", bars: 4, entry: 76.199997, rewardRisk: 7.54… }
 * ```
 */
export function patternOutcome(
  cols: OhlcvColumns,
  m: PatternMatch,
  { horizon = 60 }: { horizon?: number } = {},
): PatternOutcome | null {
  if (!m.confirmed || m.target === null || m.direction === "neutral") return null;
  const s = m.direction === "bullish" ? 1 : -1;
  const entry = cols.close[m.endIndex]!;
  const risk = s * (entry - m.invalidation);
  const rewardRisk = risk > 0 ? Math.abs(m.target - entry) / risk : null;
  if (s * (entry - m.target) >= 0) return { outcome: "hit", bars: 0, entry, rewardRisk };
  const n = cols.close.length;
  for (let k = 1; k <= horizon; k++) {
    const j = m.endIndex + k;
    if (j >= n) return { outcome: "open", bars: k - 1, entry, rewardRisk };
    const reach = s === 1 ? cols.high[j]! >= m.target : cols.low[j]! <= m.target;
    const stop = s * (cols.close[j]! - m.invalidation) < 0;
    if (stop) return { outcome: "stopped", bars: k, entry, rewardRisk };
    if (reach) return { outcome: "hit", bars: k, entry, rewardRisk };
  }
  return { outcome: "expired", bars: horizon, entry, rewardRisk };
}
