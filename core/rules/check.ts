/**
 * The type checker: from a syntax tree to compiled nodes, checking kinds (number, series,
 * condition), arity, parameter bounds (from the indicator registry) and the look-back bound,
 * folding constants and interning common sub-expressions by their canonical text.
 *
 * @module
 */
import { findIndicator, indicatorNames } from "../indicators/registry.ts";
import type { Arg, Expr, Span } from "./ast.ts";
import { Checker, keyOf, lookbackOf, type NodeInit, type Typed } from "./_checker.ts";
import { BUILTIN_NAMES, builtinCall } from "./_builtin_call.ts";
import { indicatorCall } from "./_indicator_call.ts";
import type { Node, Operand, ValueKind } from "./nodes.ts";
import { closest, didYouMean } from "./suggest.ts";

const FIELDS = new Set(["open", "high", "low", "close", "volume"]);

/** The result of checking a rule. */
export interface CheckedRule {
  /** The node whose values the rule yields. */
  root: Node;
  /** Every node, children first, each once. */
  nodes: Node[];
  /** Per-bar output kind. */
  kind: ValueKind;
  /** Parameter values used, by name. */
  params: Record<string, number>;
}

function collectParams(e: Expr, out: Map<string, Extract<Expr, { type: "param" }>>): void {
  switch (e.type) {
    case "param": {
      const prev = out.get(e.name);
      if (e.decl && prev?.decl) {
        throw new Checker({}, out).fail(`parameter $${e.name} is declared twice`, e.span);
      }
      if (!prev || e.decl) out.set(e.name, e);
      return;
    }
    case "call":
      for (const a of e.args) collectParams(a.value, out);
      return;
    case "member":
      return collectParams(e.object, out);
    case "neg":
    case "not":
      return collectParams(e.operand, out);
    case "arith":
    case "compare":
      collectParams(e.left, out);
      return collectParams(e.right, out);
    case "logic":
      for (const o of e.operands) collectParams(o, out);
      return;
  }
}

/** Every `$parameter` of a rule with its declaration (default and range), if any. */
export function declaredParams(ast: Expr): Map<string, Extract<Expr, { type: "param" }>> {
  const out = new Map<string, Extract<Expr, { type: "param" }>>();
  collectParams(ast, out);
  return out;
}

function allNames(): string[] {
  return [...FIELDS, ...indicatorNames(), ...BUILTIN_NAMES];
}

function call(c: Checker, name: string, args: Arg[], span: Span, nameSpan: Span, field?: {
  name: string;
  span: Span;
}): Typed {
  const lower = name.toLowerCase();
  const typed = (a: Arg) => expr(c, a.value);
  const spec = findIndicator(lower);
  if (spec) return indicatorCall(c, spec, args, typed, span, field);
  if (field) c.fail(`only an indicator's outputs can be chosen with "."`, field.span);
  if (BUILTIN_NAMES.includes(lower)) return builtinCall(c, lower, args, typed, span);
  if (FIELDS.has(lower)) c.fail(`${lower} is a price field; write it without parentheses`, span);
  const near = closest(lower, allNames());
  const what = near === undefined
    ? "indicator or function"
    : BUILTIN_NAMES.includes(near)
    ? "function"
    : FIELDS.has(near)
    ? "name"
    : "indicator";
  return c.fail(`unknown ${what} "${name}"${didYouMean(name, allNames())}`, nameSpan);
}

function arith(c: Checker, e: Extract<Expr, { type: "arith" }>): Typed {
  const a = c.numeric(expr(c, e.left), `"${e.op}"`);
  const b = c.numeric(expr(c, e.right), `"${e.op}"`);
  if (e.op === "/" && b === 0) c.fail("division by zero", e.right.span);
  if (typeof a === "number" && typeof b === "number") {
    const v = e.op === "+" ? a + b : e.op === "-" ? a - b : e.op === "*" ? a * b : a / b;
    return { t: "number", v, span: e.span };
  }
  const init: NodeInit = { op: "arith", kind: "series", arith: e.op, a, b };
  const key = `(${keyOf(a)}${e.op}${keyOf(b)})`;
  const node = c.node(init, key, Math.max(lookbackOf(a), lookbackOf(b)), 1, e.span);
  return { t: "series", node, span: e.span };
}

function compare(c: Checker, e: Extract<Expr, { type: "compare" }>): Typed {
  const a = c.numeric(expr(c, e.left), `"${e.op}"`);
  const b = c.numeric(expr(c, e.right), `"${e.op}"`);
  return { t: "condition", node: compareNodes(c, e.op, a, b, e.span), span: e.span };
}

