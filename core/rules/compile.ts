/**
 * Compiling a rule's text: parse, type-check with the `$parameter` values, and return the
 * nodes to evaluate (common sub-expressions once), its look-back and its cost per bar.
 *
 * @module
 */
import type { Expr } from "./ast.ts";
import { checkRule, declaredParams } from "./check.ts";
import type { Node, ValueKind } from "./nodes.ts";
import { parseRule } from "./parse.ts";
import { RuleError } from "./rule_error.ts";

/** A rule ready to evaluate on any symbol's bars. */
export interface CompiledRule {
  /** The text it was compiled from. */
  source: string;
  /** Per-bar output: `condition` (true/false) or `series` (numbers). */
  kind: ValueKind;
  /** The node whose values are the rule's. */
  root: Node;
  /** Every node, children first, each once. */
  nodes: Node[];
  /** Parameter values used, by name (given or declared defaults). */
  params: Record<string, number>;
  /** Bars of history before the rule can first be defined. */
  lookback: number;
  /** Sum of the nodes' relative costs per bar (for the evaluation budget). */
  cost: number;
}

/** Options of {@link compileRule}. */
export interface CompileOptions {
  /** Values of the rule's `$parameters` (declared defaults fill the rest). */
  params?: Readonly<Record<string, number>>;
  /** The output kind the caller needs (refused with a {@link RuleError} otherwise). */
  expect?: ValueKind;
  /** Which rule this is (`entry`, `columns.0`…), named in errors' `details.field`. */
  field?: string;
}

/**
 * Compiles a rule. Throws {@link RuleError} (code `rule_invalid`, with `details.span`) when it
 * does not parse, does not type-check, breaks a bound, or is not of the `expect`ed kind.
 *
 * @example
 * ```ts
 * import { compileRule } from "./compile.ts";
 * const rule = compileRule("rsi(14) < 30 and close > sma(200)", { expect: "condition" });
 * rule.lookback; // 199
 * ```
 */
export function compileRule(
  source: string,
  { params = {}, expect, field }: CompileOptions = {},
): CompiledRule {
  try {
    const ast = parseRule(source);
    const checked = checkRule(ast, params);
    if (expect && checked.kind !== expect) {
      throw new RuleError(
        expect === "condition"
          ? "this rule gives a number per bar; it needs a condition (true or false), e.g. add `> 0`"
          : "this rule gives true or false per bar; it needs a number (a series)",
        ast.span,
      );
    }
    return {
      source,
      kind: checked.kind,
      root: checked.root,
      nodes: checked.nodes,
      params: checked.params,
      lookback: checked.root.lookback,
      cost: checked.nodes.reduce((s, n) => s + n.cost, 0),
    };
  } catch (e) {
    if (e instanceof RuleError && field !== undefined) throw e.inField(field);
    throw e;
  }
}

/** A `$parameter` of a rule, as declared in its text. */
export interface RuleParamInfo {
  /** Name without the `$`. */
  name: string;
  /** Declared default (`$fast = 10`), if any. */
  default?: number;
  /** Declared smallest value (`in 2..50`), if any. */
  min?: number;
  /** Declared largest value, if any. */
  max?: number;
}

/**
 * The `$parameters` of a rule with their declared defaults and ranges (for an optimiser's
 * grid). Throws {@link RuleError} when the rule does not parse.
 *
 * @example
 * ```ts
 * import { ruleParams } from "./compile.ts";
 * ruleParams("sma($fast = 10 in 2..50) crosses_above sma($slow = 50)");
 * // [{ name: "fast", default: 10, min: 2, max: 50 }, { name: "slow", default: 50 }]
 * ```
 */
export function ruleParams(source: string): RuleParamInfo[] {
  const found = declaredParams(parseRule(source));
  return [...found.values()].map((e: Extract<Expr, { type: "param" }>) => ({
    name: e.name,
    ...(e.decl ?? {}),
  }));
}
