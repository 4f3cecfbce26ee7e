import assert from "node:assert/strict";
import { barsThrough } from "./_test_bars.ts";
import { patternOutcome } from "./outcome.ts";
import type { PatternMatch } from "./types.ts";

/** A bullish match ending at bar 10 with target 120 and invalidation 95 (entry: close 100). */
function match(over: Partial<PatternMatch> = {}): PatternMatch {
  return {
    kind: "double_bottom",
    startIndex: 0,
    endIndex: 10,
    startDate: "",
    endDate: "",
    pivots: [],
    direction: "bullish",
    breakoutLevel: 99,
    target: 120,
    invalidation: 95,
    confirmed: true,
    confidence: 0.7,
    criteria: [],
    ...over,
  };
}

Deno.test("patternOutcome() - target reached before the stop is a hit, with the bars it took", () => {
  const cols = barsThrough([[0, 90], [10, 100], [30, 125]]);
  // closes rise 1.25 a bar from bar 10; the high of bar 26 (close 120) passes 120 first
  const o = patternOutcome(cols, match());
  assert.equal(o?.outcome, "hit");
  assert.equal(o?.bars, 16);
  assert.equal(o?.entry, 100);
  assert.equal(o?.rewardRisk, 20 / 5);
});

Deno.test("patternOutcome() - a close beyond the invalidation first is stopped; bearish mirrors", () => {
  const down = barsThrough([[0, 90], [10, 100], [20, 90], [40, 130]]);
  assert.equal(patternOutcome(down, match())?.outcome, "stopped");
  const bear = match({ direction: "bearish", target: 80, invalidation: 105 });
  assert.equal(patternOutcome(down, bear)?.outcome, "stopped"); // 130 comes before 80
  const fall = barsThrough([[0, 110], [10, 100], [30, 70]]);
  assert.equal(patternOutcome(fall, bear)?.outcome, "hit");
});

Deno.test("patternOutcome() - expired within the horizon, open when the data ends, null when not applicable", () => {
  const flat = barsThrough([[0, 90], [10, 100], [100, 101]]);
  assert.deepEqual(patternOutcome(flat, match(), { horizon: 60 })?.outcome, "expired");
  const short = barsThrough([[0, 90], [10, 100], [30, 101]]);
  assert.deepEqual(patternOutcome(short, match())?.outcome, "open");
  assert.equal(patternOutcome(flat, match({ confirmed: false })), null);
  assert.equal(patternOutcome(flat, match({ target: null })), null);
});
