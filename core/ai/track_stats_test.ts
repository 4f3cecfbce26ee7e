import assert from "node:assert/strict";
import { bootstrap, mean, quantileSorted, seededRandom, verdictOf, wilson } from "./track_stats.ts";

const near = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`);

Deno.test("wilson() - matches the textbook interval; [0, 1] without trials", () => {
  const [lo, hi] = wilson(50, 100);
  near(lo, 0.4038);
  near(hi, 0.5962);
  const [l0, h0] = wilson(0, 10);
  near(l0, 0);
  near(h0, 0.2775);
  assert.deepEqual(wilson(0, 0), [0, 1]);
});

Deno.test("seededRandom() - the same seed gives the same draws in [0, 1)", () => {
  const a = seededRandom(42), b = seededRandom(42), c = seededRandom(43);
  const xs = Array.from({ length: 1000 }, a);
  assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, b));
  assert.notEqual(xs[0], c());
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  near(mean(xs), 0.5, 0.03);
});

Deno.test("quantileSorted() - interpolates; NaN when empty", () => {
  assert.equal(quantileSorted([1, 2, 3, 4, 5], 0.5), 3);
  assert.equal(quantileSorted([0, 10], 0.25), 2.5);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

Deno.test("bootstrap() - the interval of a mean holds the mean and is reproducible", () => {
  const r = seededRandom(3);
  const d = Array.from({ length: 200 }, () => r() - 0.4);
  const stat = (ix: Uint32Array) => {
    let s = 0;
    for (const i of ix) s += d[i]!;
    return s / ix.length;
  };
  const [lo, hi] = bootstrap(d.length, stat, { seed: 5 });
  assert.ok(lo < mean(d) && mean(d) < hi);
  assert.ok(lo > 0, "a mean of 0.1 with n=200 is clearly above 0");
  assert.deepEqual(bootstrap(d.length, stat, { seed: 5 }), [lo, hi]);
});

Deno.test("verdictOf() - an edge only when the whole interval is above zero", () => {
  assert.equal(verdictOf(0.01, 0.2, 100), "edge");
  assert.equal(verdictOf(-0.01, 0.2, 100), "no_measurable_edge");
  assert.equal(verdictOf(-0.3, -0.1, 100), "below_baseline");
  assert.equal(verdictOf(0.1, 0.2, 9), "too_few_calls");
});
