/**
 * The syntax tree of a rule, as the parser builds it: every node carries the span of source
 * text it came from, so a type error can point at it. Pure types.
 *
 * @module
 */

/** A range of rule text: 1-based line and column of its first and one-past-last character. */
export interface Span {
  /** Line of the first character (1-based). */
  line: number;
  /** Column of the first character (1-based). */
  column: number;
  /** Line of the character after the range. */
  endLine: number;
  /** Column of the character after the range. */
  endColumn: number;
  /** Offset of the first character (0-based, UTF-16 units). */
  offset: number;
  /** Offset of the character after the range. */
  endOffset: number;
}

/** Comparison and crossing operators (binary, non-associative). */
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=" | "crosses_above" | "crosses_below";

/** Arithmetic operators. */
export type ArithOp = "+" | "-" | "*" | "/";

/** A parameter declaration: `$fast = 10 in 2..50`. */
export interface ParamDecl {
  /** Default value. */
  default: number;
  /** Smallest value offered (optional). */
  min?: number;
  /** Largest value offered (optional). */
  max?: number;
}

/** One argument of a call, positional (`14`) or named (`within: 5`). */
export interface Arg {
  /** Name of a named argument. */
  name?: string;
  /** The value. */
  value: Expr;
  /** Span of the whole argument. */
  span: Span;
}

/** A node of the syntax tree. */
export type Expr =
  | { type: "number"; value: number; span: Span }
  | { type: "string"; value: string; span: Span }
  | { type: "bool"; value: boolean; span: Span }
  | { type: "param"; name: string; decl?: ParamDecl; span: Span }
  | { type: "ident"; name: string; span: Span }
  | { type: "call"; name: string; nameSpan: Span; args: Arg[]; span: Span }
  | { type: "member"; object: Expr; field: string; fieldSpan: Span; span: Span }
  | { type: "neg"; operand: Expr; span: Span }
  | { type: "not"; operand: Expr; span: Span }
  | { type: "arith"; op: ArithOp; left: Expr; right: Expr; span: Span }
  | { type: "compare"; op: CompareOp; left: Expr; right: Expr; span: Span }
  | { type: "logic"; op: "and" | "or"; operands: Expr[]; span: Span };
