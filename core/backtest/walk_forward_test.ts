import assert from "node:assert/strict";
import { z } from "zod";
import type { Strategy } from "../strategies/types.ts";
import { Evaluator, type GridRow } from "./grid.ts";
import type { Metrics } from "./metrics.ts";
import { type Cols, DEFAULT_OPTIONS } from "./types.ts";
import { stitchOutOfSample, walkForwardWindows } from "./walk_forward.ts";

/** Ten hand-made bars: opens 100, 101, …; closes half a point above the open (gaps of 0.5). */
const n = 10;
const open = Float64Array.from({ length: n }, (_, i) => 100 + i);
const close = open.map((o) => o + 0.5);
const cols: Cols = {
  dates: Array.from({ length: n }, (_, i) => `2020-01-${String(i + 1).padStart(2, "0")}`),
  open,
  high: close.map((c) => c + 1),
  low: open.map((o) => o - 1),
  close,
  volume: new Float64Array(n).fill(1),
};

/** Holds `side` on every bar (1 long, 0 flat). */
const constant: Strategy<{ side: number }, null> = {
  id: "constant",
  name: "constant",
  description: "test strategy",
  params: z.object({ side: z.number().int().min(0).max(1) }),
  warmup: () => 0,
  prepare: () => null,
  decide: ({ params }) => params.side,
  grid: { side: [0, 1] },
};

const opts = { ...DEFAULT_OPTIONS, cash: 10_000, feeBps: 10, fractional: true };
const pick = (side: number): GridRow => ({
  index: side,
  params: { side },
  score: 1,
  metrics: {} as Metrics,
});
// in-sample 4 bars, out-of-sample 3: segments trade bars 4..6 and 7..9
const windows = walkForwardWindows(n, 4, 3);

Deno.test("stitchOutOfSample() - a position both segments want is carried over: one entry, one trade", () => {
  assert.deepEqual(windows.map((w) => [w.oosStart, w.oosEnd]), [[4, 7], [7, 10]]);
  const wf = stitchOutOfSample(new Evaluator(cols, constant, opts), windows, [pick(1), pick(1)]);
  // by hand: decided at the close of bar 3, bought at the open of bar 4 (104) with 10 bps
  const qty = 10_000 / (104 * 1.001), fee = qty * 104 * 0.001;
  const expected = [4, 5, 6, 7, 8, 9].map((i) => 10_000 - qty * 104 - fee + qty * close[i]!);
  wf.equity.forEach((e, k) => assert.ok(Math.abs(e.equity - expected[k]!) < 1e-6, e.date));
  // the overnight gap from bar 6's close (106.5) to bar 7's open (107) stays in the curve
  assert.ok(Math.abs(wf.equity[3]!.equity - wf.equity[2]!.equity - qty) < 1e-6);
  assert.equal(wf.metrics.trade_count, 1);
  assert.ok(Math.abs(wf.metrics.fees - fee) < 1e-9);
  assert.deepEqual(wf.segments.map((s) => s.oos.trade_count), [0, 1]);
  assert.deepEqual(wf.segments.map((s) => s.oos.exposure_pct), [100, 100]);
  assert.equal(wf.metrics.win_rate, 1);
});

Deno.test("stitchOutOfSample() - a change of target at a boundary is a real exit at the next open, with costs", () => {
  const wf = stitchOutOfSample(new Evaluator(cols, constant, opts), windows, [pick(1), pick(0)]);
  const qty = 10_000 / (104 * 1.001), fee = qty * 104 * 0.001;
  // the second segment's parameters are flat at the close of bar 6: sold at bar 7's open (107)
  const exitFee = qty * 107 * 0.001;
  const after = 10_000 - qty * 104 - fee + qty * 107 - exitFee;
  for (const e of wf.equity.slice(3)) assert.ok(Math.abs(e.equity - after) < 1e-6);
  assert.equal(wf.metrics.trade_count, 1);
  assert.ok(Math.abs(wf.metrics.fees - fee - exitFee) < 1e-9);
  assert.deepEqual(wf.segments.map((s) => s.oos.trade_count), [0, 1]);
  assert.ok(Math.abs(wf.metrics.final_equity - after) < 1e-6);
});

Deno.test("stitchOutOfSample() - a segment without a choice is flat and re-entry pays the entry again", () => {
  const wf = stitchOutOfSample(new Evaluator(cols, constant, opts), windows, [null, pick(1)]);
  assert.ok(wf.equity.slice(0, 3).every((e) => e.equity === 10_000));
  const qty = 10_000 / (107 * 1.001), fee = qty * 107 * 0.001;
  assert.ok(Math.abs(wf.equity[5]!.equity - (10_000 - qty * 107 - fee + qty * close[9]!)) < 1e-6);
  assert.equal(wf.metrics.trade_count, 1); // the position open at the end counts once
  assert.equal(wf.segments[0]!.params, null);
});
