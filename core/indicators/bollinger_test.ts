import assert from "node:assert/strict";
import { assertSeriesClose, warm } from "./_testing.ts";
import { bollinger, bollingerInto, bollingerWarmup } from "./bollinger.ts";
import { sma } from "./sma.ts";

// StockCharts ChartSchool, "Bollinger Bands", spreadsheet cs-bbands.xls: SPY closes and the
// (20, 2) bands, with the POPULATION standard deviation.
// https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-overlays/bollinger-bands
const PRICE = [
  86.1557,
  89.0867,
  88.7829,
  90.3228,
  89.0671,
  91.1453,
  89.4397,
  89.175,
  86.9302,
  87.6752,
  86.9596,
  89.4299,
  89.3221,
  88.7241,
  87.4497,
  87.2634,
  89.4985,
  87.9006,
  89.126,
  90.7043,
  92.9001,
  92.9784,
  91.8021,
  92.6647,
  92.6843,
  92.3021,
  92.7725,
  92.5373,
  92.949,
  93.2039,
  91.0669,
  89.8318,
  89.7435,
  90.3994,
  90.7387,
  88.0177,
  88.0867,
  88.8439,
  90.7781,
  90.5416,
  91.3894,
  90.65,
];
const MIDDLE = [
  88.70794,
  89.04516,
  89.239745,
  89.390705,
  89.5078,
  89.68866,
  89.7465,
  89.91314,
  90.081255,
  90.382195,
  90.65863,
  90.863995,
  90.88409,
  90.90516,
  90.988925,
  91.153375,
  91.19109,
  91.1205,
  91.167665,
  91.25027,
  91.242135,
  91.1666,
  91.05018,
];
const UPPER = [
  91.291862,
  91.949268,
  92.612595,
  92.9342,
  93.31195,
  93.72845,
  93.899592,
  94.266255,
  94.565096,
  94.786912,
  95.043001,
  94.907605,
  94.902912,
  94.89532,
  94.861013,
  94.673629,
  94.556593,
  94.678752,
  94.575786,
  94.534271,
  94.532306,
  94.369251,
  94.148503,
];
const LOWER = [
  86.124018,
  86.141052,
  85.866895,
  85.84721,
  85.70365,
  85.64887,
  85.593408,
  85.560025,
  85.597414,
  85.977478,
  86.274259,
  86.820385,
  86.865268,
  86.915,
  87.116837,
  87.633121,
  87.825587,
  87.562248,
  87.759544,
  87.966269,
  87.951964,
  87.963949,
  87.951857,
];

Deno.test("bollinger() matches StockCharts' published (20, 2) bands to 1e-6", () => {
  // the sheet publishes 6 decimals (±5e-7 of rounding)
  const b = bollinger(Float64Array.from(PRICE));
  assertSeriesClose(b.middle, warm(19, MIDDLE), 1e-6, "middle");
  assertSeriesClose(b.upper, warm(19, UPPER), 1e-6, "upper");
  assertSeriesClose(b.lower, warm(19, LOWER), 1e-6, "lower");
  assert.equal(bollingerWarmup(), 19);
});

Deno.test("bollinger() middle is bit-identical to sma() and a hand-computed σ", () => {
  const x = Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9); // population σ of all 8 = 2, mean 5
  const b = bollinger(x, { period: 8, k: 1.5 });
  assert.deepEqual(b.middle, sma(x, 8));
  assert.equal(b.upper[7], 5 + 1.5 * 2);
  assert.equal(b.lower[7], 5 - 1.5 * 2);
});

Deno.test("bollingerInto() equals bollinger(); bad k or period throws RangeError", () => {
  const x = Float64Array.from(PRICE);
  const n = x.length;
  const out = {
    upper: new Float64Array(n),
    middle: new Float64Array(n),
    lower: new Float64Array(n),
  };
  assert.deepEqual(bollingerInto(out, x, { period: 10, k: 3 }), bollinger(x, { period: 10, k: 3 }));
  assert.throws(() => bollinger(x, { k: -1 }), /Cannot compute Bollinger Bands: k must be/);
  assert.throws(() => bollinger(x, { period: 0 }), /period must be a positive integer/);
});
