import assert from "node:assert/strict";
import { bundledSeries } from "../../tests/helpers/bundled.ts";
import { qualityReport } from "./quality.ts";
import { seriesFromBars } from "./series.ts";

// SOURCES.md documents the 2017-08-07 gap; the report also found 2017-11-08, missing from every
// file of the Qt StocQt set (a real trading day: NVDA, AMZN… all lack it).
Deno.test("qualityReport() - finds the real gaps in the bundled AMZN data (2017-08-07, 2017-11-08)", () => {
  const r = qualityReport(bundledSeries("AMZN"), "US");
  assert.deepEqual(r.issues.filter((i) => i.kind === "missing_session").map((i) => i.date), [
    "2017-08-07",
    "2017-11-08",
  ]);
  assert.equal(r.counts.ohlc_inconsistent, 0);
  assert.equal(r.counts.non_trading_day, 0);
});

Deno.test("qualityReport() - zero volume, inconsistent OHLC, weekend bars and unexplained jumps; splits explain jumps", () => {
  const s = seriesFromBars("X", [
    { date: "2020-08-27", open: 10, high: 11, low: 9, close: 10, volume: 5 },
    { date: "2020-08-28", open: 10, high: 9, low: 9.5, close: 10, volume: 0 },
    { date: "2020-08-29", open: 10, high: 11, low: 9, close: 10, volume: 5 },
    { date: "2020-08-31", open: 2.5, high: 2.6, low: 2.4, close: 2.5, volume: 5 },
  ]);
  const r = qualityReport(s, "US");
  assert.equal(r.counts.zero_volume, 1);
  assert.equal(r.counts.ohlc_inconsistent, 1);
  assert.equal(r.counts.non_trading_day, 1);
  assert.equal(r.counts.unexplained_jump, 1);
  assert.equal(
    qualityReport(s, "US", { splits: [{ date: "2020-08-31", ratio: 4 }] }).counts.unexplained_jump,
    0,
  );
});
