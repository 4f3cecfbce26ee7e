/**
 * Walk-forward analysis: optimise on a rolling in-sample window, trade the chosen parameters
 * on the following out-of-sample window, and stitch the out-of-sample equity into one curve
 * (each segment starts with the equity the previous one ended with). Indicators are causal,
 * so computing them once on the whole series reads no bar after the one being decided. Pure.
 *
 * @module
 */
import { type Evaluator, type GridRow, rankRows, type ScoreMetric, scoreOf } from "./grid.ts";
import { simulateTargets } from "./kernel.ts";
import { computeMetrics, type Metrics } from "./metrics.ts";
import { newTally } from "./types.ts";

/** One in-sample / out-of-sample split, as bar indices `[start, end)`. */
export interface WfWindow {
  isStart: number;
  isEnd: number;
  oosStart: number;
  oosEnd: number;
}

/**
 * Rolling windows: in-sample `inSample` bars followed by `outOfSample` bars, stepping by
 * `outOfSample` so the out-of-sample windows tile the series after the first in-sample one.
 *
 * @example
 * ```ts
 * walkForwardWindows(1000, 500, 100).length; // 5
 * ```
 */
export function walkForwardWindows(n: number, inSample: number, outOfSample: number): WfWindow[] {
  const out: WfWindow[] = [];
  for (let s = 0; s + inSample < n; s += outOfSample) {
    const oosStart = s + inSample;
    out.push({
      isStart: s,
      isEnd: oosStart,
      oosStart,
      oosEnd: Math.min(oosStart + outOfSample, n),
    });
  }
  return out;
}

/** The best combination on a window's in-sample bars. */
export function bestInSample(
  ev: Evaluator,
  combos: readonly { index: number; params: Record<string, unknown> }[],
  metric: ScoreMetric,
  w: WfWindow,
): GridRow | null {
  const rows = combos.map(({ index, params }) => {
    const metrics = ev.evaluate(params, w.isStart, w.isEnd);
    return { index, params, score: scoreOf(metrics, metric), metrics };
  });
  const best = rankRows(rows)[0];
  return best && best.score !== null ? best : null;
}

/** One out-of-sample segment of the stitched curve. */
export interface WfSegment {
  /** Dates of the two windows. */
  is_from: string;
  is_to: string;
  oos_from: string;
  oos_to: string;
  /** Parameters chosen in-sample (null: no combination scored; the segment stays flat). */
  params: Record<string, unknown> | null;
  /** Their in-sample score. */
  is_score: number | null;
  /** Out-of-sample metrics of the segment. */
  oos: Metrics;
}

/** The stitched result. */
export interface WalkForward {
  segments: WfSegment[];
  /** Stitched out-of-sample equity. */
  equity: { date: string; equity: number }[];
  /** Metrics of the stitched curve. */
  metrics: Metrics;
}

/**
 * Trades each window's chosen parameters on its out-of-sample bars, carrying equity from one
 * segment to the next, and returns the stitched curve.
 */
export function stitchOutOfSample(
  ev: Evaluator,
  windows: readonly WfWindow[],
  chosen: readonly (GridRow | null)[],
): WalkForward {
  const { cols, opts } = ev;
  const dates = cols.dates;
  const total = windows.reduce((a, w) => a + w.oosEnd - w.oosStart, 0);
  const stitched = new Float64Array(total);
  const all = newTally();
  const segments: WfSegment[] = [];
  let cash = opts.cash, at = 0;
  windows.forEach((w, k) => {
    const pick = chosen[k] ?? null;
    const len = w.oosEnd - w.oosStart;
    const seg = stitched.subarray(at, at + len);
    const tally = newTally();
    if (pick) {
      const targets = ev.targets(pick.params);
      simulateTargets(
        cols,
        targets,
        opts,
        {
          start: w.oosStart,
          end: w.oosEnd,
          initial: targets[w.oosStart - 1]!,
          cash,
        },
        seg,
        tally,
      );
    } else seg.fill(cash);
    segments.push({
      is_from: dates[w.isStart]!,
      is_to: dates[w.isEnd - 1]!,
      oos_from: dates[w.oosStart]!,
      oos_to: dates[w.oosEnd - 1]!,
      params: pick?.params ?? null,
      is_score: pick?.score ?? null,
      oos: computeMetrics(seg, cash, tally),
    });
    for (
      const key of [
        "count",
        "wins",
        "losses",
        "grossProfit",
        "grossLoss",
        "fees",
        "exposureBars",
      ] as const
    ) {
      all[key] += tally[key];
    }
    cash = seg[len - 1]!;
    at += len;
  });
  const first = windows[0]?.oosStart ?? 0;
  return {
    segments,
    equity: Array.from(stitched, (equity, i) => ({ date: dates[first + i]!, equity })),
    metrics: computeMetrics(stitched, opts.cash, all),
  };
}
