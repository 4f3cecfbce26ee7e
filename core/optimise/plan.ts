/**
 * Turns a validated optimisation request into a plan: the valid combinations, the heat-map
 * axes, the walk-forward windows and the total amount of work; refuses with a 422 naming the
 * field what cannot run.
 *
 * @module
 */
import { z } from "zod";
import { ValidationError } from "@trading/shared/errors";
import type { OptimisationRequest } from "@trading/shared/schemas";
import { expandGrid, type ScoreMetric } from "../backtest/grid.ts";
import { toOptions } from "../backtest/request.ts";
import type { Cols } from "../backtest/types.ts";
import type { CostOptions } from "../execution/options.ts";
import { walkForwardWindows, type WfWindow } from "../backtest/walk_forward.ts";
import { type AnyStrategy, optimisable } from "../strategies/types.ts";

/** Largest grid accepted. */
export const MAX_COMBINATIONS = 50_000;

/**
 * Most backtests one job may run: combinations × (1 + walk-forward windows). About 200k
 * evaluations of a 2,500-bar series take seconds on the fast kernel, not minutes.
 */
export const MAX_EVALUATIONS = 200_000;

/** Most walk-forward windows (in-sample optimisations) one job may ask for. */
export const MAX_WINDOWS = 50;

/** What the runner executes. */
export interface OptimisationPlan {
  strategy: AnyStrategy;
  cols: Cols;
  opts: CostOptions;
  metric: ScoreMetric;
  combos: { index: number; params: Record<string, unknown> }[];
  /** Combinations the parameter schema refused (e.g. fast ≥ slow). */
  skipped: number;
  heatmap: [string, string] | null;
  windows: WfWindow[] | null;
  /** Units of work (one per combination evaluated). */
  total: number;
  /** Worker chunks to use. */
  workers: number;
}

const fail = (field: string, message: string) => {
  throw new ValidationError(`Invalid body: ${field}: ${message}`, [{ field, message }]);
};

/** Builds the plan or throws a {@link ValidationError}. */
export function planOptimisation(
  req: OptimisationRequest,
  strategy: AnyStrategy,
  cols: Cols,
): OptimisationPlan {
  if (!optimisable(strategy)) {
    fail(
      "strategy",
      `${strategy.id} sets stop-loss/take-profit levels with its decisions, which the ` +
        "optimiser's fast kernel cannot apply; backtest it with POST /api/backtests instead",
    );
  }
  for (
    const f of [
      "stop_loss_pct",
      "take_profit_pct",
      "trailing_stop_pct",
      "max_holding_bars",
    ] as const
  ) {
    if (req[f] !== null) {
      fail(f, "optimisation runs on the fast kernel: protective exits are not supported");
    }
  }
  for (const f of ["max_order_value", "max_position_pct"] as const) {
    if (req[f] !== null && req[f] !== undefined) {
      fail(
        f,
        "optimisation runs on the fast kernel, which applies no risk limits: backtest with " +
          "risk limits through POST /api/backtests",
      );
    }
  }
  if (req.sizing?.mode === "atr_risk") {
    fail("sizing", "optimisation supports percent_equity and fixed_cash sizing");
  }
  // duplicated values would only repeat work: each value once, in the order given
  const grid = Object.fromEntries(
    Object.entries(req.grid ?? strategy.grid).map(([k, v]) => [k, [...new Set(v)]]),
  );
  const known = Object.keys(
    (z.toJSONSchema(strategy.params, { io: "input", unrepresentable: "any" }) as {
      properties?: Record<string, unknown>;
    }).properties ?? {},
  );
  for (const name of Object.keys(grid)) {
    if (!known.includes(name)) {
      fail(`grid.${name}`, `unknown parameter; ${strategy.id} has ${known.join(", ")}`);
    }
  }
  const size = Object.values(grid).reduce((a, v) => a * v.length, 1);
  if (size > MAX_COMBINATIONS) fail("grid", `${size} combinations, at most ${MAX_COMBINATIONS}`);
  const combos: OptimisationPlan["combos"] = [];
  let skipped = 0;
  expandGrid(grid, req.fixed).forEach((p) => {
    const r = strategy.params.safeParse(p);
    if (r.success) combos.push({ index: combos.length, params: r.data as Record<string, unknown> });
    else skipped++;
  });
  if (combos.length === 0) fail("grid", "no combination satisfies the parameter constraints");
  const warm = Math.max(...combos.map((c) => strategy.warmup(c.params)));
  if (cols.close.length < warm + 2) {
    fail(
      "from",
      `range has ${cols.close.length} bars, the grid needs ${warm + 2} (warm-up ${warm} + 2)`,
    );
  }
  const axes = Object.entries(grid).filter(([, v]) => v.length > 1).map(([k]) => k);
  let heatmap: [string, string] | null = axes.length >= 2 ? [axes[0]!, axes[1]!] : null;
  if (req.heatmap) {
    for (const [k, p] of req.heatmap.entries()) {
      if (!axes.includes(p)) {
        fail(`heatmap.${k}`, `${p} is not a grid parameter with several values`);
      }
    }
    heatmap = req.heatmap;
  }
  let windows: WfWindow[] | null = null;
  if (req.walk_forward) {
    const { in_sample, out_of_sample } = req.walk_forward;
    if (in_sample <= warm + 2) {
      fail("walk_forward.in_sample", `must exceed the warm-up of ${warm} bars`);
    }
    windows = walkForwardWindows(cols.close.length, in_sample, out_of_sample);
    if (windows.length === 0) {
      fail(
        "walk_forward.in_sample",
        `the range has ${cols.close.length} bars, fewer than in_sample + 1`,
      );
    }
    if (windows.length > MAX_WINDOWS) {
      const least = Math.ceil((cols.close.length - in_sample) / MAX_WINDOWS);
      fail(
        "walk_forward.out_of_sample",
        `${windows.length} walk-forward windows, at most ${MAX_WINDOWS}: use out_of_sample ≥ ` +
          `${least} bars for this range, or a shorter range`,
      );
    }
  }
  const total = combos.length * (1 + (windows?.length ?? 0));
  if (total > MAX_EVALUATIONS) {
    const field = windows && combos.length <= MAX_EVALUATIONS ? "walk_forward" : "grid";
    fail(
      field,
      `${combos.length} combinations × ${
        1 + (windows?.length ?? 0)
      } (full range + walk-forward windows) = ${total} backtests, at most ${MAX_EVALUATIONS}: ` +
        "use fewer grid values or fewer walk-forward windows",
    );
  }
  return {
    strategy,
    cols,
    opts: toOptions(req),
    metric: req.metric,
    combos,
    skipped,
    heatmap,
    windows,
    total,
    workers: req.workers,
  };
}
