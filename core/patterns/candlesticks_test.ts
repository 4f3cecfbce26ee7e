import assert from "node:assert/strict";
import { barsOf } from "./_test_bars.ts";
import { detectCandlestickPatterns } from "./candlesticks.ts";
import type { CandleKind } from "./types.ts";

type Row = [number, number, number, number]; // open, high, low, close

/** 20 falling bars from 130 to a last close of 110, bodies of 1. */
const DOWN: Row[] = Array.from({ length: 20 }, (_, k) => [130 - k, 130.2 - k, 128.8 - k, 129 - k]);
/** 20 rising bars from 100 to a last close of 120. */
const UP: Row[] = Array.from({ length: 20 }, (_, k) => [100 + k, 101.2 + k, 99.8 + k, 101 + k]);
/** 20 sideways bars around 110 (closes alternate 110.5 / 110). */
const FLAT: Row[] = Array.from(
  { length: 20 },
  (_, k) => k % 2 ? [110.5, 110.7, 109.8, 110] : [110, 110.7, 109.8, 110.5],
);

/** Kinds found on the last bar after `context`. */
function lastKinds(context: Row[], pattern: Row[]): CandleKind[] {
  const cols = barsOf([...context, ...pattern]);
  const last = cols.close.length - 1;
  return detectCandlestickPatterns(cols).filter((m) => m.index === last).map((m) => m.kind);
}

const HAMMER_SHAPE: Row[] = [[109.8, 110.05, 107.5, 110]];
const INVERTED_SHAPE: Row[] = [[110, 112.5, 109.95, 110.2]];

Deno.test("detectCandlestickPatterns() - hammer after a downtrend, hanging man after an uptrend", () => {
  const afterDown = lastKinds(DOWN, HAMMER_SHAPE);
  assert.ok(afterDown.includes("hammer"));
  assert.ok(!afterDown.includes("hanging_man"));
  const upShape = HAMMER_SHAPE.map(([o, h, l, c]) => [o + 10, h + 10, l + 10, c + 10] as Row);
  const afterUp = lastKinds(UP, upShape);
  assert.ok(afterUp.includes("hanging_man"));
  assert.ok(!afterUp.includes("hammer"), "a hammer shape in an uptrend is not a hammer");
  const flat = lastKinds(FLAT, HAMMER_SHAPE);
  assert.ok(!flat.includes("hammer") && !flat.includes("hanging_man"));
});

Deno.test("detectCandlestickPatterns() - inverted hammer after a downtrend, shooting star after an uptrend", () => {
  const afterDown = lastKinds(DOWN, INVERTED_SHAPE);
  assert.ok(afterDown.includes("inverted_hammer") && !afterDown.includes("shooting_star"));
  const upShape = INVERTED_SHAPE.map(([o, h, l, c]) => [o + 10, h + 10, l + 10, c + 10] as Row);
  const afterUp = lastKinds(UP, upShape);
  assert.ok(afterUp.includes("shooting_star") && !afterUp.includes("inverted_hammer"));
});

Deno.test("detectCandlestickPatterns() - engulfing needs the opposite trend before it", () => {
  const bull: Row = [109.8, 111.6, 109.7, 111.5]; // covers the last black body 111 → 110
  assert.ok(lastKinds(DOWN, [bull]).includes("bullish_engulfing"));
  const bear: Row = [120.2, 120.3, 118.4, 118.5]; // covers the last white body 119 → 120
  assert.ok(lastKinds(UP, [bear]).includes("bearish_engulfing"));
  assert.ok(!lastKinds(UP, [[119.8, 121.6, 119.7, 121.5]]).includes("bullish_engulfing"));
  assert.ok(!lastKinds(FLAT, [[109.9, 111.2, 109.8, 111.1]]).includes("bullish_engulfing"));
});

Deno.test("detectCandlestickPatterns() - harami: a small body inside a long one against the trend", () => {
  assert.ok(lastKinds(DOWN, [[110.3, 110.8, 110.2, 110.7]]).includes("bullish_harami"));
  assert.ok(lastKinds(UP, [[119.7, 119.8, 119.2, 119.3]]).includes("bearish_harami"));
  assert.ok(!lastKinds(UP, [[119.3, 119.8, 119.2, 119.7]]).includes("bullish_harami"));
  // too large to be a harami (0.8 of the previous body)
  assert.ok(!lastKinds(DOWN, [[110.1, 111, 110, 110.9]]).includes("bullish_harami"));
});

