/**
 * The statistics of the analyst's track record: a seeded random generator, the Wilson interval
 * of a hit rate, percentiles, and the paired bootstrap interval of a mean difference with the
 * verdict it supports. Pure.
 *
 * @module
 */

/** Two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

/** Fewer decided calls than this: no verdict ("too_few_calls"). */
export const MIN_CALLS_FOR_VERDICT = 10;

/** What an interval of a difference says. */
export type Verdict = "edge" | "no_measurable_edge" | "below_baseline" | "too_few_calls";

/**
 * A seeded uniform generator on [0, 1) (mulberry32): the same seed gives the same draws, so
 * the random baselines and bootstrap intervals are reproducible.
 *
 * @example
 * ```ts
 * const r = seededRandom(42);
 * r(); // 0.6011037519201636, every time
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The Wilson score interval of `hits` successes in `n` trials (95 % by default); `[0, 1]` when
 * `n` is 0.
 *
 * @example
 * ```ts
 * wilson(50, 100); // [0.4038…, 0.5961…]
 * ```
 */
export function wilson(hits: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [0, 1];
  const p = hits / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The `q` quantile (0..1) of sorted `xs` by linear interpolation; NaN when empty. */
export function quantileSorted(xs: ArrayLike<number>, q: number): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

/** Mean of `xs`; NaN when empty. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length ? s / xs.length : NaN;
}

/**
 * The 95 % percentile bootstrap interval of a statistic of resampled indices: each of
 * `resamples` rounds draws `n` indices with replacement and calls `stat(indices, random)`.
 *
 * @example
 * ```ts
 * const d = [0.1, -0.2, 0.3];
 * bootstrap(d.length, (ix) => ix.reduce((s, i) => s + d[i]!, 0) / ix.length, { seed: 1 });
 * ```
 */
export function bootstrap(
  n: number,
  stat: (indices: Uint32Array, random: () => number) => number,
  { resamples = 2000, seed = 1 }: { resamples?: number; seed?: number } = {},
): [number, number] {
  if (n === 0) return [NaN, NaN];
  const random = seededRandom(seed);
  const ix = new Uint32Array(n);
  const out = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) ix[i] = Math.floor(random() * n);
    out[b] = stat(ix, random);
  }
  out.sort();
  return [quantileSorted(out, 0.025), quantileSorted(out, 0.975)];
}

/**
 * The verdict of a difference's interval `[low, high]` over `n` decided calls: an edge only
 * when the whole interval is above zero, below the baseline when it is all below.
 */
export function verdictOf(low: number, high: number, n: number): Verdict {
  if (n < MIN_CALLS_FOR_VERDICT || !Number.isFinite(low) || !Number.isFinite(high)) {
    return "too_few_calls";
  }
  if (low > 0) return "edge";
  if (high < 0) return "below_baseline";
  return "no_measurable_edge";
}
