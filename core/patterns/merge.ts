/**
 * Merging of overlapping matches of one kind, in a causal order so that the kept match never
 * depends on bars after its own end.
 *
 * @module
 */
import type { PatternMatch } from "./types.ts";

/** Last pivot index: the end of the formation itself (before any breakout wait). */
function formationEnd(m: PatternMatch): number {
  return m.pivots[m.pivots.length - 1]?.index ?? m.endIndex;
}

/**
 * True when `b` (known no earlier than `a`) is another reading of `a`'s formation: `b`'s
 * formation was complete by `a`'s end and the two share at least half of the shorter one's
 * bars.
 */
export function overlaps(a: PatternMatch, b: PatternMatch): boolean {
  if (formationEnd(b) > a.endIndex) return false;
  const lo = Math.max(a.startIndex, b.startIndex);
  const hi = Math.min(formationEnd(a), formationEnd(b));
  const shorter = Math.min(
    formationEnd(a) - a.startIndex,
    formationEnd(b) - b.startIndex,
  );
  return hi - lo >= 0.5 * Math.max(1, shorter);
}

function key(m: PatternMatch): string {
  return m.pivots.map((p) => p.index).join(",");
}

/**
 * Keeps one match per group of overlapping matches of the same kind. Matches are taken in the
 * order they became known (end index, then confirmed before pending, then higher confidence,
 * then earlier start); a match that {@link overlaps} one already kept is merged into it
 * (dropped). A formation still growing after a kept match's end is a new pattern, not a
 * duplicate. The result is sorted by start index.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { detectChartPatterns } from "./detect_chart_patterns.ts";
 * import { mergeOverlapping } from "./merge.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * // candidates found at two zig-zag scales often describe the same formation
 * const fine = detectChartPatterns(series, { atrMultiples: [1.5] });
 * const coarse = detectChartPatterns(series, { atrMultiples: [4] });
 * const kept = mergeOverlapping([...fine, ...coarse]);
 * ```
 */
export function mergeOverlapping(matches: readonly PatternMatch[]): PatternMatch[] {
  const order = [...matches].sort((a, b) =>
    a.endIndex - b.endIndex ||
    Number(b.confirmed) - Number(a.confirmed) ||
    b.confidence - a.confidence ||
    a.startIndex - b.startIndex ||
    (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
  );
  const kept: PatternMatch[] = [];
  const byKind = new Map<string, PatternMatch[]>();
  for (const m of order) {
    const same = byKind.get(m.kind) ?? [];
    if (same.some((k) => overlaps(k, m))) continue;
    same.push(m);
    byKind.set(m.kind, same);
    kept.push(m);
  }
  return kept.sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex);
}
