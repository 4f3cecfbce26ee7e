import assert from "node:assert/strict";
import { compileRule, ruleParams } from "./compile.ts";
import { RuleError } from "./rule_error.ts";

function error(text: string, params: Record<string, number> = {}): RuleError {
  try {
    compileRule(text, { params });
  } catch (e) {
    assert.ok(e instanceof RuleError, String(e));
    return e;
  }
  throw new Error(`"${text}" compiled`);
}

Deno.test("compileRule() - a misspelt indicator is refused with a suggestion at its name", () => {
  const e = error("rsl(14) < 30");
  assert.equal(e.message, 'unknown indicator "rsl" — did you mean "rsi"?');
  assert.deepEqual(e.details.span, { line: 1, column: 1, end_line: 1, end_column: 4 });
  assert.match(
    error("bars_snce(close > 1)").message,
    /unknown function .* did you mean "bars_since"/,
  );
  assert.match(error("closer > 1").message, /did you mean "close"/);
});

Deno.test("compileRule() - parameter bounds come from the indicator registry", () => {
  const e = error("close > sma(close, 600)");
  assert.match(e.message, /sma: period must be an integer from 1 to 500, current value is 600/);
  assert.deepEqual([e.details.span.column, e.details.span.end_column], [20, 23]);
  assert.match(
    error("bollinger(20, 20).upper > close").message,
    /k must be a number from 0.1 to 10/,
  );
  assert.match(error("macd(30, 10, 9) > 0").message, /macd/);
  assert.match(error("rsi(14, 3) > 0").message, /takes 1 parameter/);
  assert.match(error("atr(close, 14) > 0").message, /takes no source/);
});

Deno.test("compileRule() - kinds are checked: series, condition, number", () => {
  assert.match(error("within(close, 3)").message, /within needs a condition, not a series/);
  assert.match(error("rsi(14) and close > 1").message, /"and" needs a condition, not a series/);
  assert.match(error("(close > 1) + 1").message, /needs a number or a series, not a condition/);
  assert.match(error("prev(close, close)").message, /number of bars known before the rule runs/);
  assert.match(error("prev(close, 6000)").message, /from 1 to 5000/);
  assert.match(error("42").message, /must be a condition or a series, not a number/);
  assert.match(error("bollinger(20, 2) > close").message, /choose one: .upper, .middle, .lower/);
  assert.match(error("stochastic(14, 3, 3).z > 1").message, /no output "z"/);
  assert.match(error('candle("hamer")').message, /did you mean "hammer"/);
  assert.match(error('pattern("double_bottom", confirmed: false)').message, /only confirmed/);
  assert.match(error("1 crosses_above 2").message, /never cross/);
  assert.match(error("close / 0 > 1").message, /division by zero/);
});

Deno.test("compileRule() - the look-back is bounded at 5,000 bars", () => {
  const e = error("prev(prev(sma(close, 500), 4000), 600) > 0");
  assert.match(e.message, /5099 bars of history .* limit is 5000/);
  assert.equal(compileRule("prev(sma(close, 500), 4000) > 0").lookback, 4499);
});

Deno.test("compileRule() - common sub-expressions become one node, keyed by canonical text", () => {
  const r = compileRule(
    "sma(10) > sma(close, 10) and SMA(10) > 0 and macd().signal < macd(12,26,9).macd",
  );
  const keys = r.nodes.map((n) => n.key);
  assert.equal(keys.filter((k) => k === "sma(close,10)").length, 1);
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(keys.includes("macd(close,12,26,9).signal") && keys.includes("macd(close,12,26,9)"));
  assert.equal(compileRule("1 + 2 * 3 < close").root.key, "(7<close)");
});

Deno.test("compileRule() - $parameters: given values, declared defaults and ranges", () => {
  const src = "sma($fast = 10 in 2..50) crosses_above sma($slow = 50)";
  assert.deepEqual(compileRule(src).params, { fast: 10, slow: 50 });
  assert.equal(
    compileRule(src, { params: { fast: 20 } }).root.key,
    "crosses_above(sma(close,20),sma(close,50))",
  );
  assert.match(error(src, { fast: 60 }).message, /outside its range 2..50/);
  assert.match(error("rsi(14) < $level").message, /\$level has no value/);
  assert.match(error("sma($p = 1000) > 0").message, /period must be an integer from 1 to 500/);
  assert.match(error("sma($p = 5) > sma($p = 6)").message, /declared twice/);
  assert.deepEqual(ruleParams(src), [{ name: "fast", default: 10, min: 2, max: 50 }, {
    name: "slow",
    default: 50,
  }]);
});

Deno.test("compileRule() - expect and field: the rule named in details.field", () => {
  try {
    compileRule("rsi(14)", { expect: "condition", field: "entry" });
    assert.fail("compiled");
  } catch (e) {
    assert.ok(e instanceof RuleError);
    assert.equal(e.details.field, "entry");
    assert.match(e.message, /needs a condition/);
  }
});
