/**
 * Cross-check against an independent implementation: npm `technicalindicators` on the bundled
 * real AAPL daily bars (1,260 bars, 2013–2018). Its arrays omit the warm-up, so they are aligned
 * from the end. Where its conventions differ (RSI rounded to 2 decimals; ATR starting its true
 * range one bar later) the tolerance or the compared range says so.
 */
import assert from "node:assert/strict";
import * as ti from "technicalindicators";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { adx } from "./adx.ts";
import { atr } from "./atr.ts";
import { bollinger } from "./bollinger.ts";
import { ema } from "./ema.ts";
import { macd } from "./macd.ts";
import { obv } from "./obv.ts";
import { rsi } from "./rsi.ts";
import { sma } from "./sma.ts";
import { stochastic } from "./stochastic.ts";
import { trueRange } from "./true_range.ts";
import { williamsR } from "./williams_r.ts";
import { wma } from "./wma.ts";

const bars = parseOhlcvCsv(
  await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url)),
).bars;
const n = bars.length;
const high = bars.map((b) => b.high), low = bars.map((b) => b.low);
const close = bars.map((b) => b.close), volume = bars.map((b) => b.volume);
const H = Float64Array.from(high), L = Float64Array.from(low), C = Float64Array.from(close);
const V = Float64Array.from(volume);

/**
 * Compares `ours` with `theirs` aligned at the end, from bar `from` on (absolute tolerance
 * `tol`, relative to max(1, |value|)); returns how many values were compared.
 */
function compare(
  label: string,
  ours: Float64Array,
  theirs: readonly (number | undefined)[],
  tol: number,
  from = 0,
): number {
  const offset = n - theirs.length;
  let compared = 0;
  for (let j = 0; j < theirs.length; j++) {
    const i = offset + j;
    const t = theirs[j];
    if (i < from || t === undefined) continue;
    const o = ours[i]!;
    assert.ok(
      Math.abs(o - t) <= tol * Math.max(1, Math.abs(t)),
      `${label}[${i}] ours ${o} vs technicalindicators ${t}`,
    );
    compared++;
  }
  assert.ok(compared > n / 2, `${label}: compared ${compared} values`);
  return compared;
}

Deno.test("cross-check - SMA, EMA, WMA match technicalindicators on AAPL to 1e-10", () => {
  compare("SMA20", sma(C, 20), ti.SMA.calculate({ period: 20, values: close }), 1e-10);
  compare("SMA200", sma(C, 200), ti.SMA.calculate({ period: 200, values: close }), 1e-10);
  compare("EMA20", ema(C, 20), ti.EMA.calculate({ period: 20, values: close }), 1e-10);
  compare("WMA20", wma(C, 20), ti.WMA.calculate({ period: 20, values: close }), 1e-10);
  assert.equal(ti.SMA.calculate({ period: 20, values: close }).length, n - 19);
});

Deno.test("cross-check - RSI(14) matches technicalindicators within its 2-decimal rounding", () => {
  const theirs = ti.RSI.calculate({ period: 14, values: close });
  assert.equal(theirs.length, n - 14);
  compare("RSI14", rsi(C, 14), theirs, 0.005 + 1e-9);
});

Deno.test("cross-check - MACD(12,26,9) and Bollinger(20,2) match technicalindicators", () => {
  const theirs = ti.MACD.calculate({
    values: close,
    fastPeriod: 12,
    slowPeriod: 26,
    signalPeriod: 9,
    SimpleMAOscillator: false,
    SimpleMASignal: false,
  });
  const m = macd(C);
  compare("MACD", m.macd, theirs.map((r) => r.MACD), 1e-9);
  compare("MACD signal", m.signal, theirs.map((r) => r.signal), 1e-9);
  compare("MACD histogram", m.histogram, theirs.map((r) => r.histogram), 1e-9);
  const bb = ti.BollingerBands.calculate({ period: 20, values: close, stdDev: 2 });
  const b = bollinger(C);
  compare("BB upper", b.upper, bb.map((r) => r.upper), 1e-9);
  compare("BB middle", b.middle, bb.map((r) => r.middle), 1e-10);
  compare("BB lower", b.lower, bb.map((r) => r.lower), 1e-9);
});

Deno.test("cross-check - fast stochastic and Williams %R match technicalindicators", () => {
  const theirs = ti.Stochastic.calculate({ high, low, close, period: 14, signalPeriod: 3 });
  const s = stochastic(H, L, C, { kPeriod: 14, kSmooth: 1, dPeriod: 3 });
  compare("%K", s.k, theirs.map((r) => r.k), 1e-9);
  compare("%D", s.d, theirs.map((r) => r.d), 1e-9);
  compare(
    "%R",
    williamsR(H, L, C, 14),
    ti.WilliamsR.calculate({ high, low, close, period: 14 }),
    1e-9,
  );
});

Deno.test("cross-check - true range, ADX(14)/±DI and OBV match technicalindicators", () => {
  compare("TR", trueRange(H, L, C), ti.TrueRange.calculate({ high, low, close }), 1e-12, 1);
  const theirs = ti.ADX.calculate({ high, low, close, period: 14 });
  assert.equal(theirs.length, n - 27);
  const a = adx(H, L, C, 14);
  compare("ADX", a.adx, theirs.map((r) => r.adx), 1e-9);
  compare("+DI", a.plusDi, theirs.map((r) => r.pdi), 1e-9);
  compare("−DI", a.minusDi, theirs.map((r) => r.mdi), 1e-9);
  compare("OBV", obv(C, V), ti.OBV.calculate({ close, volume }), 0);
});

Deno.test("cross-check - ATR(14) converges to technicalindicators' after its different start", () => {
  // technicalindicators skips the first bar's range (TA-Lib's start), we keep it (Wilder's and
  // StockCharts' table); Wilder smoothing forgets the seed by (13/14)^k: < 1e-9 after 300 bars
  const theirs = ti.ATR.calculate({ high, low, close, period: 14 });
  assert.equal(theirs.length, n - 14);
  compare("ATR14", atr(H, L, C, 14), theirs, 1e-9, 300);
});
