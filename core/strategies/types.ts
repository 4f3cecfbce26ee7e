/**
 * The strategy contract: a pure `decide(ctx)` over prepared indicators, with a zod schema of
 * its parameters (bounds included). The same object drives the backtester and the paper broker.
 *
 * @module
 */
import type { z } from "zod";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import type { IndicatorCache } from "../indicators/indicator_cache.ts";

/** A decision: the target position (−1 short, 0 flat, 1 long), optionally with exit levels. */
export interface Decision {
  /** Target position. */
  target: number;
  /** Protective stop price for the entry this decision opens. */
  stopLoss?: number;
  /** Take-profit price for the entry this decision opens. */
  takeProfit?: number;
}

/** What `decide` sees at bar `i`: only bars `0..i` may be read. */
export interface DecideContext<P, S> {
  /** Index of the bar that just closed. */
  i: number;
  /** All bars (read only `0..i`). */
  cols: Cols;
  /** Validated parameters. */
  params: P;
  /** What `prepare` returned (causal indicator arrays). */
  state: S;
  /** The strategy's previous decision (−1, 0, 1); use it for hysteresis. */
  target: number;
}

/** A trading strategy. */
export interface Strategy<P = Record<string, unknown>, S = unknown> {
  /** Stable id, e.g. `sma_cross`. */
  id: string;
  /** Display name. */
  name: string;
  /** One-paragraph description of the rules. */
  description: string;
  /** Parameter schema with defaults and bounds (validated at the edges). */
  params: z.ZodType<P>;
  /** Bars needed before the first meaningful decision. */
  warmup(params: P): number;
  /** Computes the causal indicator arrays `decide` reads (cached across calls by `cache`). */
  prepare(cols: Cols, params: P, cache: IndicatorCache): S;
  /** Decision at the close of bar `ctx.i`: a target position or a {@link Decision}. */
  decide(ctx: DecideContext<P, S>): number | Decision;
  /**
   * Optional vectorised equivalent of calling `decide` on every bar: writes each bar's target to
   * `out`. Must give exactly the targets of the decide loop (tested).
   */
  targets?(cols: Cols, params: P, state: S, out: Int8Array): void;
  /** Parameter ranges offered for a grid search (name → values). */
  grid: Record<string, readonly number[]>;
  /**
   * True when decisions may carry `stopLoss`/`takeProfit` levels. Only the general engine and
   * paper bots (the same broker steps, core/execution/position.ts) apply them, so such a
   * strategy is not offered to the optimiser (which runs the fast kernel on bare targets).
   */
  exitLevels?: boolean;
}

/** Whether the optimiser can evaluate `s` exactly (its decisions carry no exit levels). */
export function optimisable(s: AnyStrategy): boolean {
  return s.exitLevels !== true;
}

/** A strategy whose parameter types are erased, as held in the registry. */
// deno-lint-ignore no-explicit-any
export type AnyStrategy = Strategy<any, any>;

/**
 * The decide loop: the targets a strategy's `decide` gives on every bar of `cols`, written to
 * `out` (−1, 0, 1). This is the strategy-callback path, and the reference the vectorised
 * `targets` must match.
 */
export function decideAll<P, S>(
  strategy: Strategy<P, S>,
  cols: Cols,
  params: P,
  state: S,
  out: Int8Array,
): void {
  const ctx: DecideContext<P, S> = { i: 0, cols, params, state, target: 0 };
  const n = cols.close.length;
  for (let i = 0; i < n; i++) {
    ctx.i = i;
    const d = strategy.decide(ctx);
    const t = typeof d === "number" ? d : d.target;
    out[i] = t;
    ctx.target = t;
  }
}
