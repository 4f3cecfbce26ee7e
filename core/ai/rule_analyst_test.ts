import assert from "node:assert/strict";
import { AnalystOutputSchema } from "@trading/shared/schemas";
import { checkCitations } from "./citations.ts";
import { buildFactsPack, type FactsPack } from "./facts.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import { levelProblems } from "./levels.ts";
import { RULE_HORIZON_DAYS, ruleAnalysis, ruleLevels } from "./rule_analyst.ts";
import { realSeries } from "./_test_series.ts";

Deno.test("ruleAnalysis() - AAPL 2018-05-11: the composite stance, ATR levels, cited reasons", () => {
  const pack = factsFromBars("AAPL", realSeries("AAPL"));
  const out = ruleAnalysis(pack, "en");
  assert.equal(out.stance, pack.score.stance);
  assert.equal(out.confidence, pack.score.confidence);
  assert.equal(out.entry, 188.59);
  assert.equal(out.horizon_days, RULE_HORIZON_DAYS);
  assert.match(out.reasons[0]!.text, /^Composite score [\d.-]+ on 2018-05-11 gives BUY/);
  assert.ok(out.reasons.some((r) => r.text.includes("RSI(14) = 69.24 on 2018-05-11")));
  assert.deepEqual(levelProblems(out, pack.last_price), []);
  assert.ok(checkCitations(out, pack).every((r) => r.verified));
});

Deno.test("ruleAnalysis() - deterministic and schema-valid in en, zh-TW and zh-CN", () => {
  const pack = factsFromBars("TSLA", realSeries("TSLA"));
  for (const lang of ["en", "zh-TW", "zh-CN"] as const) {
    const a = ruleAnalysis(pack, lang), b = ruleAnalysis(pack, lang);
    assert.deepEqual(a, b);
    assert.ok(AnalystOutputSchema.safeParse(a).success, lang);
    assert.ok(checkCitations(a, pack).every((r) => r.verified), lang);
  }
  assert.match(ruleAnalysis(pack, "zh-TW").summary, /綜合評分/);
  assert.match(ruleAnalysis(pack, "zh-CN").summary, /综合评分/);
});

Deno.test("ruleAnalysis() - every 100th bar of SPX: valid schema, sane ordered levels, verified citations", () => {
  const spx = realSeries("SPX");
  let count = 0;
  const stances = new Set<string>();
  for (let n = 40; n <= spx.close.length; n += 100) {
    const pack = buildFactsPack({ symbol: "SPX", cols: realSeries("SPX", n) });
    const out = ruleAnalysis(pack, "en");
    stances.add(out.stance);
    assert.ok(AnalystOutputSchema.safeParse(out).success, pack.data_date);
    assert.deepEqual(levelProblems(out, pack.last_price), [], pack.data_date);
    const bad = checkCitations(out, pack).filter((r) => !r.verified);
    assert.deepEqual(bad, [], pack.data_date);
    count++;
  }
  assert.ok(count > 40);
  assert.deepEqual([...stances].sort(), ["BUY", "HOLD", "SELL"]);
});

function pack(over: Partial<FactsPack>): FactsPack {
  return {
    symbol: "T",
    data_date: "2020-01-10",
    last_price: 100,
    bars: 300,
    facts: [],
    score: { value: 40, stance: "BUY", confidence: 0.6 },
    atr: 2,
    supports: [],
    resistances: [],
    patterns: [],
    backtest: null,
    ...over,
  };
}

Deno.test("ruleLevels() - uses the nearest support and resistance inside the ATR bands", () => {
  const p = pack({
    supports: [{ id: "s1", price: 99.5 }, { id: "s2", price: 96 }],
    resistances: [{ id: "r1", price: 101 }, { id: "r2", price: 108 }],
  });
  // support 99.5 is < 1 ATR away, 96 is 2 ATR: stop = 96 − ½ ATR; resistance 108 is 4 ATR.
  assert.deepEqual(ruleLevels(p, "BUY"), { entry: 100, target: 108, stop: 95 });
  // SELL: resistance within 1–3 ATR is none (101 is ½ ATR) → stop 2 ATR above; support 96.
  assert.deepEqual(ruleLevels(p, "SELL"), { entry: 100, target: 96, stop: 104 });
  assert.deepEqual(ruleLevels(p, "HOLD"), { entry: 100, target: 108, stop: 96 });
});

Deno.test("ruleLevels() - without levels: ±ATR multiples; a confirmed pattern target is used", () => {
  assert.deepEqual(ruleLevels(pack({}), "BUY"), { entry: 100, target: 106, stop: 96 });
  const withPattern = pack({
    patterns: [{
      id: "pattern.1",
      kind: "double_bottom",
      direction: "bullish",
      confirmed: true,
      breakout: 99,
      target: 110,
      invalidation: 94,
    }],
  });
  assert.equal(ruleLevels(withPattern, "BUY").target, 110);
  assert.deepEqual(ruleLevels(pack({ atr: null }), "SELL"), { entry: 100, target: 94, stop: 104 });
});
