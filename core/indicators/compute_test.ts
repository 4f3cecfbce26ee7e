import assert from "node:assert/strict";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import {
  computeIndicator,
  indicatorWarmup,
  outputKey,
  parseIndicatorToken,
  resolveParams,
} from "./compute.ts";
import { bollinger } from "./bollinger.ts";
import { findIndicator, INDICATORS, type OhlcvSeries } from "./registry.ts";
import { sma } from "./sma.ts";

const bars = parseOhlcvCsv(
  await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url)),
).bars;
const series: OhlcvSeries = {
  open: Float64Array.from(bars, (b) => b.open),
  high: Float64Array.from(bars, (b) => b.high),
  low: Float64Array.from(bars, (b) => b.low),
  close: Float64Array.from(bars, (b) => b.close),
  volume: Float64Array.from(bars, (b) => b.volume),
};

Deno.test("INDICATORS lists every name the endpoint accepts, with aliases", () => {
  assert.deepEqual(Object.keys(INDICATORS).sort(), [
    "adx",
    "atr",
    "bollinger",
    "ema",
    "ma10",
    "ma20",
    "ma200",
    "ma5",
    "ma50",
    "macd",
    "obv",
    "pvt",
    "rsi",
    "sma",
    "stochastic",
    "volume_ratio",
    "vwap",
    "williams_r",
    "wma",
  ]);
  assert.equal(findIndicator("BB")?.name, "bollinger");
  assert.equal(findIndicator("kd")?.name, "stochastic");
  assert.equal(findIndicator("nope"), undefined);
});

Deno.test("every registered indicator computes same-length outputs whose warm-up is exact", () => {
  for (const spec of Object.values(INDICATORS)) {
    const params = resolveParams(spec);
    const out = spec.compute(params, series);
    assert.deepEqual(Object.keys(out), [...spec.outputs], spec.name);
    const w = spec.warmup(params);
    let lastFirst = 0;
    for (const [key, arr] of Object.entries(out)) {
      assert.equal(arr.length, bars.length, `${spec.name}.${key} length`);
      const first = arr.findIndex((v) => Number.isFinite(v));
      assert.ok(first <= w, `${spec.name}.${key} finite by the warm-up`);
      for (let i = first; i < arr.length; i++) {
        assert.ok(Number.isFinite(arr[i]!), `${spec.name}.${key}[${i}] finite`);
      }
      lastFirst = Math.max(lastFirst, first);
    }
    assert.equal(lastFirst, w, `${spec.name}: warm-up is the first index where all are finite`);
  }
});

Deno.test("computeIndicator() fills defaults and equals the direct functions", () => {
  assert.deepEqual(computeIndicator("sma", {}, series).sma, sma(series.close, 20));
  assert.deepEqual(computeIndicator("ma50", {}, series).ma50, sma(series.close, 50));
  const bb = computeIndicator("bb", { k: 2.5 }, series);
  assert.deepEqual(bb.upper, bollinger(series.close, { period: 20, k: 2.5 }).upper);
  assert.equal(indicatorWarmup("macd"), 33);
  assert.equal(indicatorWarmup("adx", { period: 10 }), 19);
});

Deno.test("parseIndicatorToken() reads positional parameters and output keys avoid collisions", () => {
  const sma50 = parseIndicatorToken("sma:50");
  assert.deepEqual(sma50.params, { period: 50 });
  assert.equal(outputKey(sma50, "sma"), "sma_50");
  assert.equal(outputKey(parseIndicatorToken("sma"), "sma"), "sma");
  assert.equal(outputKey(parseIndicatorToken("sma:20"), "sma"), "sma");
  const m = parseIndicatorToken("macd:5:35:5");
  assert.equal(outputKey(m, "signal"), "signal_5_35_5");
  assert.deepEqual(parseIndicatorToken("macd:5").params, { fast: 5, slow: 26, signal: 9 });
  const bb = parseIndicatorToken(" BB:20:2.5 ");
  assert.equal(bb.spec.name, "bollinger");
  assert.equal(outputKey(bb, "upper"), "upper_20_2.5");
});

Deno.test("parseIndicatorToken() rejects bad tokens with messages that say what is accepted", () => {
  const cases: [string, RegExp][] = [
    ["foo", /Unknown indicator "foo"; accepted names: .*rsi.*sma/],
    ["sma:0", /sma: period must be an integer from 1 to 500, current value is 0/],
    ["sma:501", /current value is 501/],
    ["sma:2.5", /period must be an integer/],
    ["sma:abc", /period must be a number, current value is "abc"/],
    ["sma:", /period must be a number/],
    ["rsi:14:3", /rsi: it takes 1 parameter\(s\) \(rsi:period\), "rsi:14:3" gives 2/],
    ["obv:3", /obv: it takes 0 parameter\(s\)/],
    ["macd:26:12", /MACD: slow must be greater than fast/],
    ["bb:20:0", /k must be a number from 0.1 to 10/],
  ];
  for (const [token, re] of cases) {
    assert.throws(() => parseIndicatorToken(token), (e: Error) => {
      assert.ok(e instanceof RangeError, token);
      assert.match(e.message, re, token);
      return true;
    });
  }
  assert.throws(() => computeIndicator("rsi", { length: 3 }, series), /unknown parameter "length"/);
});

Deno.test("parseIndicatorToken() - parameters are plain decimals (no hex, exponent or Infinity)", () => {
  assert.equal(parseIndicatorToken("sma:16").params.period, 16);
  for (const bad of ["sma:0x10", "sma:1e1", "sma:Infinity", "sma: "]) {
    assert.throws(() => parseIndicatorToken(bad), RangeError, bad);
  }
});
