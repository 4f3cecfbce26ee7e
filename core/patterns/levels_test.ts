import assert from "node:assert/strict";
import { barsThrough, WICK } from "./_test_bars.ts";
import { detectBreakouts } from "./breakouts.ts";
import { supportResistance } from "./levels.ts";

const RANGE = [[0, 110], [15, 120], [30, 100], [45, 121], [60, 100], [75, 119.5], [
  90,
  110,
]] as const;
const hi = (p: number) => p * (1 + WICK), lo = (p: number) => p * (1 - WICK);

Deno.test("supportResistance() clusters the swing highs and lows of a range with touch counts", () => {
  const cols = barsThrough(RANGE);
  const levels = supportResistance(cols, { thresholdPct: 5, tolerancePct: 1.5 });
  assert.equal(levels.length, 2);
  const [support, resistance] = levels;
  assert.deepEqual(
    {
      kind: support!.kind,
      touches: support!.touches,
      first: support!.firstIndex,
      last: support!.lastIndex,
    },
    { kind: "support", touches: 2, first: 30, last: 60 },
  );
  assert.ok(Math.abs(support!.price - lo(100)) < 1e-9);
  assert.deepEqual(
    {
      kind: resistance!.kind,
      touches: resistance!.touches,
      first: resistance!.firstIndex,
      last: resistance!.lastIndex,
    },
    { kind: "resistance", touches: 3, first: 15, last: 75 },
  );
  assert.ok(Math.abs(resistance!.price - (hi(120) + hi(121) + hi(119.5)) / 3) < 1e-9);
  assert.equal(resistance!.firstDate, cols.dates[15]);
  assert.equal(resistance!.lastDate, cols.dates[75]);
  // strength = 0.7 × (1 − 1/touches) + 0.3 × lastIndex / (n − 1)
  assert.equal(resistance!.strength, Math.round((0.7 * (2 / 3) + 0.3 * 75 / 90) * 1000) / 1000);
  assert.ok(resistance!.strength > support!.strength);
});

Deno.test("supportResistance() - a tight tolerance splits the highs; minTouches and maxLevels filter", () => {
  const cols = barsThrough(RANGE);
  const tight = supportResistance(cols, { thresholdPct: 5, tolerancePct: 0.2 });
  assert.deepEqual(tight.map((l) => l.kind), ["support"]);
  assert.deepEqual(
    supportResistance(cols, { thresholdPct: 5, tolerancePct: 1.5, minTouches: 3 }).map((l) =>
      l.touches
    ),
    [3],
  );
  assert.equal(
    supportResistance(cols, { thresholdPct: 5, tolerancePct: 1.5, maxLevels: 1 })[0]!.touches,
    3,
  );
  // ATR tolerance (default) works without a percent
  assert.ok(supportResistance(cols, { atrMultiple: 2, toleranceAtr: 1 }).length >= 1);
  assert.throws(() => supportResistance(cols, { tolerancePct: 0 }), RangeError);
});

const BREAK = [[0, 110], [15, 120], [30, 100], [45, 120], [60, 100], [80, 130]] as const;

Deno.test("detectBreakouts() - a close through resistance on 3× volume is a confirmed breakout", () => {
  const cols = barsThrough(BREAK, { volume: (i) => (i === 74 ? 3_000_000 : 1_000_000) });
  const levels = supportResistance(cols, { thresholdPct: 5, tolerancePct: 1 });
  const top = levels.find((l) => l.touches === 2 && l.price > 115)!;
  assert.ok(Math.abs(top.price - hi(120)) < 1e-9);
  const breaks = detectBreakouts(cols, [top]);
  assert.equal(breaks.length, 1);
  const b = breaks[0]!;
  // closes: 119.5 at bar 73, 121 at bar 74 — the first close above 120.24
  assert.deepEqual(
    { index: b.index, direction: b.direction, confirmed: b.confirmed, close: b.close },
    { index: 74, direction: "up", confirmed: true, close: 121 },
  );
  assert.equal(b.volumeRatio, 3);
  assert.equal(b.date, cols.dates[74]);
});

Deno.test("detectBreakouts() - without a volume surge the break is not confirmed", () => {
  const cols = barsThrough(BREAK);
  const levels = supportResistance(cols, { thresholdPct: 5, tolerancePct: 1 });
  const breaks = detectBreakouts(cols, levels);
  assert.ok(breaks.length >= 1 && breaks.every((b) => !b.confirmed && b.volumeRatio === 1));
  assert.deepEqual(detectBreakouts(cols, levels, { confirmedOnly: true }), []);
  assert.throws(() => detectBreakouts(cols, levels, { volumeMultiple: 0 }), RangeError);
});

Deno.test("detectBreakouts() - a close below support is a downward break", () => {
  const cols = barsThrough([[0, 110], [15, 120], [30, 100], [45, 120], [60, 100], [70, 112], [
    85,
    90,
  ]], {
    volume: (i) => (i >= 80 ? 2_000_000 : 1_000_000),
  });
  const levels = supportResistance(cols, { thresholdPct: 5, tolerancePct: 1 });
  const floor = levels.find((l) => Math.abs(l.price - lo(100)) < 1e-9)!;
  const [b] = detectBreakouts(cols, [floor]);
  assert.equal(b?.direction, "down");
  assert.ok(cols.close[b!.index]! < floor.price && cols.close[b!.index - 1]! >= floor.price);
});
