/**
 * Executes an optimisation plan on a worker pool: the grid over the whole range (ranked rows
 * and heat-map), then, when asked, walk-forward (in-sample choices on the workers, the
 * out-of-sample stitching here).
 *
 * @module
 */
import { type GridRow, rankRows } from "../backtest/grid.ts";
import { Evaluator } from "../backtest/grid.ts";
import { type Heatmap, heatmap } from "../backtest/heatmap.ts";
import { buyAndHold } from "../backtest/run.ts";
import type { Metrics } from "../backtest/metrics.ts";
import { DEFAULT_OPTIONS } from "../backtest/types.ts";
import { betterRow, stitchOutOfSample, type WalkForward } from "../backtest/walk_forward.ts";
import type { OptimisationPlan } from "./plan.ts";
import { split, type WorkerPool } from "./pool.ts";
import type { WireCols } from "./protocol.ts";

/** Result of an optimisation. */
export interface OptimisationResult {
  metric: string;
  combinations: number;
  skipped: number;
  /** Best rows first (at most 25). */
  top: { params: Record<string, unknown>; score: number | null; metrics: Metrics }[];
  /** Buy-and-hold over the same bars. */
  benchmark: Metrics;
  heatmap: Heatmap | null;
  walk_forward: WalkForward | null;
  from: string;
  to: string;
}

/** Runs `plan` on `pool`, reporting the units of work done. */
export async function runPlan(
  plan: OptimisationPlan,
  pool: WorkerPool,
  onProgress: (done: number) => void,
): Promise<OptimisationResult> {
  const c = plan.cols;
  const cols: WireCols = {
    dates: [...c.dates],
    open: c.open.slice(),
    high: c.high.slice(),
    low: c.low.slice(),
    close: c.close.slice(),
    volume: c.volume.slice(),
  };
  const base = { cols, strategy: plan.strategy.id, opts: plan.opts, metric: plan.metric };
  const rows = await pool.grid(
    { ...base, kind: "grid", combos: plan.combos },
    onProgress,
    plan.workers,
  );
  let wf: WalkForward | null = null;
  if (plan.windows) {
    const windows = plan.windows.map((window, index) => ({ index, window }));
    // each worker takes a share of the combinations over every window (a combination's
    // targets are computed once and all its windows simulated from them)
    const chunks = split(plan.combos, Math.min(plan.workers, pool.size));
    const done = chunks.map(() => 0);
    const replies = await Promise.all(
      chunks.map((combos, k) =>
        pool.run({ ...base, kind: "walk_forward", combos, windows }, (d) => {
          done[k] = d;
          onProgress(plan.combos.length + done.reduce((a, b) => a + b, 0));
        })
      ),
    );
    const chosen: (GridRow | null)[] = plan.windows.map(() => null);
    for (const r of replies) {
      if (r.type !== "walk_forward") continue;
      for (const x of r.chosen) chosen[x.index] = betterRow(chosen[x.index]!, x.row);
    }
    wf = stitchOutOfSample(
      new Evaluator(plan.cols, plan.strategy, plan.opts),
      plan.windows,
      chosen,
    );
  }
  onProgress(plan.total);
  return {
    metric: plan.metric,
    combinations: plan.combos.length,
    skipped: plan.skipped,
    top: rankRows(rows).slice(0, 25).map(({ params, score, metrics }) => ({
      params,
      score,
      metrics,
    })),
    benchmark: buyAndHold(plan.cols, { ...DEFAULT_OPTIONS, ...plan.opts }).metrics,
    heatmap: plan.heatmap ? heatmap(rows, plan.heatmap[0], plan.heatmap[1]) : null,
    walk_forward: wf,
    from: c.dates[0]!,
    to: c.dates[c.dates.length - 1]!,
  };
}
