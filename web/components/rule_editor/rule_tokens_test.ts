import assert from "node:assert/strict";
import { completionsOf, spanOffsets, tokenize } from "./rule_tokens.ts";

Deno.test("tokenize() - keywords, functions, fields, parameters, numbers, strings and comments", () => {
  assert.deepEqual(
    tokenize('rsi($n = 14) crosses_above 30 AND close > 1.5e2 # note\npattern("double_bottom")'),
    [
      ["fn", "rsi"],
      ["op", "("],
      ["param", "$n"],
      ["op", "="],
      ["num", "14"],
      ["op", ")"],
      ["kw", "crosses_above"],
      ["num", "30"],
      ["kw", "AND"],
      ["field", "close"],
      ["op", ">"],
      ["num", "1.5e2"],
      ["comment", "# note"],
      ["fn", "pattern"],
      ["op", "("],
      ["str", '"double_bottom"'],
      ["op", ")"],
    ],
  );
  assert.deepEqual(tokenize("macd(12,26,9).signal")[8], ["op", "."]);
  assert.deepEqual(tokenize("android")[0], ["name", "android"], "a keyword prefix is a name");
});

Deno.test("spanOffsets() - 1-based line/column spans become clamped text offsets", () => {
  const text = "close > 1\nand rsl(14) < 30";
  assert.deepEqual(spanOffsets(text, { line: 2, column: 5, end_line: 2, end_column: 8 }), [14, 17]);
  assert.equal(text.slice(14, 17), "rsl");
  assert.deepEqual(spanOffsets("close >", { line: 1, column: 8, end_line: 1, end_column: 8 }), [
    6,
    7,
  ]);
  assert.deepEqual(spanOffsets("x", { line: 9, column: 9, end_line: 9, end_column: 12 }), [0, 1]);
});

Deno.test("completionsOf() - functions insert a call, fields their name", () => {
  const c = completionsOf([
    { name: "close", kind: "field", params: [], returns: "series", description: "", example: "" },
    {
      name: "macd",
      kind: "indicator",
      params: [{ name: "fast", type: "number", optional: true, default: 12 }],
      outputs: ["macd", "signal"],
      returns: "series",
      description: "MACD",
      example: "macd().signal",
    },
  ]);
  assert.deepEqual(c.map((x) => x.apply), ["close", "macd("]);
  assert.equal(c[1]!.detail, "(fast = 12) → .macd .signal");
});
