/**
 * Per-symbol mutable state of the engine (private to core/backtest). Pure.
 *
 * @module
 */
import type { Decision } from "../strategies/types.ts";
import type { EngineInput } from "./engine.ts";
import type { ExitReason } from "./types.ts";

/** The engine's bookkeeping for one symbol. */
export interface Book {
  input: EngineInput;
  /** Next unread bar. */
  ptr: number;
  /** Bar at the current date, or −1. */
  cur: number;
  /** Position direction (−1, 0, 1) and size. */
  dir: number;
  qty: number;
  entryPrice: number;
  entryFee: number;
  entryBar: number;
  /** Bars held including the current one. */
  held: number;
  /** Best price since entry (highest high long, lowest low short). */
  best: number;
  /** Protective levels of the open position (NaN: none). */
  stop: number;
  take: number;
  /** Latest close. */
  mark: number;
  /** Last decision and the target waiting for the next open (NaN: none). */
  last: number;
  pending: number;
  exitReason: ExitReason | null;
  /** Levels given with the decision that is pending, and those of the current bar. */
  levels: Decision;
  nextLevels: Decision | null;
}

/** A flat book for an input. */
export function newBook(input: EngineInput): Book {
  return {
    input,
    ptr: 0,
    cur: -1,
    dir: 0,
    qty: 0,
    entryPrice: 0,
    entryFee: 0,
    entryBar: 0,
    held: 0,
    best: 0,
    stop: NaN,
    take: NaN,
    mark: 0,
    last: 0,
    pending: NaN,
    exitReason: null,
    levels: { target: 0 },
    nextLevels: null,
  };
}

/** Sorted union of the inputs' dates. */
export function unionDates(inputs: readonly EngineInput[]): string[] {
  const set = new Set<string>();
  for (const inp of inputs) for (const d of inp.cols.dates) set.add(d);
  return [...set].sort();
}
