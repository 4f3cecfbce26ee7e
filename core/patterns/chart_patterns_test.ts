import assert from "node:assert/strict";
import { barsThrough, WICK } from "./_test_bars.ts";
import { firstBars } from "../market_data/series.ts";
import { detectChartPatterns } from "./detect_chart_patterns.ts";
import type { ChartPatternKind, OhlcvColumns, PatternMatch } from "./types.ts";

type Waypoints = [number, number][];
const hi = (p: number) => p * (1 + WICK), lo = (p: number) => p * (1 - WICK);
const mirror = (w: Waypoints, c = 200): Waypoints => w.map(([i, p]) => [i, c - p]);

/** A hand-drawn case: the waypoints, and the expected geometry computed from them. */
interface Case {
  kind: ChartPatternKind;
  waypoints: Waypoints;
  pivots: number[];
  direction: "bullish" | "bearish";
  /** The line a close must cross, at bar j. */
  line: (j: number) => number;
  /** Expected target for a breakout at `level`. */
  target: (level: number) => number;
  /** Expected invalidation at the breakout bar. */
  invalidation: (j: number) => number;
  startIndex?: number;
}

const ASC: Waypoints = [[0, 70], [20, 110], [30, 95], [40, 110], [48, 101], [56, 110], [60, 105], [
  70,
  120,
]];
const ascLower = (j: number) => lo(95 + (j - 30) / 3);
const descUpper = (j: number) => hi(105 - (j - 30) / 3);
const symUpper = (j: number) => hi(110 - 0.2 * (j - 20)),
  symLower = (j: number) => lo(90 + 0.25 * (j - 30));
const RW: Waypoints = [[0, 85], [20, 100], [30, 90.5], [40, 106], [48, 99.5], [56, 110.8], [
  62,
  106.5,
], [
  72,
  95,
]];
const rwUpper = (j: number) => hi(100 + 0.3 * (j - 20)),
  rwLower = (j: number) => lo(90.5 + 0.5 * (j - 30));
const fwUpper = (j: number) => hi(109.5 - 0.5 * (j - 30)),
  fwLower = (j: number) => lo(100 - 0.3 * (j - 20));
const CH: Waypoints = [[0, 85], [20, 100], [30, 94], [40, 108], [48, 101.2], [56, 114.4], [
  62,
  106.8,
], [
  72,
  130,
]];
const chUpper = (j: number) => hi(100 + 0.4 * (j - 20)),
  chLower = (j: number) => lo(94 + 0.4 * (j - 30));
const chHeight = ((chUpper(20) - chLower(20)) + (chUpper(62) - chLower(62))) / 2;
const cdUpper = (j: number) => hi(106 - 0.4 * (j - 30)),
  cdLower = (j: number) => lo(100 - 0.4 * (j - 20));
const cdHeight = ((cdUpper(20) - cdLower(20)) + (cdUpper(62) - cdLower(62))) / 2;
const FLAG: Waypoints = [[0, 100], [20, 98], [28, 120], [32, 115], [36, 118.5], [40, 113.5], [
  44,
  117,
], [
  52,
  128,
]];
const flagEdge = (j: number) => hi(120) + (hi(118.5) - hi(120)) / 8 * (j - 28);
const bearEdge = (j: number) => lo(100) + (lo(101.5) - lo(100)) / 8 * (j - 28);

