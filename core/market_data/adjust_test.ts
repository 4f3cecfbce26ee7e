import assert from "node:assert/strict";
import { adjustSeries } from "./adjust.ts";
import { seriesFromBars } from "./series.ts";

const bars = [
  { date: "2020-08-27", open: 500, high: 510, low: 490, close: 500, volume: 100 },
  { date: "2020-08-28", open: 500, high: 520, low: 495, close: 500, volume: 100 },
  { date: "2020-08-31", open: 127, high: 131, low: 126, close: 129, volume: 400 },
  { date: "2020-09-01", open: 130, high: 135, low: 129, close: 130, volume: 400 },
];
const raw = seriesFromBars("AAPL", bars);
const split = { splits: [{ date: "2020-08-31", ratio: 4 }], dividends: [] };

Deno.test("adjustSeries() - raw prices before a 4:1 split are divided by 4, volumes multiplied", () => {
  const s = adjustSeries(raw, "raw", "split", split);
  assert.deepEqual(Array.from(s.close), [125, 125, 129, 130]);
  assert.deepEqual(Array.from(s.volume), [400, 400, 400, 400]);
  assert.equal(adjustSeries(raw, "raw", "none", split), raw, "none on raw data is the identity");
});

Deno.test("adjustSeries() - a split-adjusted source is un-adjusted for adjust=none", () => {
  const adj = adjustSeries(raw, "raw", "split", split);
  const back = adjustSeries(adj, "split_adjusted", "none", split);
  assert.deepEqual(Array.from(back.close), [500, 500, 129, 130]);
  assert.deepEqual(Array.from(back.volume), [100, 100, 400, 400]);
});

Deno.test("adjustSeries() - dividends scale earlier bars by 1 − amount / previous close", () => {
  const s = adjustSeries(raw, "raw", "all", {
    splits: split.splits,
    dividends: [{ date: "2020-09-01", amount: 1.29 }],
  });
  const f = 1 - 1.29 / 129;
  assert.ok(Math.abs(s.close[2]! - 129 * f) < 1e-9);
  assert.ok(Math.abs(s.close[0]! - 125 * f) < 1e-9);
  assert.equal(s.close[3], 130);
  assert.equal(adjustSeries(raw, "raw", "split", { splits: [], dividends: [] }), raw);
});
