/**
 * The checked, compiled form of a rule: a list of nodes in evaluation order (children first),
 * each computed once and identified by its canonical text (`sma(close,200)`), so a
 * sub-expression written twice, or shared by an entry and an exit rule, is computed once.
 * Pure types.
 *
 * @module
 */
import type { IndicatorParams, IndicatorSpec } from "../indicators/registry.ts";
import type { ArithOp } from "./ast.ts";

/** What a node yields per bar: a number (`Float64Array`) or a condition (`Uint8Array`). */
export type ValueKind = "series" | "condition";

/** An operand that is a node or a number known at compile time. */
export type Operand = Node | number;

/** Comparison operators between two numbers per bar. */
export type CmpOp = "<" | "<=" | ">" | ">=" | "==" | "!=";

/** Window functions of a series over its last `n` bars. */
export type WindowFn = "prev" | "highest" | "lowest" | "change" | "pct_change";

/** Fields shared by every node. */
interface Base {
  /** Canonical text, the key of common sub-expressions. */
  key: string;
  /** `rule:` + key: its key in an `IndicatorCache` shared with strategies. */
  cacheKey: string;
  /** Per-bar output. */
  kind: ValueKind;
  /** Bars before the first bar at which the node can be defined. */
  lookback: number;
  /** Relative cost per bar, for the evaluation budget. */
  cost: number;
}

/** A node of a compiled rule. */
export type Node =
  & Base
  & (
    | { op: "field"; field: "open" | "high" | "low" | "close" | "volume" }
    | {
      op: "indicator";
      spec: IndicatorSpec;
      params: IndicatorParams;
      output: string;
      /** Key of the indicator call (all outputs), for sharing MACD's three lines. */
      callKey: string;
      source: Node | undefined;
    }
    | { op: "arith"; arith: ArithOp | "min" | "max"; a: Operand; b: Operand }
    | { op: "neg" | "abs"; a: Node }
    | { op: "compare"; cmp: CmpOp; a: Operand; b: Operand }
    | { op: "cross"; above: boolean; a: Operand; b: Operand }
    | { op: "and" | "or"; inputs: Node[] }
    | { op: "not"; a: Node }
    | { op: "const"; value: boolean }
    | { op: "window"; fn: WindowFn; a: Node; n: number }
    | { op: "within"; a: Node; n: number }
    | { op: "bars_since"; a: Node }
    | { op: "pattern"; pattern: string; within: number; minConfidence: number }
    | { op: "candle"; candle: string; within: number }
    | { op: "signal"; signal: string; within: number }
    | { op: "score" }
  );
