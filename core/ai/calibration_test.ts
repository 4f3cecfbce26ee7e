import assert from "node:assert/strict";
import { firstBars, lowerBound } from "../market_data/series.ts";
import { rateCalls } from "./baselines.ts";
import {
  brier,
  bucketOf,
  calibrate,
  fitCalibration,
  type Forecast,
  PRIOR_STRENGTH,
  reliability,
  walkForward,
} from "./calibration.ts";
import { scoreCall } from "./evaluate.ts";
import { rulesWalk } from "./rules_walk.ts";
import { forecastsOf } from "./track_record.ts";
import { realSeries } from "./_test_series.ts";

const f = (date: string, confidence: number, hit: boolean, exitDate = date): Forecast => ({
  date,
  confidence,
  hit,
  exitDate,
});

Deno.test("bucketOf() - [0, .5), [.5, .6) … [.9, 1]", () => {
  assert.deepEqual([0.1, 0.5, 0.59, 0.6, 0.75, 0.9, 0.95, 1].map(bucketOf), [
    0,
    1,
    1,
    2,
    3,
    5,
    5,
    5,
  ]);
});

Deno.test("calibrate() - the bucket's rate shrunk toward the overall rate; null without calls", () => {
  const train = [
    ...Array.from({ length: 20 }, (_, i) => f("2001-01-01", 0.9, i < 5)), // 25% at 0.9
    ...Array.from({ length: 20 }, (_, i) => f("2001-01-01", 0.55, i < 15)), // 75% at 0.55
  ];
  const fit = fitCalibration(train);
  const k = PRIOR_STRENGTH;
  assert.equal(calibrate(fit, 0.93), (5 + k * 0.5) / (20 + k));
  assert.equal(calibrate(fit, 0.52), (15 + k * 0.5) / (20 + k));
  assert.equal(calibrate(fit, 0.65), 0.5, "an empty bucket gets the overall rate");
  assert.equal(calibrate(fitCalibration([]), 0.7), null);
});

Deno.test("brier() and reliability() - squared error and the per-bucket table", () => {
  assert.equal(brier([1, 0, 0.5], [true, false, true]), 0.25 / 3);
  assert.equal(brier([], []), null);
  const fs = [
    f("2001-01-01", 0.55, true),
    f("2001-01-02", 0.58, false),
    f("2001-01-03", 0.95, true),
  ];
  const rows = reliability(fs, [0.5, 0.4, null], [null, 0.3, 0.6]);
  assert.deepEqual(rows[1], {
    lo: 0.5,
    hi: 0.6,
    n: 2,
    hits: 1,
    stated: 0.565,
    baseline: 0.45,
    calibrated: 0.3,
  });
  assert.equal(rows[5]!.baseline, null);
});

Deno.test("walkForward() - a call's mapping uses only outcomes known before its year began", () => {
  const past = [
    ...Array.from({ length: 30 }, (_, i) => f("2001-03-01", 0.9, i < 9, "2001-04-01")),
    f("2001-12-01", 0.9, true, "2002-01-15"), // decided in 2002: unknown on 2002-01-01
  ];
  const later = [
    f("2002-06-01", 0.9, true, "2002-07-01"),
    f("2003-06-01", 0.9, false, "2003-07-01"),
  ];
  const out = walkForward([...past, ...later]);
  assert.equal(out[0], null, "2001: nothing was decided before 2001");
  assert.equal(out[31], calibrate(fitCalibration(past.slice(0, 30)), 0.9));
  assert.equal(out[32], calibrate(fitCalibration([...past, later[0]!]), 0.9));
  // Truncation: changing or removing what happens after 2002 leaves 2002's values unchanged.
  const flipped = walkForward([...past, later[0]!, { ...later[1]!, hit: true }]);
  assert.deepEqual(flipped.slice(0, 32), out.slice(0, 32));
  assert.deepEqual(walkForward([...past, later[0]!]), out.slice(0, 32));
});

Deno.test("walkForward() - truncation on real bars: cutting SPX after 2010-06-30 changes nothing before", () => {
  const full = realSeries("SPX");
  const cut = firstBars(full, lowerBound(full.dates, "2010-07-01"));
  const calibrated = (s: typeof full) => {
    const rated = rateCalls(rulesWalk(s).map((c) => scoreCall(c, s)), () => s, { draws: 1 });
    const dir = rated.filter((c) => c.entry.stance !== "HOLD");
    const { f: fs } = forecastsOf(dir);
    const out = walkForward(fs);
    return new Map(fs.map((x, i) => [x.date, out[i]]));
  };
  const a = calibrated(full), b = calibrated(cut);
  assert.ok(b.size > 60, `${b.size} decided calls before the cut`);
  let compared = 0;
  for (const [date, v] of b) {
    assert.equal(a.get(date), v, `call of ${date}`);
    if (v !== null) compared++;
  }
  assert.ok(compared > 50, `${compared} calibrated values compared`);
});
