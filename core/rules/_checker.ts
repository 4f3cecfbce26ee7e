/**
 * The checker's state and helpers: typed values, node interning (common sub-expressions), the
 * parameter values in force, and errors at a span. Private to core/rules.
 *
 * @module
 */
import type { Expr, Span } from "./ast.ts";
import { MAX_LOOKBACK } from "./functions.ts";
import type { Node, Operand, ValueKind } from "./nodes.ts";
import { RuleError } from "./rule_error.ts";

/** A checked sub-expression: a compile-time constant or a per-bar node. */
export type Typed =
  | { t: "number"; v: number; span: Span }
  | { t: "string"; v: string; span: Span }
  | { t: "bool"; v: boolean; span: Span }
  | { t: ValueKind; node: Node; span: Span };

/** Words for the types in messages. */
export const TYPE_WORDS: Record<Typed["t"], string> = {
  number: "a number",
  string: "a string",
  bool: "true or false",
  series: "a series",
  condition: "a condition",
};

/** Distributes `Omit` over the node union. */
type DistOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A node before interning: its shared fields are filled by {@link Checker.node}. */
export type NodeInit = DistOmit<Node, "lookback" | "cost" | "key" | "cacheKey">;

/** Canonical text of an operand. */
export const keyOf = (o: Operand): string => typeof o === "number" ? String(o) : o.key;
/** Look-back of an operand. */
export const lookbackOf = (o: Operand): number => typeof o === "number" ? 0 : o.lookback;

/** State of one check: the interned nodes in evaluation order and the parameters used. */
export class Checker {
  /** Nodes in evaluation order (children before parents), each once. */
  readonly nodes: Node[] = [];
  readonly #byKey = new Map<string, Node>();
  /** Parameter values used, by name. */
  readonly used: Record<string, number> = {};

  /**
   * @param values parameter values given by the caller
   * @param decls parameter declarations found in the rule
   */
  constructor(
    readonly values: Readonly<Record<string, number>>,
    readonly decls: ReadonlyMap<string, Extract<Expr, { type: "param" }>>,
  ) {}

  /** A {@link RuleError} at `span`. */
  fail(message: string, span: Span): never {
    throw new RuleError(message, span);
  }

  /**
   * The node for `init` with canonical text `key`: the existing one when the same text was
   * seen before (computed once), else a new one. Checks the look-back bound.
   */
  node(init: NodeInit, key: string, lookback: number, cost: number, span: Span): Node {
    const seen = this.#byKey.get(key);
    if (seen) return seen;
    if (lookback > MAX_LOOKBACK) {
      this.fail(
        `this needs ${lookback} bars of history before it is defined; the limit is ${MAX_LOOKBACK}`,
        span,
      );
    }
    const n = { ...init, key, cacheKey: `rule:${key}`, lookback, cost } as Node;
    this.#byKey.set(key, n);
    this.nodes.push(n);
    return n;
  }

  /** The value of parameter `$name` (given, else its declared default). */
  param(e: Extract<Expr, { type: "param" }>): number {
    const decl = this.decls.get(e.name)?.decl;
    const v = this.values[e.name] ?? decl?.default;
    if (v === undefined) {
      this.fail(
        `parameter $${e.name} has no value: give one, or declare a default ($${e.name} = 10)`,
        e.span,
      );
    }
    if (!Number.isFinite(v)) this.fail(`parameter $${e.name} must be a finite number`, e.span);
    if (
      decl && ((decl.min !== undefined && v < decl.min) || (decl.max !== undefined && v > decl.max))
    ) {
      this.fail(
        `parameter $${e.name} = ${v} is outside its range ${decl.min}..${decl.max}`,
        e.span,
      );
    }
    this.used[e.name] = v;
    return v;
  }

  /** `x` as an operand of arithmetic or a comparison (a number or a series). */
  numeric(x: Typed, what: string): Operand {
    if (x.t === "number") return x.v;
    if (x.t === "series") return x.node;
    return this.fail(`${what} needs a number or a series, not ${TYPE_WORDS[x.t]}`, x.span);
  }

  /** `x` as a condition node (`true`/`false` become constant conditions). */
  condition(x: Typed, what: string): Node {
    if (x.t === "condition") return x.node;
    if (x.t === "bool") {
      return this.node({ op: "const", kind: "condition", value: x.v }, String(x.v), 0, 1, x.span);
    }
    return this.fail(`${what} needs a condition, not ${TYPE_WORDS[x.t]}`, x.span);
  }

  /** `x` as a series node. */
  series(x: Typed, what: string): Node {
    if (x.t === "series") return x.node;
    return this.fail(`${what} needs a series, not ${TYPE_WORDS[x.t]}`, x.span);
  }

  /** `x` as an integer number of bars in 1..max. */
  bars(x: Typed, what: string, max: number): number {
    if (x.t !== "number") {
      this.fail(
        `${what} needs a number of bars known before the rule runs (a number or a $parameter), ` +
          `not ${TYPE_WORDS[x.t]}`,
        x.span,
      );
    }
    if (!Number.isInteger(x.v) || x.v < 1 || x.v > max) {
      this.fail(`${what} must be a whole number of bars from 1 to ${max}, not ${x.v}`, x.span);
    }
    return x.v;
  }
}
