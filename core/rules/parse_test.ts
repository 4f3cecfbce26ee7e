import assert from "node:assert/strict";
import { MAX_NESTING, MAX_RULE_LENGTH, parseRule } from "./parse.ts";
import { RuleError } from "./rule_error.ts";

function error(text: string): RuleError {
  try {
    parseRule(text);
  } catch (e) {
    assert.ok(e instanceof RuleError, String(e));
    return e;
  }
  throw new Error(`"${text}" parsed`);
}

Deno.test("parseRule() - builds a tree whose nodes carry line/column spans", () => {
  const ast = parseRule("rsi(14) < 30\n  and close > sma(200)");
  assert.equal(ast.type, "logic");
  if (ast.type !== "logic") return;
  const [first, second] = ast.operands;
  assert.deepEqual(
    [first!.span.line, first!.span.column, first!.span.endLine, first!.span.endColumn],
    [1, 1, 1, 13],
  );
  assert.deepEqual([second!.span.line, second!.span.column, second!.span.endColumn], [2, 7, 23]);
});

Deno.test("parseRule() - precedence: not > comparison > and > or, arithmetic left to right", () => {
  const ast = parseRule("a or b and not c < 1 - 2 - 3");
  assert.equal(ast.type === "logic" && ast.op, "or");
  const sub = parseRule("10 - 2 - 3");
  assert.ok(sub.type === "arith" && sub.left.type === "arith", "left-associative");
});

Deno.test("parseRule() - parameters with defaults and ranges, named arguments, members, comments", () => {
  const ast = parseRule("sma($fast = 10 in 2..50) > 0 # a comment");
  assert.ok(ast.type === "compare" && ast.left.type === "call");
  if (ast.type !== "compare" || ast.left.type !== "call") return;
  assert.deepEqual(ast.left.args[0]!.value.type === "param" && ast.left.args[0]!.value.decl, {
    default: 10,
    min: 2,
    max: 50,
  });
  const p = parseRule('pattern("double_bottom", confirmed: true, within: 5)');
  assert.ok(p.type === "call" && p.args[1]!.name === "confirmed");
  const m = parseRule("macd(12, 26, 9).signal");
  assert.ok(m.type === "member" && m.field === "signal");
  assert.equal(parseRule("close CROSSES_ABOVE open AND TRUE").type, "logic");
});

Deno.test("parseRule() - a syntax error says what was expected and where", () => {
  const e = error("rsi(14) < ");
  assert.match(e.message, /^expected .*number.* but found end of rule$/);
  assert.deepEqual(e.details.span, { line: 1, column: 11, end_line: 1, end_column: 11 });
  const eq = error("rsi(14) = 30");
  assert.match(eq.message, /but found "="/);
  assert.deepEqual([eq.details.span.column, eq.details.span.end_column], [9, 10]);
  assert.equal(e.code, "rule_invalid");
});

Deno.test("parseRule() - refuses empty, over-long and over-nested rules", () => {
  assert.match(error("  # nothing").message, /empty/);
  const long = error("close > 1 and ".repeat(200) + "true");
  assert.match(long.message, new RegExp(`limit is ${MAX_RULE_LENGTH}`));
  assert.equal(long.details.span.column, MAX_RULE_LENGTH + 1);
  const deep = "(".repeat(MAX_NESTING + 1) + "close" + ")".repeat(MAX_NESTING + 1);
  assert.match(error(deep).message, /nests deeper than 32/);
  assert.equal(error(deep).details.span.column, MAX_NESTING + 1);
  parseRule("(".repeat(MAX_NESTING) + "close" + ")".repeat(MAX_NESTING));
});