const CASES: Case[] = [
  {
    kind: "double_top",
    waypoints: [[0, 80], [20, 100], [35, 90], [50, 100], [65, 80]],
    pivots: [20, 35, 50],
    direction: "bearish",
    line: () => lo(90),
    target: (l) => l - (hi(100) - lo(90)),
    invalidation: () => hi(100),
  },
  {
    kind: "double_bottom",
    waypoints: [[0, 120], [20, 100], [35, 110], [50, 100], [65, 120]],
    pivots: [20, 35, 50],
    direction: "bullish",
    line: () => hi(110),
    target: (l) => l + (hi(110) - lo(100)),
    invalidation: () => lo(100),
  },
  {
    kind: "head_and_shoulders",
    waypoints: [[0, 78], [20, 95], [30, 88], [45, 105], [60, 88], [70, 95], [90, 75]],
    pivots: [20, 30, 45, 60, 70],
    direction: "bearish",
    line: () => lo(88),
    target: (l) => l - (hi(105) - lo(88)),
    invalidation: () => hi(95),
  },
  {
    kind: "inverse_head_and_shoulders",
    waypoints: [[0, 122], [20, 105], [30, 112], [45, 95], [60, 112], [70, 105], [90, 125]],
    pivots: [20, 30, 45, 60, 70],
    direction: "bullish",
    line: () => hi(112),
    target: (l) => l + (hi(112) - lo(95)),
    invalidation: () => lo(105),
  },
  {
    kind: "ascending_triangle",
    waypoints: ASC,
    pivots: [20, 30, 40, 48, 56, 60],
    direction: "bullish",
    line: () => hi(110),
    target: (l) => l + (hi(110) - ascLower(20)),
    invalidation: ascLower,
  },
  {
    kind: "descending_triangle",
    waypoints: mirror(ASC),
    pivots: [20, 30, 40, 48, 56, 60],
    direction: "bearish",
    line: () => lo(90),
    target: (l) => l - (descUpper(20) - lo(90)),
    invalidation: descUpper,
  },
  {
    kind: "symmetric_triangle",
    waypoints: [[0, 70], [20, 110], [30, 90], [40, 106], [48, 94.5], [56, 102.8], [62, 98], [
      72,
      112,
    ]],
    pivots: [20, 30, 40, 48, 56, 62],
    direction: "bullish",
    line: symUpper,
    target: (l) => l + (symUpper(20) - symLower(20)),
    invalidation: symLower,
  },
  {
    kind: "rising_wedge",
    waypoints: RW,
    pivots: [20, 30, 40, 48, 56],
    direction: "bearish",
    line: rwLower,
    target: () => rwLower(20),
    invalidation: rwUpper,
  },
  {
    kind: "falling_wedge",
    waypoints: mirror(RW),
    pivots: [20, 30, 40, 48, 56],
    direction: "bullish",
    line: fwUpper,
    target: () => fwUpper(20),
    invalidation: fwLower,
  },
  {
    kind: "channel_up",
    waypoints: CH,
    pivots: [20, 30, 40, 48, 56, 62],
    direction: "bullish",
    line: chUpper,
    target: (l) => l + chHeight,
    invalidation: chLower,
  },
  {
    kind: "channel_down",
    waypoints: mirror(CH),
    pivots: [20, 30, 40, 48, 56, 62],
    direction: "bearish",
    line: cdLower,
    target: (l) => l - cdHeight,
    invalidation: cdUpper,
  },
  {
    kind: "bull_flag",
    waypoints: FLAG,
    pivots: [28, 32, 36, 40],
    direction: "bullish",
    line: flagEdge,
    target: (l) => l + (hi(120) - lo(98)),
    invalidation: () => lo(113.5),
    startIndex: 20,
  },
  {
    kind: "bear_flag",
    waypoints: mirror(FLAG, 220),
    pivots: [28, 32, 36, 40],
    direction: "bearish",
    line: bearEdge,
    target: (l) => l - (hi(122) - lo(100)),
    invalidation: () => hi(106.5),
    startIndex: 20,
  },
  {
    kind: "pennant",
    waypoints: [[0, 100], [20, 98], [28, 120], [32, 114], [36, 118.5], [40, 115.5], [50, 130]],
    pivots: [28, 32, 36, 40],
    direction: "bullish",
    line: (j) => hi(120) + (hi(118.5) - hi(120)) / 8 * (j - 28),
    target: (l) => l + (hi(120) - lo(98)),
    invalidation: () => lo(114),
    startIndex: 20,
  },
  {
    kind: "cup_and_handle",
    waypoints: [[0, 80], [20, 110], [30, 95], [40, 90], [50, 89], [60, 91], [70, 96], [80, 110], [
      86,
      104,
    ], [96, 120]],
    pivots: [20, 50, 80, 86],
    direction: "bullish",
    line: () => hi(110),
    target: (l) => l + (hi(110) - lo(89)),
    invalidation: () => lo(104),
  },
];

const near = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);

function find(cols: OhlcvColumns, c: Case): PatternMatch {
  const ms = detectChartPatterns(cols).filter((m) => m.kind === c.kind);
  const m = ms.find((m) => m.pivots.map((p) => p.index).join() === c.pivots.join());
  assert.ok(
    m,
    `${c.kind} with pivots ${c.pivots} among ${
      JSON.stringify(ms.map((m) => m.pivots.map((p) => p.index)))
    }`,
  );
  return m;
}

