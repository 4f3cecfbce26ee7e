/**
 * Evaluating a compiled rule over one symbol's bars: each node once, children first, through
 * the existing indicator functions (shared across rules and parameter sets by an
 * {@link IndicatorCache} keyed by canonical text). Synchronous, so bounded by a budget of
 * bars × node costs checked before any work.
 *
 * @module
 */
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import {
  arith,
  barsSince,
  compare,
  cross,
  logic,
  not,
  type Num,
  T,
  unary,
  windowed,
  within,
} from "./kernels.ts";
import { termValues } from "./_terms.ts";
import type { CompiledRule } from "./compile.ts";
import type { Node, Operand } from "./nodes.ts";
import { RuleError, wholeSpan } from "./rule_error.ts";

/** Default evaluation budget, in bars × relative node cost (≈ a few seconds of work). */
export const DEFAULT_BUDGET = 500_000_000;

/** Options of {@link evaluateRule}. */
export interface EvaluateOptions {
  /** Cache shared with other rules and parameter sets on the same bars (default: a fresh one). */
  cache?: IndicatorCache;
  /** Most bars × cost units allowed (default {@link DEFAULT_BUDGET}). */
  budget?: number;
}

type Values = Map<Node, Float64Array | Uint8Array>;

function num(o: Operand, v: ReadonlyMap<Node, Float64Array | Uint8Array>): Num {
  return typeof o === "number" ? o : v.get(o) as Float64Array;
}

/** One node's values over all of `cols`, from its inputs' values in `v`. */
export function computeNode(
  node: Node,
  cols: Cols,
  v: ReadonlyMap<Node, Float64Array | Uint8Array>,
  cache: IndicatorCache,
): Float64Array | Uint8Array {
  const n = cols.close.length;
  const cond = (x: Node) => v.get(x) as Uint8Array;
  const ser = (x: Node) => v.get(x) as Float64Array;
  switch (node.op) {
    case "field":
      return cols[node.field];
    case "indicator": {
      const src = node.source ? ser(node.source) : cols.close;
      const out = cache.get(`rule:call:${node.callKey}`, () =>
        node.spec.compute(node.params, {
          open: cols.open,
          high: cols.high,
          low: cols.low,
          close: src,
          volume: cols.volume,
        }));
      return out[node.output]!;
    }
    case "arith":
      return arith(node.arith, num(node.a, v), num(node.b, v), n);
    case "neg":
    case "abs":
      return unary(node.op, ser(node.a));
    case "compare":
      return compare(node.cmp, num(node.a, v), num(node.b, v), n);
    case "cross":
      return cross(node.above, num(node.a, v), num(node.b, v), n);
    case "and":
    case "or":
      return logic(node.op, node.inputs.map(cond), n);
    case "not":
      return not(cond(node.a));
    case "const":
      return new Uint8Array(n).fill(node.value ? T : 0);
    case "window":
      return windowed(node.fn, ser(node.a), node.n);
    case "within":
      return within(cond(node.a), node.n);
    case "bars_since":
      return barsSince(cond(node.a));
    default:
      return termValues(node, cols, cache);
  }
}

/** Throws {@link RuleError} when `units` exceeds `budget`. */
export function checkBudget(rule: CompiledRule, units: number, budget: number): void {
  if (units > budget) {
    throw new RuleError(
      `rule is too expensive to evaluate here (${Math.round(units / 1e6)}M units, limit ` +
        `${Math.round(budget / 1e6)}M); use fewer analysis terms or fewer bars`,
      wholeSpan(rule.source),
    );
  }
}

/**
 * The rule's values at every bar of `cols`: a `Uint8Array` of 0/1 for a condition (1 = true;
 * undefined during warm-up counts as not true), a `Float64Array` (NaN while undefined) for a
 * series. The value at bar i reads bars ≤ i only. Throws {@link RuleError} over budget.
 *
 * @example
 * ```ts
 * import { compileRule } from "./compile.ts";
 * import { evaluateRule } from "./evaluate.ts";
 * import type { OhlcvColumns as Cols } from "../market_data/series.ts";
 * function aboveTrend(cols: Cols): Uint8Array | Float64Array {
 *   return evaluateRule(compileRule("close > sma(50)"), cols); // Uint8Array of 0/1
 * }
 * ```
 */
export function evaluateRule(
  rule: CompiledRule,
  cols: Cols,
  { cache = new IndicatorCache(), budget = DEFAULT_BUDGET }: EvaluateOptions = {},
): Uint8Array | Float64Array {
  checkBudget(rule, cols.close.length * rule.cost, budget);
  const raw = evaluateRaw(rule, cols, cache);
  if (rule.kind === "series") return raw;
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw[i] === T ? 1 : 0;
  return out;
}

/**
 * The root's raw values (conditions three-valued: 0 false, 1 unknown, 2 true), sharing
 * `cache`. No budget check: callers check first.
 */
export function evaluateRaw(
  rule: CompiledRule,
  cols: Cols,
  cache: IndicatorCache,
): Float64Array | Uint8Array {
  const v: Values = new Map();
  for (const node of rule.nodes) {
    v.set(node, cache.get(node.cacheKey, () => computeNode(node, cols, v, cache)));
  }
  return v.get(rule.root)!;
}
