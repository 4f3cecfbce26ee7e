/**
 * Walk-forward analysis: optimise on a rolling in-sample window, trade the chosen parameters
 * on the following out-of-sample window, and stitch the out-of-sample equity into one curve
 * (each segment starts with the equity the previous one ended with). Indicators are causal,
 * so computing them once on the whole series reads no bar after the one being decided. Pure.
 *
 * @module
 */
import { type Evaluator, type GridRow, type ScoreMetric, scoreOf } from "./grid.ts";
import { flatCarry, simulateTargets } from "./kernel.ts";
import { computeMetrics, type Metrics, yearOf } from "./metrics.ts";
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

/** The better of two rows: higher score, then lower index; null scores never win. */
export function betterRow(a: GridRow | null, b: GridRow | null): GridRow | null {
  if (!b || b.score === null) return a;
  if (!a || a.score === null) return b;
  return b.score > a.score || (b.score === a.score && b.index < a.index) ? b : a;
}

/**
 * The best combination on each window's in-sample bars (null: none scored). Each
 * combination's targets are computed once on the whole series and every window is simulated
 * from them; `onProgress(done)` counts windows evaluated.
 */
export function bestPerWindow(
  ev: Evaluator,
  combos: readonly { index: number; params: Record<string, unknown> }[],
  metric: ScoreMetric,
  windows: readonly WfWindow[],
  onProgress?: (done: number) => void,
): (GridRow | null)[] {
  const best: (GridRow | null)[] = windows.map(() => null);
  let done = 0;
  for (const { index, params } of combos) {
    const targets = ev.targets(params);
    windows.forEach((w, k) => {
      const metrics = ev.evaluateTargets(targets, w.isStart, w.isEnd);
      best[k] = betterRow(best[k]!, { index, params, score: scoreOf(metrics, metric), metrics });
    });
    done += windows.length;
    onProgress?.(done);
  }
  return best;
}

/** The best combination on a window's in-sample bars. */
export function bestInSample(
  ev: Evaluator,
  combos: readonly { index: number; params: Record<string, unknown> }[],
  metric: ScoreMetric,
  w: WfWindow,
): GridRow | null {
  return bestPerWindow(ev, combos, metric, [w])[0]!;
}

const TALLY_KEYS = [
  "count",
  "wins",
  "losses",
  "grossProfit",
  "grossLoss",
  "fees",
  "exposureBars",
] as const;

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
 * Trades each window's chosen parameters on its out-of-sample bars as one continuous account:
 * the decision at the close of a segment's last bar is the next segment's, so a position the
 * next parameters also want is carried over (no exit, no second entry cost, the overnight gap
 * stays in the curve), and one they do not want is closed at the next open with costs. A
 * window with no choice is flat. A position still open at the very end is reported once, as an
 * `end` trade of the last segment. Segment metrics are measured from the equity the previous
 * segment ended with; a trade counts in the segment where it closes.
 */
export function stitchOutOfSample(
  ev: Evaluator,
  windows: readonly WfWindow[],
  chosen: readonly (GridRow | null)[],
): WalkForward {
  const { cols, opts } = ev;
  const dates = cols.dates;
  const first = windows[0]?.oosStart ?? 0;
  const last = windows.at(-1)?.oosEnd ?? first;
  // targets[i] of the stitched account: the decision of the parameters trading bar i + 1
  const targets = new Int8Array(cols.close.length);
  windows.forEach((w, k) => {
    const pick = chosen[k] ?? null;
    if (pick) {
      targets.set(ev.targets(pick.params).subarray(w.oosStart - 1, w.oosEnd - 1), w.oosStart - 1);
    }
  });
  const stitched = new Float64Array(last - first);
  const all = newTally();
  const segments: WfSegment[] = [];
  const carry = flatCarry(opts.cash);
  let equity = opts.cash;
  windows.forEach((w, k) => {
    const pick = chosen[k] ?? null;
    const seg = stitched.subarray(w.oosStart - first, w.oosEnd - first);
    const tally = newTally();
    const initial = targets[w.oosStart - 1]!;
    const keepOpen = k < windows.length - 1; // only the last segment reports an `end` trade
    simulateTargets(
      cols,
      targets,
      opts,
      { start: w.oosStart, end: w.oosEnd, initial, carry, keepOpen },
      seg,
      tally,
    );
    segments.push({
      is_from: dates[w.isStart]!,
      is_to: dates[w.isEnd - 1]!,
      oos_from: dates[w.oosStart]!,
      oos_to: dates[w.oosEnd - 1]!,
      params: pick?.params ?? null,
      is_score: pick?.score ?? null,
      oos: computeMetrics(seg, equity, tally, yearOf(opts)),
    });
    for (const key of TALLY_KEYS) all[key] += tally[key];
    equity = seg[seg.length - 1]!;
  });
  return {
    segments,
    equity: Array.from(stitched, (equity, i) => ({ date: dates[first + i]!, equity })),
    metrics: computeMetrics(stitched, opts.cash, all, yearOf(opts)),
  };
}
