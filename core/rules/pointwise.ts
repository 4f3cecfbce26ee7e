/**
 * Evaluating a compiled rule at single bars, for the screener: the nodes that need history
 * (indicators and their sources, `highest`/`lowest`, `within`, `bars_since`, analysis terms)
 * are computed over the whole series as usual, and the rest (fields, arithmetic, comparisons,
 * crossings, logic, `prev`/`change`/`pct_change`) only at the bars asked for. Gives exactly
 * the values of the full evaluation (tested). Private to core/rules.
 *
 * @module
 */
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import type { IndicatorCache } from "../indicators/indicator_cache.ts";
import { F, T, U } from "./kernels.ts";
import type { CompiledRule } from "./compile.ts";
import { computeNode } from "./evaluate.ts";
import type { Node, Operand } from "./nodes.ts";

const HISTORY = new Set<Node["op"]>([
  "indicator",
  "within",
  "bars_since",
  "pattern",
  "candle",
  "signal",
  "score",
]);

function needsHistory(n: Node): boolean {
  return HISTORY.has(n.op) || (n.op === "window" && (n.fn === "highest" || n.fn === "lowest"));
}

function inputs(n: Node): Node[] {
  switch (n.op) {
    case "indicator":
      return n.source ? [n.source] : [];
    case "arith":
    case "compare":
    case "cross":
      return [n.a, n.b].filter((o): o is Node => typeof o !== "number");
    case "and":
    case "or":
      return n.inputs;
    case "neg":
    case "abs":
    case "not":
    case "window":
    case "within":
    case "bars_since":
      return [n.a];
    default:
      return [];
  }
}

/** The nodes of `rule` computed over the whole series (those needing history and their inputs). */
function wholeNodes(rule: CompiledRule): Node[] {
  const whole = new Set<Node>();
  for (let k = rule.nodes.length - 1; k >= 0; k--) {
    const n = rule.nodes[k]!;
    if (whole.has(n) || needsHistory(n)) {
      whole.add(n);
      for (const x of inputs(n)) whole.add(x);
    }
  }
  return rule.nodes.filter((n) => whole.has(n));
}

/** A rule prepared on one symbol's bars, answering its value at any bar. */
export class PointRule {
  readonly #full: Map<Node, Float64Array | Uint8Array>;
  readonly #cols: Cols;

  /**
   * Prepares `rule` on `cols` one whole-series node at a time, yielding after each, and
   * returns the prepared rule: a caller with a deadline can pause between nodes.
   */
  static *prepare(
    rule: CompiledRule,
    cols: Cols,
    cache: IndicatorCache,
  ): Generator<void, PointRule, void> {
    const full = new Map<Node, Float64Array | Uint8Array>();
    for (const n of wholeNodes(rule)) {
      full.set(n, cache.get(n.cacheKey, () => computeNode(n, cols, full, cache)));
      yield;
    }
    return new PointRule(cols, full);
  }

  /** Prepares `rule` on `cols` at once (the nodes that need history, over the whole series). */
  static of(rule: CompiledRule, cols: Cols, cache: IndicatorCache): PointRule {
    const steps = PointRule.prepare(rule, cols, cache);
    let r = steps.next();
    while (!r.done) r = steps.next();
    return r.value;
  }

  /**
   * @param cols the symbol's bars
   * @param full the whole-series nodes' values (see {@link PointRule.prepare})
   */
  constructor(cols: Cols, full: Map<Node, Float64Array | Uint8Array>) {
    this.#cols = cols;
    this.#full = full;
  }

  #num(o: Operand, i: number): number {
    return typeof o === "number" ? o : this.at(o, i);
  }

  /** The node's raw value at bar `i` (conditions: 0 false, 1 unknown, 2 true). */
  at(n: Node, i: number): number {
    const full = this.#full.get(n);
    if (full) return i < 0 ? (n.kind === "series" ? NaN : U) : full[i]!;
    if (i < 0) return n.kind === "series" ? NaN : U;
    switch (n.op) {
      case "field":
        return this.#cols[n.field][i]!;
      case "arith": {
        const x = this.#num(n.a, i), y = this.#num(n.b, i);
        switch (n.arith) {
          case "+":
            return x + y;
          case "-":
            return x - y;
          case "*":
            return x * y;
          case "/":
            return y === 0 ? NaN : x / y;
          default:
            return x !== x || y !== y ? NaN : n.arith === "min" ? Math.min(x, y) : Math.max(x, y);
        }
      }
      case "neg":
        return -this.at(n.a, i);
      case "abs":
        return Math.abs(this.at(n.a, i));
      case "compare": {
        const x = this.#num(n.a, i), y = this.#num(n.b, i);
        if (x !== x || y !== y) return U;
        const c = n.cmp;
        return (c === "<"
            ? x < y
            : c === "<="
            ? x <= y
            : c === ">"
            ? x > y
            : c === ">="
            ? x >= y
            : c === "=="
            ? x === y
            : x !== y)
          ? T
          : F;
      }
      case "cross": {
        const rel = (j: number) => {
          const x = this.#num(n.a, j), y = this.#num(n.b, j);
          return x !== x || y !== y ? U : (n.above ? x > y : x < y) ? T : F;
        };
        const r = rel(i);
        return r === T ? (i > 0 && rel(i - 1) === T ? F : T) : r;
      }
      case "and":
      case "or": {
        let acc = n.op === "and" ? T : F;
        for (const x of n.inputs) {
          const v = this.at(x, i);
          acc = n.op === "and" ? Math.min(acc, v) : Math.max(acc, v);
          if (acc === (n.op === "and" ? F : T)) break;
        }
        return acc;
      }
      case "not":
        return T - this.at(n.a, i);
      case "const":
        return n.value ? T : F;
      case "window": {
        if (i < n.n) return NaN;
        const p = this.at(n.a, i - n.n);
        if (n.fn === "prev") return p;
        const x = this.at(n.a, i);
        return n.fn === "change" ? x - p : p === 0 ? NaN : (x / p - 1) * 100;
      }
      default:
        throw new Error(`unreachable: ${n.op} is computed over the whole series`);
    }
  }
}
