import assert from "node:assert/strict";
import { assertSeriesClose, warm } from "./_testing.ts";
import { atr, atrInto, atrWarmup } from "./atr.ts";
import { trueRange, trueRangeInto } from "./true_range.ts";

// StockCharts ChartSchool, "Average True Range (ATR)", spreadsheet cs-atr.xls: QQQQ bars with the
// True Range and 14-day ATR columns (first TR = high − low; first ATR = mean of 14 TRs).
// https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-indicators/average-true-range-atr
const H = [
  48.7,
  48.72,
  48.9,
  48.87,
  48.82,
  49.05,
  49.2,
  49.35,
  49.92,
  50.19,
  50.12,
  49.66,
  49.88,
  50.19,
  50.36,
  50.57,
  50.65,
  50.43,
  49.63,
  50.33,
  50.29,
  50.17,
  49.32,
  48.5,
  48.3201,
  46.8,
  47.8,
  48.39,
  48.66,
  48.79,
];
const L = [
  47.79,
  48.14,
  48.39,
  48.37,
  48.24,
  48.635,
  48.94,
  48.86,
  49.5,
  49.87,
  49.2,
  48.9,
  49.43,
  49.725,
  49.26,
  50.09,
  50.3,
  49.21,
  48.98,
  49.61,
  49.2,
  49.43,
  48.08,
  47.64,
  41.55,
  44.2833,
  47.31,
  47.2,
  47.9,
  47.7301,
];
const C = [
  48.16,
  48.61,
  48.75,
  48.63,
  48.74,
  49.03,
  49.07,
  49.32,
  49.91,
  50.13,
  49.53,
  49.5,
  49.75,
  50.03,
  50.31,
  50.52,
  50.41,
  49.34,
  49.37,
  50.23,
  49.2375,
  49.93,
  48.43,
  48.18,
  46.57,
  45.41,
  47.77,
  47.72,
  48.62,
  47.85,
];
const CS_TR = [
  0.91,
  0.58,
  0.51,
  0.5,
  0.58,
  0.415,
  0.26,
  0.49,
  0.6,
  0.32,
  0.93,
  0.76,
  0.45,
  0.465,
  1.1,
  0.48,
  0.35,
  1.22,
  0.65,
  0.96,
  1.09,
  0.9325,
  1.85,
  0.86,
  6.7701,
  2.5167,
  2.39,
  1.19,
  0.94,
  1.0599,
];
const CS_ATR14 = [
  0.555,
  0.593929,
  0.585791,
  0.568949,
  0.615452,
  0.61792,
  0.642354,
  0.674329,
  0.69277,
  0.775429,
  0.78147,
  1.209229,
  1.30262,
  1.38029,
  1.366698,
  1.336219,
  1.316482,
];
const f = (a: number[]) => Float64Array.from(a);

Deno.test("trueRange() matches StockCharts' published True Range column", () => {
  assertSeriesClose(trueRange(f(H), f(L), f(C)), CS_TR, 1e-9, "TR");
  const out = new Float64Array(H.length);
  assert.deepEqual(trueRangeInto(out, f(H), f(L), f(C)), trueRange(f(H), f(L), f(C)));
});

Deno.test("atr() matches StockCharts' published ATR(14) table to 1e-6", () => {
  // the sheet publishes 6 decimals (±5e-7 of rounding)
  assertSeriesClose(atr(f(H), f(L), f(C), 14), warm(13, CS_ATR14), 1e-6, "ATR");
  assert.equal(atrWarmup(14), 13);
});

Deno.test("atr() matches a hand-computed Wilder smoothing", () => {
  // TRs: 2 (h−l), max(1, |4−2|, |3−2|) = 2, max(2, |6−3.5|, |4−3.5|) = 2.5
  const tr = [2, 2, 2.5];
  assertSeriesClose(
    atr(Float64Array.of(3, 4, 6), Float64Array.of(1, 3, 4), Float64Array.of(2, 3.5, 5), 2),
    [null, (tr[0]! + tr[1]!) / 2, (2 * 1 + 2.5) / 2],
    1e-12,
  );
});

Deno.test("atrInto() equals atr(); bad input throws RangeError", () => {
  const out = new Float64Array(H.length);
  assert.deepEqual(atrInto(out, f(H), f(L), f(C), 5), atr(f(H), f(L), f(C), 5));
  assert.throws(() => atr(f(H), f(L), f(C), 0), /Cannot compute ATR: period must be a positive/);
  assert.throws(() => atr(f(H), f(L.slice(1)), f(C)), /low must have length 30/);
});
