/**
 * Straight lines through pivots and small scoring helpers shared by the chart-pattern
 * detectors. Private to core/patterns.
 *
 * @module
 */
import type { CriterionCode, CriterionParams } from "./criteria.ts";
import type { ConfirmedPivot } from "./zigzag.ts";

/** A line `price = intercept + slope × index`. */
export interface Line {
  /** Price change per bar. */
  slope: number;
  /** Price at index 0. */
  intercept: number;
}

/** Price of `line` at bar `index`. */
export function at(line: Line, index: number): number {
  return line.intercept + line.slope * index;
}

/** The line through two points. */
export function through(i0: number, p0: number, i1: number, p1: number): Line {
  const slope = (p1 - p0) / (i1 - i0);
  return { slope, intercept: p0 - slope * i0 };
}

/** Least-squares line through pivots (at least two, distinct indices). */
export function fit(points: readonly ConfirmedPivot[]): Line {
  const m = points.length;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const p of points) {
    sx += p.index;
    sy += p.price;
    sxx += p.index * p.index;
    sxy += p.index * p.price;
  }
  const den = m * sxx - sx * sx;
  const slope = den === 0 ? 0 : (m * sxy - sx * sy) / den;
  return { slope, intercept: (sy - slope * sx) / m };
}

/** Largest |pivot − line| over the points. */
export function maxResidual(points: readonly ConfirmedPivot[], line: Line): number {
  let worst = 0;
  for (const p of points) worst = Math.max(worst, Math.abs(p.price - at(line, p.index)));
  return worst;
}

/** Clamps to 0..1. */
export function unit(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0;
}

/** One scored criterion: weight, score in 0..1 and the template of the sentence shown. */
export interface Criterion {
  /** Relative weight. */
  w: number;
  /** Score 0..1. */
  s: number;
  /** Template of the sentence (`criteria.ts`). */
  code: CriterionCode;
  /** Its parameters. */
  params?: CriterionParams;
}

/** Weighted mean of criteria scores, rounded to 3 decimals. */
export function confidenceOf(criteria: readonly Criterion[]): number {
  let sw = 0, ss = 0;
  for (const c of criteria) {
    sw += c.w;
    ss += c.w * unit(c.s);
  }
  return sw > 0 ? Math.round((ss / sw) * 1000) / 1000 : 0;
}
