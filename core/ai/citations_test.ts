import assert from "node:assert/strict";
import type { AnalystOutput } from "@trading/shared/schemas";
import { checkCitations, matchesValue, numbersIn } from "./citations.ts";
import type { FactsPack } from "./facts.ts";

Deno.test("numbersIn() - reads values, not dates, parameters, periods or indicator names", () => {
  assert.deepEqual(
    numbersIn("RSI(14) = 71.0 on 2018-05-11, above MA50 and the 52-week high 190.4; 1,234.5 vol"),
    [71.0, 190.4, 1234.5],
  );
  assert.deepEqual(numbersIn("MACD(12, 26, 9) histogram -2.33 fell 3.2% in 20 trading days"), [
    -2.33,
    3.2,
  ]);
  assert.deepEqual(numbersIn("2018-05-11 RSI(14) = 69.24，20 日均量的 0.7056 倍，5個交易日"), [
    69.24,
    0.7056,
  ]);
});

Deno.test("matchesValue() - accepts the value as rounded by the writer, nothing looser", () => {
  assert.ok(matchesValue(188.6, 188.59));
  assert.ok(matchesValue(189, 188.59));
  assert.ok(matchesValue(-3.2, 3.21));
  assert.ok(!matchesValue(190, 188.59));
  assert.ok(!matchesValue(71.5, 69.24));
});

const pack: FactsPack = {
  symbol: "T",
  data_date: "2018-05-11",
  last_price: 188.59,
  bars: 1260,
  facts: [
    { id: "ind.rsi_14", label: "RSI(14)", value: 69.24, date: "2018-05-11" },
    { id: "price.close", label: "Close", value: 188.59, date: "2018-05-11" },
    { id: "signal.1", label: "BUY signal x: MA20 174.19 crossed", value: "x", date: "2018-05-10" },
  ],
  score: { value: 30, stance: "BUY", confidence: 0.55 },
  atr: 3.89,
  supports: [],
  resistances: [],
  patterns: [],
  backtest: null,
};

function output(reasons: AnalystOutput["reasons"]): AnalystOutput {
  return {
    stance: "BUY",
    confidence: 0.6,
    horizon_days: 20,
    entry: 188.59,
    target: 200.27,
    stop: 180.8,
    summary: "s",
    reasons,
    risks: ["r"],
    invalidation: "i",
  };
}

Deno.test("checkCitations() - verifies cited facts, flags invented numbers and unknown ids", () => {
  const [good, invented, unknown, uncited] = checkCitations(
    output([
      {
        text: "RSI(14) = 69.2 on 2018-05-11; MA20 174.19; target 200.27 (60%)",
        fact_ids: [
          "ind.rsi_14",
        ],
      },
      { text: "RSI(14) is 75.3, overbought", fact_ids: ["ind.rsi_14"] },
      { text: "Close 188.59", fact_ids: ["price.close", "ind.made_up"] },
      { text: "Momentum is strong", fact_ids: [] },
    ]),
    pack,
  );
  assert.deepEqual(good!.unverified_values, []);
  assert.equal(good!.verified, true);
  assert.deepEqual(good!.fact_refs, [{
    id: "ind.rsi_14",
    label: "RSI(14)",
    value: 69.24,
    date: "2018-05-11",
  }]);
  assert.deepEqual(invented!.unverified_values, [75.3]);
  assert.equal(invented!.verified, false);
  assert.deepEqual(unknown!.unknown_fact_ids, ["ind.made_up"]);
  assert.equal(unknown!.verified, false);
  assert.equal(uncited!.verified, false, "a reason must cite at least one fact");
});
