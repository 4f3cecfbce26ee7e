/**
 * Messages between the optimiser and its workers.
 *
 * @module
 */
import type { GridRow, ScoreMetric } from "../backtest/grid.ts";
import type { CostOptions } from "../execution/options.ts";
import type { WfWindow } from "../backtest/walk_forward.ts";

/** Bars as sent to a worker (structured-cloned). */
export interface WireCols {
  dates: string[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** A chunk of work for one worker. */
export type WorkerTask =
  & {
    /** Correlates replies with the task. */
    taskId: number;
    cols: WireCols;
    strategy: string;
    opts: CostOptions;
    metric: ScoreMetric;
    /** Validated combinations with their index in the full grid. */
    combos: { index: number; params: Record<string, unknown> }[];
  }
  & (
    | { kind: "grid" }
    | {
      /** Pick the best of `combos` on each window's in-sample bars. */
      kind: "walk_forward";
      /** Windows with their index in the full list. */
      windows: { index: number; window: WfWindow }[];
    }
  );

/** A worker's reply. */
export type WorkerReply =
  | { taskId: number; type: "progress"; done: number }
  | { taskId: number; type: "grid"; rows: GridRow[] }
  | { taskId: number; type: "walk_forward"; chosen: { index: number; row: GridRow | null }[] }
  | { taskId: number; type: "error"; message: string };