for (const c of CASES) {
  Deno.test(`detectChartPatterns() finds a hand-drawn ${c.kind} with its breakout and target`, () => {
    const cols = barsThrough(c.waypoints);
    const m = find(cols, c);
    // the first close beyond the breakout line after the last pivot, found independently
    const last = c.pivots[c.pivots.length - 1]!;
    let j = last + 1;
    const s = c.direction === "bullish" ? 1 : -1;
    while (j < cols.close.length && !(s * (cols.close[j]! - c.line(j)) > 0)) j++;
    assert.ok(j < cols.close.length, "the drawing breaks out");
    assert.equal(m.direction, c.direction);
    assert.equal(m.confirmed, true);
    assert.ok(
      m.endIndex >= j && m.endIndex <= j + 10,
      `endIndex ${m.endIndex} near the break ${j}`,
    );
    assert.equal(m.startIndex, c.startIndex ?? c.pivots[0]);
    assert.equal(m.startDate, cols.dates[m.startIndex]);
    assert.equal(m.endDate, cols.dates[m.endIndex]);
    near(m.breakoutLevel, c.line(j), "breakout level");
    near(m.target!, c.target(m.breakoutLevel), "target");
    near(m.invalidation, c.invalidation(j), "invalidation");
    for (const p of m.pivots) {
      assert.equal(p.price, p.type === "high" ? cols.high[p.index] : cols.low[p.index]);
    }
    assert.ok(m.confidence > 0.4 && m.confidence <= 1, `confidence ${m.confidence}`);
    assert.ok(m.criteria.length >= 4 && m.criteria.some((t) => /closed (above|below)/.test(t)));
    assert.ok(m.lines && m.lines.length >= 1);
  });

  Deno.test(`detectChartPatterns() - ${c.kind} comes out the same from the bars cut after its end`, () => {
    const cols = barsThrough(c.waypoints);
    const m = find(cols, c);
    const cut = detectChartPatterns(firstBars(cols, m.endIndex + 1));
    assert.deepEqual(cut.find((x) => x.kind === m.kind && x.startIndex === m.startIndex), m);
  });
}

Deno.test("detectChartPatterns() - before the breakout the setup is pending, not confirmed", () => {
  const c = CASES[0]!;
  const cols = barsThrough(c.waypoints);
  const m = find(cols, c);
  const early = detectChartPatterns(firstBars(cols, m.endIndex), { kinds: ["double_top"] });
  const pending = early.find((x) => x.startIndex === m.startIndex);
  assert.ok(pending, "still visible as a pending double top");
  assert.equal(pending.confirmed, false);
  assert.equal(pending.endIndex, m.endIndex - 1);
});

Deno.test("detectChartPatterns() - a double top whose tops differ too much is not one", () => {
  const cols = barsThrough([[0, 80], [20, 100], [35, 90], [50, 104], [65, 80]]);
  assert.deepEqual(detectChartPatterns(cols, { kinds: ["double_top"] }), []);
});

Deno.test("detectChartPatterns() - an invalidated setup is dropped", () => {
  // a double top whose price closes above the tops before breaking the neckline
  const cols = barsThrough([[0, 80], [20, 100], [35, 90], [50, 100], [54, 97], [62, 104], [
    75,
    85,
  ]]);
  const isIt = (m: PatternMatch) => m.pivots.map((p) => p.index).join() === "20,35,50";
  const before = detectChartPatterns(firstBars(cols, 58), { kinds: ["double_top"] });
  assert.ok(before.some((m) => isIt(m) && !m.confirmed), "pending while the tops hold");
  const tops = detectChartPatterns(cols, { kinds: ["double_top"] });
  assert.ok(!tops.some(isIt), JSON.stringify(tops));
});

Deno.test("detectChartPatterns() - kinds and minConfidence filter the matches", () => {
  const cols = barsThrough(CASES[4]!.waypoints);
  assert.ok(
    detectChartPatterns(cols, { kinds: ["double_top"] }).every((m) => m.kind === "double_top"),
  );
  const all = detectChartPatterns(cols);
  const strong = detectChartPatterns(cols, { minConfidence: 0.8 });
  assert.ok(strong.length > 0 && strong.length <= all.length);
  assert.ok(strong.every((m) => m.confidence >= 0.8));
});
