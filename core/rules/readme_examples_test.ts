// The README's worked examples of the rule language compile (as conditions), so the
// documentation cannot drift from the language.
import assert from "node:assert/strict";
import { compileRule } from "./compile.ts";

const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
const block = /```rule\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
const examples = block.split("\n").map((l) => l.trim()).filter(Boolean);

Deno.test("README - ten worked examples of the rule language, each a valid condition", () => {
  assert.equal(examples.length, 10, "the README's ```rule block holds ten examples");
  for (const rule of examples) {
    const compiled = compileRule(rule, { expect: "condition" });
    assert.ok(compiled.lookback >= 0, rule);
  }
});
