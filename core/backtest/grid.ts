/**
 * Grid search: every combination of a strategy's parameter values, each backtested on the
 * fast kernel with indicator results cached across combinations (an SMA of period 20 is
 * computed once for all the combinations that use it). Pure.
 *
 * @module
 */
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { type AnyStrategy, decideAll } from "../strategies/types.ts";
import { simulateTargets } from "./kernel.ts";
import { computeMetrics, type Metrics, yearOf } from "./metrics.ts";
import type { CostOptions } from "../execution/options.ts";
import { type Cols, newTally } from "./types.ts";

/** Metrics a search can rank by (higher is better). */
export type ScoreMetric = "sharpe" | "sortino" | "calmar" | "total_return" | "cagr";

/** One evaluated combination. */
export interface GridRow {
  /** Index of the combination in {@link expandGrid}'s order. */
  index: number;
  /** The full validated parameters. */
  params: Record<string, unknown>;
  /** The ranking metric (null when undefined, e.g. no trades for Sharpe). */
  score: number | null;
  /** All metrics. */
  metrics: Metrics;
}

/**
 * The cartesian product of `grid` (name → values), each merged over `fixed`, in row-major order
 * of the grid's keys (the last key varies fastest).
 *
 * @example
 * ```ts
 * expandGrid({ fast: [5, 10], slow: [50, 100] }); // 4 combinations
 * ```
 */
export function expandGrid(
  grid: Record<string, readonly number[]>,
  fixed: Record<string, unknown> = {},
): Record<string, unknown>[] {
  let out: Record<string, unknown>[] = [{ ...fixed }];
  for (const [name, values] of Object.entries(grid)) {
    const next: Record<string, unknown>[] = [];
    for (const base of out) for (const v of values) next.push({ ...base, [name]: v });
    out = next;
  }
  return out;
}

/** Reusable buffers and cache of one series, so evaluating a combination allocates little. */
export class Evaluator {
  readonly cols: Cols;
  readonly strategy: AnyStrategy;
  readonly opts: CostOptions & { periodsPerYear?: number | undefined };
  readonly cache: IndicatorCache;
  readonly #targets: Int8Array;
  readonly #equity: Float64Array;

  /**
   * @param cols the bars
   * @param strategy the strategy
   * @param opts costs and sizing (protective exits are not applied by the kernel)
   * @param cache indicator cache (pass a `NoCache` for the naive baseline)
   */
  constructor(
    cols: Cols,
    strategy: AnyStrategy,
    opts: CostOptions & { periodsPerYear?: number | undefined },
    cache = new IndicatorCache(),
  ) {
    this.cols = cols;
    this.strategy = strategy;
    this.opts = opts;
    this.cache = cache;
    this.#targets = new Int8Array(cols.close.length);
    this.#equity = new Float64Array(cols.close.length);
  }

  /**
   * Targets of validated `params` on the whole series (vectorised when the strategy can).
   * The array is reused by the next call: copy it to keep it.
   */
  targets(params: unknown): Int8Array {
    const s = this.strategy;
    if (s.exitLevels) {
      throw new RangeError(
        `Cannot evaluate ${s.id} on the fast kernel: its decisions carry exit levels`,
      );
    }
    const state = s.prepare(this.cols, params, this.cache);
    if (s.targets) s.targets(this.cols, params, state, this.#targets);
    else decideAll(s, this.cols, params, state, this.#targets);
    return this.#targets;
  }

  /** Metrics of validated `params` over bars `start..end` (default all). */
  evaluate(params: unknown, start = 0, end = this.cols.close.length): Metrics {
    return this.evaluateTargets(this.targets(params), start, end);
  }

  /**
   * Metrics of already computed `targets` over bars `start..end`: the position the targets
   * hold at `start − 1` is entered at the open of `start`. Lets a walk-forward compute a
   * combination's targets once and simulate every window from them.
   */
  evaluateTargets(targets: Int8Array, start = 0, end = this.cols.close.length): Metrics {
    const tally = newTally();
    const initial = start > 0 ? targets[start - 1]! : 0;
    simulateTargets(this.cols, targets, this.opts, { start, end, initial }, this.#equity, tally);
    return computeMetrics(this.#equity, this.opts.cash, tally, {
      start: 0,
      end: end - start,
      ...yearOf(this.opts),
    });
  }
}

/** The score of metrics for a ranking metric. */
export function scoreOf(m: Metrics, metric: ScoreMetric): number | null {
  return m[metric];
}

/**
 * Evaluates every combination (already validated) and returns one row per combination in
 * order. `onProgress(done)` is called every `progressEvery` combinations.
 */
export function gridSearch(
  ev: Evaluator,
  combos: readonly { index: number; params: Record<string, unknown> }[],
  metric: ScoreMetric,
  { onProgress, progressEvery = 50, start, end }: {
    onProgress?: (done: number) => void;
    progressEvery?: number;
    start?: number;
    end?: number;
  } = {},
): GridRow[] {
  const rows: GridRow[] = [];
  for (let k = 0; k < combos.length; k++) {
    const { index, params } = combos[k]!;
    const metrics = ev.evaluate(params, start, end);
    rows.push({ index, params, score: scoreOf(metrics, metric), metrics });
    if (onProgress && (k + 1) % progressEvery === 0) onProgress(k + 1);
  }
  onProgress?.(combos.length);
  return rows;
}

/** Rows ranked best first (null scores last). */
export function rankRows(rows: readonly GridRow[]): GridRow[] {
  return [...rows].sort((a, b) =>
    (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.index - b.index
  );
}
