import assert from "node:assert/strict";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { firstBars, seriesFromBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { smaCross } from "../strategies/sma_cross.ts";
import { Evaluator, expandGrid, type GridRow, gridSearch, rankRows } from "./grid.ts";
import { heatmap } from "./heatmap.ts";
import { runBacktest } from "./run.ts";
import { DEFAULT_OPTIONS } from "./types.ts";
import { bestInSample, stitchOutOfSample, walkForwardWindows } from "./walk_forward.ts";

const text = await Deno.readTextFile(new URL("../data/market/extra/SPX.csv", import.meta.url));
const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);
const opts = { ...DEFAULT_OPTIONS, feeBps: 5, fractional: true };

Deno.test("expandGrid() - the cartesian product over fixed values, last key fastest", () => {
  assert.deepEqual(expandGrid({ fast: [5, 10], slow: [50, 100] }, { x: 1 }), [
    { x: 1, fast: 5, slow: 50 },
    { x: 1, fast: 5, slow: 100 },
    { x: 1, fast: 10, slow: 50 },
    { x: 1, fast: 10, slow: 100 },
  ]);
});

Deno.test("gridSearch() - computes each indicator once and matches single backtests", () => {
  const combos = expandGrid({ fast: [5, 10, 20], slow: [50, 100, 200] })
    .map((params, index) => ({ index, params }));
  const ev = new Evaluator(spx, smaCross, opts);
  const rows = gridSearch(ev, combos, "sharpe");
  assert.equal(rows.length, 9);
  assert.equal(ev.cache.misses, 6); // 3 fast + 3 slow SMAs, not 18
  for (const r of [rows[0]!, rows[4]!, rows[8]!]) {
    const single = runBacktest(spx, smaCross, r.params, opts, { cache: new IndicatorCache() });
    assert.deepEqual(r.metrics, single.metrics);
  }
  const ranked = rankRows(rows);
  assert.ok(ranked[0]!.score! >= ranked[8]!.score!);
});

const row = (x: number, y: number, score: number | null): GridRow => ({
  index: 0,
  params: { x, y },
  score,
  metrics: {} as GridRow["metrics"],
});

/*
 * Scores (y rows, x columns): a plateau of 3s on the left, a lone spike of 9 at (x=4, y=2).
 *        x=1  x=2  x=3  x=4
 *  y=1    3    3    0    0
 *  y=2    3    3    0    9
 *  y=3    3    3    0    0
 * Neighbourhood means: (1,1) = (3+3+3+3)/4 = 3; (2,2) = (6×3 + 3×0)/9 = 2;
 * (4,2) = (0+0+0+9+0+0)/6 = 1.5. The raw best is the spike, the robust choice the plateau.
 */
Deno.test("heatmap() - best cell per (x, y) and neighbourhood-averaged robustness", () => {
  const scores = [[3, 3, 0, 0], [3, 3, 0, 9], [3, 3, 0, 0]];
  const rows: GridRow[] = [];
  scores.forEach((r, yi) => r.forEach((s, xi) => rows.push(row(xi + 1, yi + 1, s))));
  rows.push(row(2, 2, -5)); // a worse duplicate of a cell: the cell keeps its best
  rows.push(row(5, 1, null)); // no valid score: an empty cell
  const m = heatmap(rows, "x", "y");
  assert.deepEqual(m.z, scores.map((r) => [...r, null]));
  assert.equal(m.smoothed[0]![0], 3);
  assert.equal(m.smoothed[1]![1], 2);
  assert.equal(m.smoothed[1]![3], 1.5);
  assert.equal(m.smoothed[0]![4], null);
  assert.deepEqual(m.best, { x: 4, y: 2, score: 9 });
  assert.deepEqual(m.robust, { x: 1, y: 1, score: 3 });
});

Deno.test("walkForwardWindows() tiles the out-of-sample bars after the first in-sample window", () => {
  const w = walkForwardWindows(1000, 500, 100);
  assert.equal(w.length, 5);
  assert.deepEqual(w[0], { isStart: 0, isEnd: 500, oosStart: 500, oosEnd: 600 });
  assert.deepEqual(w[4], { isStart: 400, isEnd: 900, oosStart: 900, oosEnd: 1000 });
  assert.equal(walkForwardWindows(1050, 500, 100).at(-1)!.oosEnd, 1050);
});

Deno.test("walk-forward - stitched equity carries over, and truncating later bars changes nothing before", () => {
  const combos = expandGrid({ fast: [5, 20], slow: [50, 150] }).map((params, index) => ({
    index,
    params,
  }));
  const run = (n: number) => {
    const cols = firstBars(spx, n);
    const ev = new Evaluator(cols, smaCross, opts);
    const windows = walkForwardWindows(n, 756, 252);
    return stitchOutOfSample(
      ev,
      windows,
      windows.map((w) => bestInSample(ev, combos, "sharpe", w)),
    );
  };
  const full = run(spx.close.length);
  assert.equal(full.equity.length, spx.close.length - 756);
  assert.equal(full.equity[0]!.date, spx.dates[756]);
  for (let k = 1; k < full.segments.length; k++) {
    const prevEnd = full.segments[k - 1]!.oos.final_equity;
    // each segment's returns are measured from the equity the previous one ended with
    const seg = full.segments[k]!;
    assert.ok(Math.abs(seg.oos.final_equity / prevEnd - 1 - seg.oos.total_return) < 1e-9);
  }
  assert.ok(Math.abs(full.metrics.final_equity - full.segments.at(-1)!.oos.final_equity) < 1e-6);
  const cut = run(756 + 252 * 3);
  assert.deepEqual(cut.segments.slice(0, 2), full.segments.slice(0, 2));
  // the cut run's last segment closes the account (an open position becomes its `end` trade,
  // where the full run carries it on): its equity, and so its returns, are unchanged
  const [a, b] = [cut.segments[2]!, full.segments[2]!];
  assert.deepEqual(a.params, b.params);
  for (
    const k of ["final_equity", "total_return", "sharpe", "max_drawdown", "exposure_pct"] as const
  ) {
    assert.equal(a.oos[k], b.oos[k], k);
  }
  assert.deepEqual(cut.equity, full.equity.slice(0, cut.equity.length));
});
