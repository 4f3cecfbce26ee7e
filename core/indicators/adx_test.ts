import assert from "node:assert/strict";
import { assertSeriesClose, warm } from "./_testing.ts";
import { adx, adxInto, adxWarmup } from "./adx.ts";

// StockCharts ChartSchool, "Average Directional Index (ADX)", spreadsheet cs-adx.xls: the bars
// as printed on the page (2 decimals) and the published ADX(14) column, which the sheet computed
// from unrounded prices. Transcribed in technicalindicators' test/directionalmovement/ADX.js
// (its commented `expectResult`), where the values for these rounded inputs also appear.
// https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-indicators/average-directional-index-adx
const HIGH = [
  30.2,
  30.28,
  30.45,
  29.35,
  29.35,
  29.29,
  28.83,
  28.73,
  28.67,
  28.85,
  28.64,
  27.68,
  27.21,
  26.87,
  27.41,
  26.94,
  26.52,
  26.52,
  27.09,
  27.69,
  28.45,
  28.53,
  28.67,
  29.01,
  29.87,
  29.8,
  29.75,
  30.65,
  30.6,
  30.76,
  31.17,
  30.89,
  30.04,
  30.66,
  30.6,
  31.97,
  32.1,
  32.03,
  31.63,
  31.85,
  32.71,
  32.76,
  32.58,
  32.13,
  33.12,
  33.19,
  32.52,
];
const LOW = [
  29.41,
  29.32,
  29.96,
  28.74,
  28.56,
  28.41,
  28.08,
  27.43,
  27.66,
  27.83,
  27.4,
  27.09,
  26.18,
  26.13,
  26.63,
  26.13,
  25.43,
  25.35,
  25.88,
  26.96,
  27.14,
  28.01,
  27.88,
  27.99,
  28.76,
  29.14,
  28.71,
  28.93,
  30.03,
  29.39,
  30.14,
  30.43,
  29.35,
  29.99,
  29.52,
  30.94,
  31.54,
  31.36,
  30.92,
  31.2,
  32.13,
  32.23,
  31.97,
  31.56,
  32.21,
  32.63,
  31.76,
];
const CLOSE = [
  29.87,
  30.24,
  30.1,
  28.9,
  28.92,
  28.48,
  28.56,
  27.56,
  28.47,
  28.28,
  27.49,
  27.23,
  26.35,
  26.33,
  27.03,
  26.22,
  26.01,
  25.46,
  27.03,
  27.45,
  28.36,
  28.43,
  27.95,
  29.01,
  29.38,
  29.36,
  28.91,
  30.61,
  30.05,
  30.19,
  31.12,
  30.54,
  29.78,
  30.04,
  30.49,
  31.47,
  32.05,
  31.97,
  31.13,
  31.66,
  32.64,
  32.59,
  32.19,
  32.1,
  32.93,
  33,
  31.94,
];
const STOCKCHARTS_ADX14 = [
  33.58,
  32.15,
  29.93,
  28.36,
  26.9,
  25.78,
  23.95,
  22.78,
  22.07,
  21.53,
  20.8,
  19.59,
  18.72,
  18.75,
  18.84,
  18.55,
  17.73,
  17.95,
  18.23,
  17.35,
];
// technicalindicators' expected ADX(14) for exactly these 2-decimal bars (same test file)
const TI_ADX14 = [
  33.70789,
  32.25668,
  30.01835,
  28.43901,
  26.97249,
  25.84732,
  24.01791,
  22.85086,
  22.12975,
  21.5787,
  20.84157,
  19.61908,
  18.72578,
  18.75196,
  18.82257,
  18.52094,
  17.68461,
  17.90759,
  18.17858,
  17.28769,
];
const f = (a: number[]) => Float64Array.from(a);

Deno.test("adx() matches StockCharts' published ADX(14) within the rounding of its printed bars", () => {
  // inputs printed to 2 decimals move ADX by up to ~0.13 against the unrounded sheet
  const r = adx(f(HIGH), f(LOW), f(CLOSE), 14);
  assertSeriesClose(r.adx, warm(27, STOCKCHARTS_ADX14), 0.15, "ADX vs StockCharts");
});

Deno.test("adx() matches technicalindicators' published ADX(14) for the same bars to 1e-5", () => {
  const r = adx(f(HIGH), f(LOW), f(CLOSE), 14);
  assertSeriesClose(r.adx, warm(27, TI_ADX14), 1e-5, "ADX vs technicalindicators");
  assert.deepEqual(adxWarmup(14), { adx: 27, di: 14 });
  assert.ok(Number.isNaN(r.plusDi[13]!) && Number.isFinite(r.plusDi[14]!));
});

Deno.test("adx() ±DI match a hand computation on three bars", () => {
  // bar1: up 1, down −1 → +DM 1, −DM 0, TR max(2, |12−10|, |10−10|) = 2
  // bar2: up −2, down 2 → +DM 0, −DM 2, TR max(2, |10−11|, |8−11|) = 3
  // period 2 sums: +DM 1, −DM 2, TR 5 → +DI 20, −DI 40, DX 100·20/60; ADX needs 3 DX → NaN
  const r = adx(
    Float64Array.of(11, 12, 10),
    Float64Array.of(9, 10, 8),
    Float64Array.of(10, 11, 9),
    2,
  );
  assertSeriesClose(r.plusDi, [null, null, 20], 1e-12);
  assertSeriesClose(r.minusDi, [null, null, 40], 1e-12);
  assertSeriesClose(r.adx, [null, null, null], 0);
});

Deno.test("adxInto() equals adx(); a flat market gives DI 0 and ADX 0, not NaN", () => {
  const n = HIGH.length;
  const out = {
    adx: new Float64Array(n),
    plusDi: new Float64Array(n),
    minusDi: new Float64Array(n),
  };
  assert.deepEqual(adxInto(out, f(HIGH), f(LOW), f(CLOSE), 5), adx(f(HIGH), f(LOW), f(CLOSE), 5));
  const flat = new Float64Array(10).fill(5);
  const r = adx(flat, flat, flat, 3);
  assert.equal(r.adx[9], 0);
  assert.equal(r.plusDi[9], 0);
  assert.throws(() => adx(flat, flat, flat, 0), /Cannot compute ADX: period must be/);
});
