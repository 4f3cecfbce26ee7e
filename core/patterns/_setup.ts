/**
 * From a geometric setup (pivots + the two lines that bound it) to a {@link PatternMatch}:
 * scans the bars after the last pivot for the first close beyond either line, until the setup
 * expires or the data ends. Reads no bar after the returned match's `endIndex`. Private.
 *
 * @module
 */
import { volumeRatioAt } from "./_volume.ts";
import { confidenceOf, type Criterion, unit } from "./_geometry.ts";
import { criterionText } from "./criteria.ts";
import type {
  ChartPatternKind,
  Direction,
  OhlcvColumns,
  PatternLine,
  PatternMatch,
} from "./types.ts";
import type { ConfirmedPivot } from "./zigzag.ts";

/** What every detector receives. */
export interface DetectContext {
  /** The bars. */
  cols: OhlcvColumns;
  /** ATR(atrPeriod) of the bars. */
  atr: Float64Array;
  /** Bars averaged for the breakout volume ratio. */
  volumePeriod: number;
  /** Longest wait, in bars after the last pivot, for a breakout. */
  maxWait: number;
}

/** A pattern shape before its breakout is known. */
export interface Setup {
  /** Kind. */
  kind: ChartPatternKind;
  /** Pivots forming it, in order; the last one's `confirmedAt` is when the shape is known. */
  pivots: ConfirmedPivot[];
  /** bullish: a close above `upper` confirms, below `lower` fails; bearish: the reverse;
   * neutral: a close beyond either line confirms in that direction. */
  direction: Direction;
  /** Upper bound of the pattern at bar j. */
  upper: (j: number) => number;
  /** Lower bound of the pattern at bar j. */
  lower: (j: number) => number;
  /** Last bar at which a breakout still counts. */
  expiresAt: number;
  /** Target once broken at `level` in direction `side` (+1 up, −1 down). */
  target: (level: number, side: 1 | -1) => number | null;
  /** Criteria known before the breakout. */
  criteria: Criterion[];
  /** Segments to draw, ending at bar `end`. */
  lines: (end: number) => PatternLine[];
  /** First bar of the pattern when before the first pivot (a flag's pole). */
  start?: number;
}

/** Breakout-volume criterion at bar `j` (null: still pending). */
function volumeCriterion(ctx: DetectContext, j: number | null): Criterion {
  if (j === null) return { w: 0.2, s: 0.5, code: "breakout_volume_pending" };
  const r = volumeRatioAt(ctx.cols.volume, j, ctx.volumePeriod);
  if (r === null) return { w: 0.2, s: 0.5, code: "breakout_volume_no_history" };
  return {
    w: 0.2,
    s: unit((r - 0.7) / 0.8),
    code: "breakout_volume",
    params: { volume_ratio: r, bars: ctx.volumePeriod },
  };
}

/**
 * Resolves a setup against the following bars: confirmed (first close beyond the breakout
 * line), pending (data ends before expiry), or null (invalidated first, or expired).
 */
export function resolveSetup(ctx: DetectContext, setup: Setup): PatternMatch | null {
  const { close, dates } = ctx.cols;
  const n = close.length;
  const last = setup.pivots[setup.pivots.length - 1]!;
  const startIndex = setup.start ?? setup.pivots[0]!.index;
  const expires = Math.min(setup.expiresAt, last.index + ctx.maxWait);
  const stop = Math.min(expires, n - 1);
  let side: 1 | -1 | 0 = 0;
  let j = last.index + 1;
  for (; j <= stop; j++) {
    const c = close[j]!;
    if (c > setup.upper(j)) {
      if (setup.direction === "bearish") return null;
      side = 1;
      break;
    }
    if (c < setup.lower(j)) {
      if (setup.direction === "bullish") return null;
      side = -1;
      break;
    }
  }
  if (side === 0 && stop < n - 1) return null; // expired without a breakout
  const confirmed = side !== 0;
  const endIndex = confirmed ? Math.max(j, last.confirmedAt) : n - 1;
  const at = confirmed ? j : n - 1;
  const dir: Direction = side === 1 ? "bullish" : side === -1 ? "bearish" : setup.direction;
  const up = dir !== "bearish";
  const breakoutLevel = up ? setup.upper(at) : setup.lower(at);
  const invalidation = up ? setup.lower(at) : setup.upper(at);
  const target = setup.target(breakoutLevel, up ? 1 : -1);
  const criteria = [...setup.criteria, volumeCriterion(ctx, confirmed ? j : null)];
  const codes = criteria.map(({ code, params = {} }) => ({ code, params }));
  if (confirmed) {
    codes.push({
      code: up ? "closed_above" : "closed_below",
      params: { price: breakoutLevel, date: dates[j]! },
    });
  } else if (setup.direction === "neutral") {
    codes.push({
      code: "breaks_either_way",
      params: { upper: setup.upper(at), lower: setup.lower(at) },
    });
  }
  return {
    kind: setup.kind,
    startIndex,
    endIndex,
    startDate: dates[startIndex]!,
    endDate: dates[endIndex]!,
    pivots: setup.pivots.map(({ index, date, price, type }) => ({ index, date, price, type })),
    direction: dir,
    breakoutLevel,
    target: target !== null && Number.isFinite(target) ? target : null,
    invalidation,
    confirmed,
    confidence: confidenceOf(criteria),
    criteria: codes.map((c) => criterionText(c.code, c.params)),
    criteriaCodes: codes,
    lines: setup.lines(endIndex),
  };
}
