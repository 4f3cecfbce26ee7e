/**
 * The work of one optimiser task, shared by the Web Worker and the in-process fallback.
 *
 * @module
 */
import { bestPerWindow } from "../backtest/walk_forward.ts";
import { Evaluator, gridSearch } from "../backtest/grid.ts";
import { findStrategy } from "../strategies/mod.ts";
import type { WorkerReply, WorkerTask } from "./protocol.ts";

/** Runs `t`, posting progress and the final reply through `post`. */
export function runTask(t: WorkerTask, post: (m: WorkerReply) => void): void {
  try {
    const strategy = findStrategy(t.strategy);
    if (!strategy) throw new Error(`unknown strategy ${t.strategy}`);
    const ev = new Evaluator(t.cols, strategy, t.opts);
    if (t.kind === "grid") {
      const rows = gridSearch(ev, t.combos, t.metric, {
        onProgress: (done) => post({ taskId: t.taskId, type: "progress", done }),
        progressEvery: 100,
      });
      post({ taskId: t.taskId, type: "grid", rows });
    } else {
      const best = bestPerWindow(
        ev,
        t.combos,
        t.metric,
        t.windows.map((w) => w.window),
        (done) => post({ taskId: t.taskId, type: "progress", done }),
      );
      const chosen = t.windows.map(({ index }, k) => ({ index, row: best[k]! }));
      post({ taskId: t.taskId, type: "walk_forward", chosen });
    }
  } catch (err) {
    post({ taskId: t.taskId, type: "error", message: String((err as Error)?.message ?? err) });
  }
}
