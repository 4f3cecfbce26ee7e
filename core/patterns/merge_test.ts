import assert from "node:assert/strict";
import { barsThrough } from "./_test_bars.ts";
import { detectChartPatterns } from "./detect_chart_patterns.ts";
import { mergeOverlapping } from "./merge.ts";
import type { PatternMatch, Pivot } from "./types.ts";

const pv = (index: number): Pivot => ({
  index,
  date: "",
  price: 1,
  type: index % 2 ? "high" : "low",
});
function m(
  start: number,
  last: number,
  end: number,
  confidence: number,
  confirmed = true,
): PatternMatch {
  return {
    kind: "rising_wedge",
    startIndex: start,
    endIndex: end,
    startDate: "",
    endDate: "",
    pivots: [pv(start), pv(last)],
    direction: "bearish",
    breakoutLevel: 1,
    target: 0,
    invalidation: 2,
    confirmed,
    confidence,
    criteria: [],
  };
}

Deno.test("mergeOverlapping() keeps the first-known reading of a formation, the best of simultaneous ones", () => {
  const early = m(10, 50, 55, 0.5);
  const sameTimeBetter = m(12, 50, 55, 0.8);
  const laterReading = m(10, 52, 60, 0.9); // formation complete by 55: same pattern
  const grownAfter = m(20, 70, 75, 0.6); // still forming after 55: a new pattern
  const otherKind = { ...m(10, 50, 55, 0.4), kind: "channel_up" as const };
  const kept = mergeOverlapping([early, laterReading, grownAfter, sameTimeBetter, otherKind]);
  assert.deepEqual(kept, [otherKind, sameTimeBetter, grownAfter]);
});

Deno.test("mergeOverlapping() - a confirmed match wins over a pending one ending on the same bar", () => {
  const pending = m(10, 50, 55, 0.9, false);
  const confirmed = m(10, 50, 55, 0.3, true);
  assert.deepEqual(mergeOverlapping([pending, confirmed]), [confirmed]);
});

Deno.test("detectChartPatterns() - one drawing seen at several zig-zag scales is one match", () => {
  const cols = barsThrough([[0, 80], [20, 100], [35, 90], [50, 100], [65, 80]]);
  const tops = detectChartPatterns(cols, { kinds: ["double_top"] });
  assert.equal(tops.length, 1);
  assert.deepEqual(tops[0]!.pivots.map((p) => p.index), [20, 35, 50]);
});
