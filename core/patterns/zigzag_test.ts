import assert from "node:assert/strict";
import fc from "fast-check";
import { barsThrough, fromCloses, WICK } from "./_test_bars.ts";
import { firstBars } from "../market_data/series.ts";
import { zigzagConfirmed, zigzagPivots } from "./zigzag.ts";

const ZIGZAG = [[0, 100], [20, 120], [30, 110], [45, 130], [60, 100]] as const;

Deno.test("zigzagPivots() finds the drawn swings with percent and ATR thresholds", () => {
  const cols = barsThrough(ZIGZAG);
  const expected = [
    { index: 0, price: 100 * (1 - WICK), type: "low" },
    { index: 20, price: 120 * (1 + WICK), type: "high" },
    { index: 30, price: 110 * (1 - WICK), type: "low" },
    { index: 45, price: 130 * (1 + WICK), type: "high" },
  ];
  for (const opts of [{ thresholdPct: 5 }, { atrMultiple: 2 }]) {
    const got = zigzagPivots(cols, opts).map(({ index, price, type }) => ({ index, price, type }));
    assert.equal(got.length, expected.length, JSON.stringify(opts));
    got.forEach((p, k) => {
      assert.equal(p.index, expected[k]!.index);
      assert.equal(p.type, expected[k]!.type);
      assert.ok(Math.abs(p.price - expected[k]!.price) < 1e-9);
    });
    assert.equal(zigzagPivots(cols, opts)[1]!.date, cols.dates[20]);
  }
});

Deno.test("zigzagPivots() - a larger threshold skips the smaller swing", () => {
  const cols = barsThrough(ZIGZAG);
  // 120 → 110 is an 8.4 % drop: below a 10 % threshold
  assert.deepEqual(zigzagPivots(cols, { thresholdPct: 10 }).map((p) => p.index), [0, 45]);
});

Deno.test("zigzagPivots() - the threshold is relative: scaling prices keeps the pivots", () => {
  const a = barsThrough(ZIGZAG);
  const b = barsThrough(ZIGZAG.map(([i, p]) => [i, p * 37] as const));
  for (const opts of [{ thresholdPct: 5 }, { atrMultiple: 2 }]) {
    assert.deepEqual(
      zigzagPivots(a, opts).map((p) => p.index),
      zigzagPivots(b, opts).map((p) => p.index),
    );
  }
});

Deno.test("zigzagPivots() - the last swing is not emitted before price turns by the threshold", () => {
  const cols = barsThrough(ZIGZAG);
  const full = zigzagConfirmed(cols, { thresholdPct: 5 });
  const top = full.find((p) => p.index === 45)!;
  assert.ok(top.confirmedAt > 45);
  assert.ok(
    !zigzagPivots(firstBars(cols, top.confirmedAt), { thresholdPct: 5 }).some((p) =>
      p.index === 45
    ),
  );
  assert.ok(
    zigzagPivots(firstBars(cols, top.confirmedAt + 1), { thresholdPct: 5 }).some((p) =>
      p.index === 45
    ),
  );
});

Deno.test("zigzagPivots() rejects a non-positive threshold with a RangeError", () => {
  const cols = barsThrough(ZIGZAG);
  assert.throws(() => zigzagPivots(cols, { thresholdPct: 0 }), RangeError);
  assert.throws(() => zigzagPivots(cols, { atrMultiple: -1 }), RangeError);
  assert.deepEqual(zigzagPivots(firstBars(cols, 1)), []);
});

const walk = fc.array(fc.double({ min: -0.04, max: 0.04, noNaN: true }), {
  minLength: 30,
  maxLength: 300,
}).map((rs) => {
  const close = new Float64Array(rs.length);
  let p = 100;
  rs.forEach((r, i) => (close[i] = p *= 1 + r));
  return fromCloses(close);
});

Deno.test("zigzagPivots() - pivots alternate, sit on the bar's high/low and are confirmed in order", () => {
  fc.assert(
    fc.property(walk, fc.constantFrom(1, 2, 3), (cols, m) => {
      const ps = zigzagConfirmed(cols, { atrMultiple: m });
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k]!;
        assert.equal(p.price, p.type === "high" ? cols.high[p.index] : cols.low[p.index]);
        assert.ok(p.confirmedAt > p.index && p.confirmedAt < cols.close.length);
        if (k) {
          assert.notEqual(p.type, ps[k - 1]!.type);
          assert.ok(p.index > ps[k - 1]!.index && p.confirmedAt > ps[k - 1]!.confirmedAt);
        }
      }
    }),
    { numRuns: 100, seed: 7 },
  );
});

Deno.test("zigzagPivots() - a prefix yields exactly the pivots confirmed within it", () => {
  fc.assert(
    fc.property(walk, fc.double({ min: 0.1, max: 1, noNaN: true }), (cols, f) => {
      const end = Math.max(1, Math.floor(cols.close.length * f));
      const full = zigzagConfirmed(cols, { thresholdPct: 3 });
      const cut = zigzagConfirmed(firstBars(cols, end), { thresholdPct: 3 });
      assert.deepEqual(cut, full.filter((p) => p.confirmedAt < end));
    }),
    { numRuns: 100, seed: 11 },
  );
});
