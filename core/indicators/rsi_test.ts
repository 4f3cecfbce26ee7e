import assert from "node:assert/strict";
import { assertSeriesClose, warm } from "./_testing.ts";
import { rsi, rsiInto, rsiWarmup } from "./rsi.ts";

// StockCharts ChartSchool, "Relative Strength Index (RSI)", spreadsheet cs-rsi.xls: QQQQ closes
// and the 14-day RSI column (Wilder's smoothing, first averages = simple means of 14 changes).
// https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-indicators/relative-strength-index-rsi
const CS_CLOSE = [
  44.3389,
  44.0902,
  44.1497,
  43.6124,
  44.3278,
  44.8264,
  45.0955,
  45.4245,
  45.8433,
  46.0826,
  45.8931,
  46.0328,
  45.614,
  46.282,
  46.282,
  46.0028,
  46.0328,
  46.4116,
  46.2222,
  45.6439,
  46.2122,
  46.2521,
  45.7137,
  46.4515,
  45.7835,
  45.3548,
  44.0288,
  44.1783,
  44.2181,
  44.5672,
  43.4205,
  42.6628,
  43.1314,
];
const CS_RSI14 = [
  70.5328,
  66.3186,
  66.5498,
  69.4063,
  66.3552,
  57.9749,
  62.9296,
  63.2571,
  56.0593,
  62.3771,
  54.7076,
  50.4228,
  39.9898,
  41.4605,
  41.8689,
  45.4632,
  37.304,
  33.0795,
  37.773,
];

Deno.test("rsi() matches StockCharts' published RSI(14) table to 1e-4", () => {
  // the sheet publishes 4 decimals, so ±5e-5 of rounding; we allow 1e-4
  assertSeriesClose(rsi(Float64Array.from(CS_CLOSE), 14), warm(14, CS_RSI14), 1e-4, "RSI");
  assert.equal(rsiWarmup(14), 14);
});

Deno.test("rsi() matches a hand-computed Wilder smoothing", () => {
  // changes +1, −1, +1, +1; period 2: avgs (0.5, 0.5) → 50; (0.75, 0.25) → 75; (0.875, 0.125) → 87.5
  assertSeriesClose(rsi(Float64Array.of(1, 2, 1, 2, 3), 2), [null, null, 50, 75, 87.5], 1e-12);
});

Deno.test("rsi() is 100 with no losses, 0 with no gains and 50 on a flat series", () => {
  assert.equal(rsi(Float64Array.of(1, 2, 3, 4), 2)[3], 100);
  assert.equal(rsi(Float64Array.of(4, 3, 2, 1), 2)[3], 0);
  assert.equal(rsi(Float64Array.of(5, 5, 5, 5), 2)[3], 50);
});

Deno.test("rsi() is all NaN when there are not more bars than the period", () => {
  assertSeriesClose(rsi(Float64Array.of(1, 2, 3), 3), [null, null, null], 0);
});

Deno.test("rsiInto() equals rsi() and bad periods throw RangeError", () => {
  const c = Float64Array.from(CS_CLOSE);
  assert.deepEqual(rsiInto(new Float64Array(c.length), c, 5), rsi(c, 5));
  assert.throws(() => rsi(c, 0), {
    name: "RangeError",
    message: "Cannot compute RSI: period must be a positive integer, current value is 0",
  });
});
