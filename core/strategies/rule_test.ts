import assert from "node:assert/strict";
import { RuleError } from "../rules/rule_error.ts";
import { ruleStrategyFor } from "./rule_for.ts";
import { ruleStrategy } from "./rule.ts";

Deno.test("ruleStrategyFor() - names the rules' $parameters with bounds, defaults and a grid", () => {
  const s = ruleStrategyFor({
    entry: "rsi($n = 14 in 5..30) < $low",
    exit: "rsi($n) > 50",
  });
  assert.deepEqual(s.grid, { n: [5, 10, 15, 20, 25, 30] });
  assert.equal(s.params.safeParse({ low: 30 }).success, true);
  assert.equal(s.params.safeParse({}).success, false, "$low has no default");
  assert.equal(s.params.safeParse({ low: 30, n: 40 }).success, false, "out of its range");
  assert.equal(s.params.safeParse({ low: 30, x: 1 }).success, false, "unknown parameter");
  // a combination the indicator registry refuses is refused by the schema (a grid skips it)
  const sma = ruleStrategyFor({ entry: "close > sma($p = 20)" });
  assert.equal(sma.params.safeParse({ p: 0 }).success, false);
  assert.equal(sma.warmup(sma.params.parse({ p: 30 })), 29);
});

Deno.test("ruleStrategyFor() - a broken or reserved rule throws RuleError naming params.<field>", () => {
  const field = (raw: unknown) => {
    try {
      ruleStrategyFor(raw);
    } catch (e) {
      assert.ok(e instanceof RuleError);
      return e.details.field;
    }
    return null;
  };
  assert.equal(field({ entry: "close > 1", short_entry: "close >" }), "params.short_entry");
  assert.equal(field({ entry: "close > $exit" }), "params.entry");
  assert.equal(field({ entry: "close > sma($p)", p: 0 }), "params.entry");
  assert.equal(field({ entry: "close > sma($p)" }), null, "no value yet: left to the schema");
  assert.equal(ruleStrategyFor({ entry: 3 }), ruleStrategy, "bad text: the schema reports it");
});