/** The node of `a op b` (a comparison or a crossing). */
export function compareNodes(
  c: Checker,
  op: Extract<Expr, { type: "compare" }>["op"],
  a: Operand,
  b: Operand,
  span: Span,
): Node {
  const lb = Math.max(lookbackOf(a), lookbackOf(b));
  if (op === "crosses_above" || op === "crosses_below") {
    if (typeof a === "number" && typeof b === "number") {
      c.fail(`${op} needs at least one series; two numbers never cross`, span);
    }
    const init: NodeInit = { op: "cross", kind: "condition", above: op === "crosses_above", a, b };
    return c.node(init, `${op}(${keyOf(a)},${keyOf(b)})`, lb + 1, 1, span);
  }
  if (typeof a === "number" && typeof b === "number") {
    const v = op === "<"
      ? a < b
      : op === "<="
      ? a <= b
      : op === ">"
      ? a > b
      : op === ">="
      ? a >= b
      : op === "=="
      ? a === b
      : a !== b;
    return c.node({ op: "const", kind: "condition", value: v }, String(v), 0, 1, span);
  }
  const init: NodeInit = { op: "compare", kind: "condition", cmp: op, a, b };
  return c.node(init, `(${keyOf(a)}${op}${keyOf(b)})`, lb, 1, span);
}

/** Checks one sub-expression. */
export function expr(c: Checker, e: Expr): Typed {
  switch (e.type) {
    case "number":
      return { t: "number", v: e.value, span: e.span };
    case "string":
      return { t: "string", v: e.value, span: e.span };
    case "bool":
      return { t: "bool", v: e.value, span: e.span };
    case "param":
      return { t: "number", v: c.param(e), span: e.span };
    case "ident": {
      const lower = e.name.toLowerCase();
      if (FIELDS.has(lower)) {
        const node = c.node(
          { op: "field", kind: "series", field: lower as "close" },
          lower,
          0,
          0,
          e.span,
        );
        return { t: "series", node, span: e.span };
      }
      return call(c, e.name, [], e.span, e.span);
    }
    case "call":
      return call(c, e.name, e.args, e.span, e.nameSpan);
    case "member": {
      const o = e.object;
      if (o.type !== "call" && o.type !== "ident") {
        return c.fail(`only an indicator's outputs can be chosen with "."`, e.fieldSpan);
      }
      const args = o.type === "call" ? o.args : [];
      const nameSpan = o.type === "call" ? o.nameSpan : o.span;
      return call(c, o.name, args, e.span, nameSpan, { name: e.field, span: e.fieldSpan });
    }
    case "neg": {
      const x = c.numeric(expr(c, e.operand), `"-"`);
      if (typeof x === "number") return { t: "number", v: -x, span: e.span };
      const node = c.node(
        { op: "neg", kind: "series", a: x },
        `(-${x.key})`,
        x.lookback,
        1,
        e.span,
      );
      return { t: "series", node, span: e.span };
    }
    case "not": {
      const x = c.condition(expr(c, e.operand), `"not"`);
      const node = c.node(
        { op: "not", kind: "condition", a: x },
        `not(${x.key})`,
        x.lookback,
        1,
        e.span,
      );
      return { t: "condition", node, span: e.span };
    }
    case "arith":
      return arith(c, e);
    case "compare":
      return compare(c, e);
    case "logic": {
      const inputs = e.operands.map((o) => c.condition(expr(c, o), `"${e.op}"`));
      const key = `${e.op}(${inputs.map((n) => n.key).join(",")})`;
      const lb = Math.max(...inputs.map((n) => n.lookback));
      const node = c.node({ op: e.op, kind: "condition", inputs }, key, lb, 1, e.span);
      return { t: "condition", node, span: e.span };
    }
  }
}

/**
 * Type-checks a parsed rule with the given `$parameter` values (declared defaults fill the
 * rest) and returns its nodes. Throws {@link RuleError} at the span at fault. A rule must
 * yield a series or a condition (a bare number is refused).
 *
 * @example
 * ```ts
 * import { parseRule } from "./parse.ts";
 * import { checkRule } from "./check.ts";
 * const checked = checkRule(parseRule("sma($fast = 10) > sma(50)"), { fast: 20 });
 * checked.root.key; // "(sma(close,20)>sma(close,50))"
 * ```
 */
export function checkRule(ast: Expr, values: Readonly<Record<string, number>> = {}): CheckedRule {
  const c: Checker = new Checker(values, declaredParams(ast));
  const x = expr(c, ast);
  if (x.t !== "series" && x.t !== "condition") {
    if (x.t === "bool") {
      const root = c.condition(x, "a rule");
      return { root, nodes: c.nodes, kind: "condition", params: c.used };
    }
    return c.fail(
      `a rule must be a condition or a series, not ${x.t === "number" ? "a number" : "a string"}`,
      x.span,
    );
  }
  return { root: x.node, nodes: c.nodes, kind: x.t, params: c.used };
}
