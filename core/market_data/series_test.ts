import assert from "node:assert/strict";
import { rangeIndices, seriesFromBars } from "./series.ts";
import { quoteOf } from "./quote.ts";

const bars = ["2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07"].map((date, i) => ({
  date,
  open: 10 + i,
  high: 12 + i,
  low: 9 + i,
  close: 11 + i,
  volume: 100 * (i + 1),
}));
const s = seriesFromBars("T", bars);

Deno.test("rangeIndices() - inclusive dates, either side open, limit keeps the latest bars", () => {
  assert.deepEqual(rangeIndices(s), { start: 0, end: 4 });
  assert.deepEqual(rangeIndices(s, { from: "2020-01-03", to: "2020-01-06" }), { start: 1, end: 3 });
  assert.deepEqual(rangeIndices(s, { from: "2020-01-04" }), { start: 2, end: 4 });
  assert.deepEqual(rangeIndices(s, { to: "2020-01-05" }), { start: 0, end: 2 });
  assert.deepEqual(rangeIndices(s, { limit: 1 }), { start: 3, end: 4 });
  assert.deepEqual(rangeIndices(s, { from: "2021-01-01" }), { start: 4, end: 4 });
});

Deno.test("quoteOf() - change against the previous close and 52-week extremes", () => {
  const q = quoteOf(s)!;
  assert.equal(q.close, 14);
  assert.equal(q.previous_close, 13);
  assert.equal(q.change, 1);
  assert.equal(q.change_percent, 7.6923);
  assert.equal(q.high_52w, 15);
  assert.equal(q.low_52w, 9);
  assert.equal(quoteOf(seriesFromBars("E", [])), null);
});