Deno.test("detectCandlestickPatterns() - morning star after a fall, evening star after a rise", () => {
  const morning: Row[] = [[110, 110.1, 106.9, 107], [106.8, 106.9, 106.4, 106.6], [
    106.9,
    109.1,
    106.8,
    109,
  ]];
  assert.ok(lastKinds(DOWN, morning).includes("morning_star"));
  const evening: Row[] = [[120, 123.1, 119.9, 123], [123.2, 123.6, 123.1, 123.4], [
    123.1,
    123.2,
    120.9,
    121,
  ]];
  assert.ok(lastKinds(UP, evening).includes("evening_star"));
  const lift = (rows: Row[], d: number) => rows.map((r) => r.map((x) => x + d) as Row);
  assert.ok(!lastKinds(UP, lift(morning, 10)).includes("morning_star"));
  // a third bar that does not reach the first body's midpoint
  const weak: Row[] = [morning[0]!, morning[1]!, [106.9, 108.1, 106.8, 108]];
  assert.ok(!lastKinds(DOWN, weak).includes("morning_star"));
});

Deno.test("detectCandlestickPatterns() - three white soldiers (三陽開泰) after a fall or a range, not after a rise", () => {
  const soldiers: Row[] = [[110, 111.6, 109.9, 111.5], [111, 112.6, 110.9, 112.5], [
    112,
    113.6,
    111.9,
    113.5,
  ]];
  assert.ok(lastKinds(DOWN, soldiers).includes("three_white_soldiers"));
  assert.ok(lastKinds(FLAT, soldiers).includes("three_white_soldiers"));
  const high = soldiers.map((r) => r.map((x) => x + 10) as Row);
  assert.ok(!lastKinds(UP, high).includes("three_white_soldiers"));
  // the second opens above the first close: not soldiers
  const gap: Row[] = [soldiers[0]!, [111.8, 113.1, 111.7, 113], soldiers[2]!];
  assert.ok(!lastKinds(DOWN, gap).includes("three_white_soldiers"));
});

Deno.test("detectCandlestickPatterns() - three black crows after a rise, not after a fall", () => {
  const crows: Row[] = [[120, 120.1, 118.4, 118.5], [119, 119.1, 117.4, 117.5], [
    118,
    118.1,
    116.4,
    116.5,
  ]];
  assert.ok(lastKinds(UP, crows).includes("three_black_crows"));
  const low = crows.map((r) => r.map((x) => x - 10) as Row);
  assert.ok(!lastKinds(DOWN, low).includes("three_black_crows"));
});

Deno.test("detectCandlestickPatterns() - doji in any trend, with direction neutral", () => {
  const doji: Row = [110, 111, 109, 110.02];
  for (const ctx of [DOWN, FLAT]) assert.ok(lastKinds(ctx, [doji]).includes("doji"));
  const cols = barsOf([...FLAT, doji]);
  const m = detectCandlestickPatterns(cols, { kinds: ["doji"] }).at(-1)!;
  assert.deepEqual(
    { kind: m.kind, index: m.index, date: m.date, direction: m.direction, trend: m.trend },
    { kind: "doji", index: 20, date: cols.dates[20], direction: "neutral", trend: "none" },
  );
  assert.ok(m.confidence > 0.7 && m.confidence <= 1);
  assert.ok(!lastKinds(DOWN, [[110, 111, 109, 110.5]]).includes("doji"));
});

Deno.test("detectCandlestickPatterns() - reports the trend and a confidence, honours kinds and fromIndex", () => {
  const cols = barsOf([...DOWN, ...HAMMER_SHAPE]);
  const [m] = detectCandlestickPatterns(cols, { kinds: ["hammer"] });
  assert.equal(m?.trend, "down");
  assert.equal(m?.direction, "bullish");
  assert.ok(m!.confidence > 0.5 && m!.confidence <= 1);
  assert.deepEqual(detectCandlestickPatterns(cols, { kinds: ["hammer"], fromIndex: 21 }), []);
});

Deno.test("detectCandlestickPatterns() - the average body is that of the 10 bars before the pattern's first bar", () => {
  const harami: Row[] = [[110.3, 110.8, 110.2, 110.7]]; // inside the last DOWN bar (111 → 110)
  assert.ok(lastKinds(DOWN, harami).includes("bullish_harami"));
  // The 10 bars before the harami's first bar are DOWN[9..18]; a body of 3 at DOWN[9] lifts
  // their mean to 1.2, above the first bar's body of 1, so it is no longer a "long" body.
  const bigger = DOWN.map((r, k) => (k === 9 ? [123, 123.2, 119.8, 120] : r) as Row);
  assert.ok(!lastKinds(bigger, harami).includes("bullish_harami"));
  // A big body 11 bars before the first bar is outside the window and changes nothing.
  const outside = DOWN.map((r, k) => (k === 8 ? [124, 124.2, 120.8, 121] : r) as Row);
  assert.ok(lastKinds(outside, harami).includes("bullish_harami"));
});
