/**
 * Parsing a rule's text into its syntax tree, with the length and nesting bounds checked first
 * and Peggy's syntax errors turned into {@link RuleError}s that point at the text.
 *
 * @module
 */
import peggy from "peggy";
import type { Expr, Span } from "./ast.ts";
import { RULE_GRAMMAR } from "./_grammar.ts";
import { RuleError } from "./rule_error.ts";

/** Longest rule accepted, in characters. */
export const MAX_RULE_LENGTH = 2_000;
/** Deepest nesting of parentheses and calls accepted. */
export const MAX_NESTING = 32;

let parser: peggy.Parser | undefined;

/** The span of characters `[from, to)` of `text`. */
export function spanAt(text: string, from: number, to = from + 1): Span {
  const pos = (o: number) => {
    const before = text.slice(0, o).split("\n");
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const a = pos(from), b = pos(Math.max(from, to));
  return {
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    offset: from,
    endOffset: to,
  };
}

function checkNesting(text: string): void {
  let depth = 0, quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote || ch === "\n") quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "(" && ++depth > MAX_NESTING) {
      throw new RuleError(
        `rule nests deeper than ${MAX_NESTING} levels of parentheses`,
        spanAt(text, i),
      );
    } else if (ch === ")") depth--;
  }
}

function describe(e: peggy.parser.SyntaxError): string {
  const found = e.found === null ? "end of rule" : `"${e.found}"`;
  const names = new Set<string>();
  for (const x of (e.expected ?? []) as peggy.parser.Expectation[]) {
    if (x.type === "literal" && x.text !== "#") names.add(`"${x.text}"`);
    else if (x.type === "other") names.add(x.description);
    else if (x.type === "end") names.add("end of rule");
  }
  const list = [...names];
  const expected = list.length <= 1
    ? list.join("")
    : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
  return expected ? `expected ${expected} but found ${found}` : `unexpected ${found}`;
}

/**
 * Parses a rule into its syntax tree. Throws {@link RuleError} (with the span at fault) on a
 * syntax error, an empty rule, a rule over {@link MAX_RULE_LENGTH} characters or one nesting
 * parentheses deeper than {@link MAX_NESTING}.
 *
 * @example
 * ```ts
 * import { parseRule } from "./parse.ts";
 * const ast = parseRule("rsi(14) < 30 and close > sma(200)");
 * ast.type; // "logic"
 * ```
 */
export function parseRule(text: string): Expr {
  if (text.length > MAX_RULE_LENGTH) {
    throw new RuleError(
      `rule is ${text.length} characters long; the limit is ${MAX_RULE_LENGTH}`,
      spanAt(text, MAX_RULE_LENGTH, text.length),
    );
  }
  if (text.replace(/#[^\n]*/g, "").trim() === "") {
    throw new RuleError("rule is empty", spanAt(text, 0, text.length));
  }
  checkNesting(text);
  parser ??= peggy.generate(RULE_GRAMMAR);
  try {
    return parser.parse(text) as Expr;
  } catch (e) {
    if (!(e instanceof parser.SyntaxError)) throw e;
    const err = e as peggy.parser.SyntaxError;
    const { start, end } = err.location;
    throw new RuleError(
      describe(err),
      spanAt(text, start.offset, Math.max(end.offset, start.offset + 1)),
    );
  }
}
