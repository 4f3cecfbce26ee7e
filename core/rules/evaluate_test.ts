import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { macd, rsi, sma } from "../indicators/mod.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { firstBars, seriesFromBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { compileRule } from "./compile.ts";
import { evaluateRaw, evaluateRule } from "./evaluate.ts";
import { PointRule } from "./pointwise.ts";
import { RuleError } from "./rule_error.ts";

const load = async (s: string): Promise<Cols> =>
  seriesFromBars(
    s,
    parseOhlcvCsv(await Deno.readTextFile(bundledCsvUrl(s)))
      .bars,
  );
const aapl = await load("AAPL");
const goog = await load("GOOG");

const ev = (rule: string, cols: Cols = aapl) => evaluateRule(compileRule(rule), cols);
const plain = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? null : x));

Deno.test("evaluateRule() - indicator terms are the registry's functions, sources included", () => {
  assert.deepEqual(plain(ev("sma(volume, 20)")), plain(sma(aapl.volume, 20)));
  assert.deepEqual(plain(ev("sma(200)")), plain(sma(aapl.close, 200)));
  assert.deepEqual(plain(ev("macd(12, 26, 9).signal")), plain(macd(aapl.close).signal));
  assert.deepEqual(plain(ev("rsi(sma(5), 14)")), plain(rsi(sma(aapl.close, 5), 14)));
  const r = rsi(aapl.close, 14), s200 = sma(aapl.close, 200);
  const both = ev("rsi(14) < 30 and close > sma(200)");
  for (let i = 0; i < both.length; i++) {
    assert.equal(both[i], r[i]! < 30 && aapl.close[i]! > s200[i]! ? 1 : 0, `bar ${i}`);
  }
});

Deno.test("evaluateRule() - each distinct sub-expression is computed once", () => {
  const cache = new IndicatorCache();
  const rule = compileRule("sma(10) > sma(50) and prev(sma(10), 1) < prev(sma(50), 1)");
  evaluateRule(rule, aapl, { cache });
  const misses = cache.misses;
  assert.equal(misses, rule.nodes.length + 2, "one per node plus one per indicator call");
  evaluateRule(compileRule("sma(10) crosses_above sma(50)"), aapl, { cache });
  assert.equal(cache.misses, misses + 1, "only the new crossing is computed");
});

Deno.test("evaluateRule() - windows: prev, change, pct_change, highest, lowest", () => {
  const c = aapl.close;
  const hi = ev("highest(close, 20)"),
    lo = ev("lowest(close, 20)"),
    pc = ev("pct_change(close, 5)");
  for (let i = 0; i < c.length; i++) {
    if (i < 19) assert.ok(Number.isNaN(hi[i]!));
    else {
      const w = Array.from(c.subarray(i - 19, i + 1));
      assert.equal(hi[i], Math.max(...w));
      assert.equal(lo[i], Math.min(...w));
    }
    if (i >= 5) assert.equal(pc[i], (c[i]! / c[i - 5]! - 1) * 100);
  }
  assert.deepEqual(
    plain(ev("change(close, 1) - (close - prev(close, 1))")).slice(1).every((x) => x === 0),
    true,
  );
});

Deno.test("evaluateRule() - crossings, within, bars_since and three-valued not", () => {
  const cross = ev("sma(10) crosses_above sma(50)");
  const f = sma(aapl.close, 10), s = sma(aapl.close, 50);
  for (let i = 50; i < cross.length; i++) {
    assert.equal(cross[i], f[i]! > s[i]! && !(f[i - 1]! > s[i - 1]!) ? 1 : 0, `bar ${i}`);
  }
  assert.equal(cross[49], f[49]! > s[49]! ? 1 : 0, "the first defined bar counts as a cross");
  const since = ev("bars_since(sma(10) crosses_above sma(50))");
  const within = ev("within(sma(10) crosses_above sma(50), 3)");
  for (let i = 0; i < since.length; i++) {
    assert.equal(within[i], since[i]! <= 2 ? 1 : 0);
    if (cross[i]) assert.equal(since[i], 0);
  }
  const notLow = ev("not (rsi(14) < 30)");
  for (let i = 0; i < 14; i++) assert.equal(notLow[i], 0, "undefined stays not true under not");
});

Deno.test("evaluateRule() - a rule too costly for its budget is refused before any work", () => {
  assert.throws(
    () => evaluateRule(compileRule("score > 25"), aapl, { budget: 1_000_000 }),
    (e) => e instanceof RuleError && /too expensive/.test(e.message),
  );
});

const RULES = [
  "rsi(14) < 30 and close > sma(200) and volume > 1.5 * sma(volume, 20)",
  "sma(10) crosses_above sma(50) or macd(12, 26, 9).macd crosses_below macd(12, 26, 9).signal",
  "bars_since(rsi(14) crosses_above 30)",
  "within(close > bollinger(20, 2).upper, 5) and not (adx(14) < 20)",
  "highest(high, 20) - lowest(low, 20) + pct_change(close, 10) * stochastic(14, 3, 3).k",
  "atr(14) / close > 0.02 and ema(close, 20) > wma(close, 30) and obv > sma(obv, 20)",
  'pattern("double_bottom", within: 5) or pattern("double_top", within: 10)',
  'candle("bullish_engulfing", within: 3) or candle("hammer") or candle("three_white_soldiers")',
  'signal("golden_cross", within: 20) or signal("sell")',
  "score",
];

Deno.test("evaluateRule() - causal: evaluating a prefix gives the prefix of the whole (real bars)", () => {
  const full = new Map<string, unknown[]>();
  for (const cols of [aapl, goog]) {
    for (const r of RULES) full.set(`${cols === aapl}:${r}`, plain(ev(r, cols)));
  }
  fc.assert(
    fc.property(
      fc.constantFrom(aapl, goog),
      fc.constantFrom(...RULES),
      fc.integer({ min: 1, max: 1259 }),
      (cols, rule, t) => {
        const cut = plain(ev(rule, firstBars(cols, t)));
        assert.deepEqual(
          cut,
          full.get(`${cols === aapl}:${rule}`)!.slice(0, t),
          `${rule} cut at ${t}`,
        );
      },
    ),
    { numRuns: 60, seed: 7 },
  );
});

Deno.test("PointRule - the screener's single-bar values equal the whole-series evaluation", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(aapl, goog),
      fc.constantFrom(...RULES),
      fc.array(fc.integer({ min: 0, max: 1040 }), { minLength: 1, maxLength: 20 }),
      (cols, text, bars) => {
        const rule = compileRule(text);
        const whole = evaluateRaw(rule, cols, new IndicatorCache());
        const point = PointRule.of(rule, cols, new IndicatorCache());
        for (const i of bars) {
          assert.ok(Object.is(point.at(rule.root, i), whole[i]), `${text} at ${i}`);
        }
      },
    ),
    { numRuns: 40, seed: 11 },
  );
});
