/**
 * Patterns and levels in the wire's snake_case (the analysis code keeps camelCase inside). Pure.
 *
 * @module
 */
import type { PatternMatchWire } from "@trading/shared/schemas";
import type { Level, PatternMatch } from "./types.ts";

/** A chart pattern as sent on the wire. */
export function patternToWire(p: PatternMatch): PatternMatchWire {
  return {
    kind: p.kind,
    start_index: p.startIndex,
    end_index: p.endIndex,
    start_date: p.startDate,
    end_date: p.endDate,
    pivots: p.pivots,
    direction: p.direction,
    breakout_level: p.breakoutLevel,
    target: p.target,
    invalidation: p.invalidation,
    confirmed: p.confirmed,
    confidence: p.confidence,
    criteria: p.criteria,
    criteria_codes: p.criteriaCodes ?? [],
    ...(p.lines ? { lines: p.lines } : {}),
  };
}

/** A support/resistance level as sent on the wire. */
export function levelToWire(l: Level) {
  return {
    price: l.price,
    kind: l.kind,
    touches: l.touches,
    first_index: l.firstIndex,
    last_index: l.lastIndex,
    first_date: l.firstDate,
    last_date: l.lastDate,
    strength: l.strength,
  };
}
