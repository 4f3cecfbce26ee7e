/**
 * Hit rates of a group of rated calls against each baseline: the difference, its 95 % paired
 * bootstrap interval and the verdict ("no measurable edge" unless the interval excludes zero).
 * The analytic S/(S+T) baseline is compared with the target-first rate of the calls that
 * reached their target or their stop (expired calls are left out of that comparison only);
 * the random-entry baselines with the hit rate of every decided call. Pure.
 *
 * @module
 */
import type { TrackAnalyst, TrackEdge, TrackGroup } from "@trading/shared/schemas";
import type { RatedCall } from "./baselines.ts";
import { bootstrap, mean, quantileSorted, verdictOf, wilson } from "./track_stats.ts";

/** Options of the bootstrap. */
export interface EdgeOptions {
  /** Bootstrap resamples (default 2000). */
  resamples?: number;
  /** Seed (default 7). */
  seed?: number;
}

const NO_EDGE: TrackEdge = {
  n: 0,
  baseline: null,
  baseline_low: null,
  baseline_high: null,
  difference: null,
  difference_low: null,
  difference_high: null,
  verdict: null,
};

/** The mean paired difference `a[i] - b[i]` with its bootstrap interval. */
export function pairedEdge(a: readonly number[], b: readonly number[], o: EdgeOptions = {}) {
  if (!a.length) return NO_EDGE;
  const d = a.map((x, i) => x - b[i]!);
  const [lo, hi] = bootstrap(d.length, (ix) => {
    let s = 0;
    for (const i of ix) s += d[i]!;
    return s / ix.length;
  }, o);
  return {
    ...NO_EDGE,
    n: d.length,
    baseline: mean(b),
    difference: mean(d),
    difference_low: lo,
    difference_high: hi,
    verdict: verdictOf(lo, hi, d.length),
  };
}

/**
 * The hit rate of `calls` against random entries: the baseline is the mean over draws (with the
 * 2.5–97.5 % band of the draws' rates, what a random caller with as many calls scores); the
 * difference interval is the paired bootstrap of each call's hit minus its random entries'
 * mean hit rate (known precisely from the draws), so only the analyst's own sampling noise
 * widens it, as for the S/(S+T) baseline.
 */
export function randomEdge(
  hits: readonly number[],
  draws: readonly Uint8Array[],
  o: EdgeOptions = {},
): TrackEdge {
  const n = hits.length;
  if (!n) return NO_EDGE;
  const m = draws[0]!.length;
  const rates = new Float64Array(m);
  for (let d = 0; d < m; d++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += draws[i]![d]!;
    rates[d] = s / n;
  }
  rates.sort();
  const edge = pairedEdge(hits, draws.map((x) => mean(x)), o);
  return {
    ...edge,
    baseline_low: quantileSorted(rates, 0.025),
    baseline_high: quantileSorted(rates, 0.975),
  };
}

/**
 * The statistics of one group of calls of one analyst.
 *
 * @example
 * ```ts
 * const g = groupStats([], { source: "rules", model: "rules", prompt_version: "rules-v1" }, "BUY+SELL", null);
 * g.hit_rate; // null: no decided calls (see trackReport for real groups)
 * ```
 */
export function groupStats(
  calls: readonly RatedCall[],
  analyst: TrackAnalyst,
  stance: TrackGroup["stance"],
  symbol: string | null,
  o: EdgeOptions = {},
): TrackGroup {
  return runSteps(groupStatsSteps(calls, analyst, stance, symbol, o));
}

/**
 * Runs a step generator (one that yields between slices of work) to its end without pausing.
 *
 * @example
 * ```ts
 * function* twoSteps() { yield; return 2; }
 * runSteps(twoSteps()); // 2
 * ```
 */
export function runSteps<T>(steps: Generator<void, T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * {@link groupStats} as steps: it yields after each of its four bootstrapped comparisons, so a
 * caller on a server can let other requests in between (each step is ~2,000 resamples).
 */
export function* groupStatsSteps(
  calls: readonly RatedCall[],
  analyst: TrackAnalyst,
  stance: TrackGroup["stance"],
  symbol: string | null,
  o: EdgeOptions = {},
): Generator<void, TrackGroup> {
  const decided = calls.filter((c) => c.hit !== null);
  const hits = decided.filter((c) => c.hit).length;
  const n = decided.length;
  const [lo, hi] = wilson(hits, n);
  const h = (c: RatedCall) => (c.hit ? 1 : 0);
  // S/(S+T) is the chance that the target comes before the stop once one of them is reached:
  // it is compared with the calls that reached a level (expired calls have no first passage).
  const analytic = decided.filter((c) => c.pAnalytic !== null && c.outcome !== "expired");
  const rd = decided.filter((c) => c.randomDate);
  const rs = decided.filter((c) => c.randomSide);
  const bh = decided.filter((c) => c.buyHold !== null && c.return !== null);
  const returns = decided.filter((c) => c.entry.stance !== "HOLD" && c.return !== null);
  const dates = decided.map((c) => c.entry.data_date).sort();
  const exits = decided.map((c) => c.exit_date ?? "").sort();
  const vsAnalytic = pairedEdge(analytic.map(h), analytic.map((c) => c.pAnalytic!), o);
  yield;
  const vsRandomDate = randomEdge(rd.map(h), rd.map((c) => c.randomDate!), o);
  yield;
  const vsRandomSide = randomEdge(rs.map(h), rs.map((c) => c.randomSide!), o);
  yield;
  const vsBuyHold = pairedEdge(bh.map((c) => c.return!), bh.map((c) => c.buyHold!), o);
  yield;
  return {
    ...analyst,
    stance,
    symbol,
    calls: calls.length,
    scored: n,
    hits,
    hit_rate: n ? hits / n : null,
    hit_rate_low: n ? lo : null,
    hit_rate_high: n ? hi : null,
    avg_return: returns.length ? mean(returns.map((c) => c.return!)) : null,
    period_from: dates[0] ?? null,
    period_to: exits.at(-1) ?? null,
    vs_analytic: vsAnalytic,
    vs_random_date: vsRandomDate,
    vs_random_side: vsRandomSide,
    vs_buy_hold: vsBuyHold,
  };
}
