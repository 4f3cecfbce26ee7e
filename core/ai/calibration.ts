/**
 * Calibration of the analyst's stated confidence: calls bucketed by confidence, the observed
 * hit rate per bucket, the Brier score, and a walk-forward re-mapping of confidence to the
 * measured rate. The mapping used for a call is fitted only on calls whose outcome was known
 * before it (exit before the first day of the call's year, or on/before the as-of date of a
 * live answer), so it never learns from the bars being scored. Pure.
 *
 * @module
 */

/** Bucket edges of stated confidence: [0, .5), [.5, .6), … [.9, 1]. */
export const CONFIDENCE_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;

/**
 * Pseudo-calls pulling a bucket's rate toward the overall rate of the training calls (a bucket
 * with few calls says little on its own).
 */
export const PRIOR_STRENGTH = 20;

/** One decided call as a probability forecast. */
export interface Forecast {
  /** Stated confidence, 0..1. */
  confidence: number;
  /** Whether it came true. */
  hit: boolean;
  /** Date of the call's data. */
  date: string;
  /** Date its outcome became known. */
  exitDate: string;
}

/** Counts per confidence bucket of the training calls. */
export interface CalibrationFit {
  /** Training calls. */
  n: number;
  /** Hits among them. */
  hits: number;
  /** Per bucket of {@link CONFIDENCE_EDGES}: calls and hits. */
  buckets: { n: number; hits: number }[];
}

/** Index of the bucket holding `confidence`. */
export function bucketOf(confidence: number): number {
  const last = CONFIDENCE_EDGES.length - 2;
  for (let b = 0; b < last; b++) if (confidence < CONFIDENCE_EDGES[b + 1]!) return b;
  return last;
}

/**
 * Counts hits per confidence bucket of `train`.
 *
 * @example
 * ```ts
 * const fit = fitCalibration([
 *   { confidence: 0.7, hit: true, date: "2019-03-01", exitDate: "2019-03-20" },
 *   { confidence: 0.7, hit: false, date: "2019-04-01", exitDate: "2019-04-12" },
 * ]);
 * fit.buckets[3]; // { n: 2, hits: 1 }
 * ```
 */
export function fitCalibration(train: readonly Forecast[]): CalibrationFit {
  const buckets = CONFIDENCE_EDGES.slice(1).map(() => ({ n: 0, hits: 0 }));
  let hits = 0;
  for (const f of train) {
    const b = buckets[bucketOf(f.confidence)]!;
    b.n++;
    if (f.hit) (b.hits++, hits++);
  }
  return { n: train.length, hits, buckets };
}

/**
 * The calibrated confidence of a stated `confidence`: the bucket's measured rate shrunk toward
 * the overall rate by {@link PRIOR_STRENGTH}; null when the fit has no calls.
 *
 * @example
 * ```ts
 * const fit = fitCalibration([{ confidence: 0.7, hit: false, date: "2019-03-01", exitDate: "2019-03-20" }]);
 * calibrate(fit, 0.73); // 0: one miss at this confidence (and overall)
 * ```
 */
export function calibrate(fit: CalibrationFit, confidence: number): number | null {
  if (fit.n === 0) return null;
  const b = fit.buckets[bucketOf(confidence)]!;
  const overall = fit.hits / fit.n;
  return (b.hits + PRIOR_STRENGTH * overall) / (b.n + PRIOR_STRENGTH);
}

/**
 * Walk-forward calibration: for each forecast of year Y, the calibrated confidence from a fit
 * on the forecasts whose outcome was known before Y began (null when there were none).
 *
 * @example
 * ```ts
 * walkForward([
 *   { confidence: 0.7, hit: true, date: "2019-03-01", exitDate: "2019-03-20" },
 *   { confidence: 0.7, hit: false, date: "2020-03-02", exitDate: "2020-03-20" },
 * ]); // [null, 1]: the 2020 call is mapped with the 2019 outcome only
 * ```
 */
export function walkForward(forecasts: readonly Forecast[]): (number | null)[] {
  const fits = new Map<string, CalibrationFit>();
  return forecasts.map((f) => {
    const start = `${f.date.slice(0, 4)}-01-01`;
    let fit = fits.get(start);
    if (!fit) {
      fit = fitCalibration(forecasts.filter((g) => g.exitDate < start));
      fits.set(start, fit);
    }
    return calibrate(fit, f.confidence);
  });
}

/** Mean squared error of probabilities `p` against outcomes; null when empty. */
export function brier(p: readonly number[], hit: readonly boolean[]): number | null {
  if (!p.length) return null;
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - (hit[i] ? 1 : 0)) ** 2;
  return s / p.length;
}

/** One row of a reliability table. */
export interface ReliabilityRow {
  /** Lower edge of stated confidence. */
  lo: number;
  /** Upper edge. */
  hi: number;
  /** Calls. */
  n: number;
  /** Hits. */
  hits: number;
  /** Mean stated confidence (null when empty). */
  stated: number | null;
  /** Mean baseline of the bucket's calls (null when none has one). */
  baseline: number | null;
  /** Mean walk-forward calibrated confidence of the bucket's calls that have one. */
  calibrated: number | null;
}

/** The reliability table of `forecasts` with their `baselines` and `calibrated` values. */
export function reliability(
  forecasts: readonly Forecast[],
  baselines: readonly (number | null)[],
  calibrated: readonly (number | null)[],
): ReliabilityRow[] {
  const acc = CONFIDENCE_EDGES.slice(1).map((hi, b) => ({
    lo: CONFIDENCE_EDGES[b]!,
    hi,
    n: 0,
    hits: 0,
    sc: 0,
    sb: [0, 0],
    sk: [0, 0],
  }));
  forecasts.forEach((f, i) => {
    const a = acc[bucketOf(f.confidence)]!;
    a.n++;
    if (f.hit) a.hits++;
    a.sc += f.confidence;
    const b = baselines[i], k = calibrated[i];
    if (b !== null && b !== undefined) (a.sb[0]! += b, a.sb[1]!++);
    if (k !== null && k !== undefined) (a.sk[0]! += k, a.sk[1]!++);
  });
  return acc.map((a) => ({
    lo: a.lo,
    hi: a.hi,
    n: a.n,
    hits: a.hits,
    stated: a.n ? a.sc / a.n : null,
    baseline: a.sb[1] ? a.sb[0]! / a.sb[1]! : null,
    calibrated: a.sk[1] ? a.sk[0]! / a.sk[1]! : null,
  }));
}
