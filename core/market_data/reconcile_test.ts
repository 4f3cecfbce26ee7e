import assert from "node:assert/strict";
import { reconcile } from "./reconcile.ts";
import { seriesFromBars } from "./series.ts";

const bar = (date: string, close: number) => ({
  date,
  open: close,
  high: close * 1.01,
  low: close * 0.99,
  close,
  volume: 10,
});
const stored = seriesFromBars("X", [
  bar("2021-07-15", 800),
  bar("2021-07-16", 810),
  bar("2021-07-19", 820),
]);

Deno.test("reconcile() - matching overlap: only the new dates are applied (idempotent refresh)", () => {
  const r = reconcile(stored, {
    bars: [bar("2021-07-16", 810.5), bar("2021-07-19", 820), bar("2021-07-20", 830)],
    splits: [],
    dividends: [],
  });
  assert.equal(r.kind, "apply");
  if (r.kind !== "apply") return;
  assert.deepEqual(r.newBars.map((b) => b.date), ["2021-07-20"]);
  assert.equal(r.checked, 2);
  const again = reconcile(
    seriesFromBars("X", [
      ...[800, 810, 820].map((c, i) => bar(["2021-07-15", "2021-07-16", "2021-07-19"][i]!, c)),
      bar("2021-07-20", 830),
    ]),
    { bars: [bar("2021-07-20", 830)], splits: [], dividends: [] },
  );
  assert.equal(again.kind === "apply" && again.newBars.length, 0);
});

Deno.test("reconcile() - a contradicting answer is quarantined, nothing applied", () => {
  const r = reconcile(stored, {
    bars: [bar("2021-07-16", 700), bar("2021-07-20", 830)],
    splits: [],
    dividends: [],
  });
  assert.equal(r.kind, "quarantine");
  if (r.kind === "quarantine") {
    assert.deepEqual(r.conflicts, [{ date: "2021-07-16", stored: 810, received: 700 }]);
  }
});

Deno.test("reconcile() - a 4:1 split in the answer explains the overlap and re-bases stored prices", () => {
  const r = reconcile(stored, {
    bars: [bar("2021-07-16", 202.5), bar("2021-07-19", 205), bar("2021-07-20", 207)],
    splits: [{ date: "2021-07-20", ratio: 4 }],
    dividends: [],
  });
  assert.equal(r.kind, "apply");
  if (r.kind === "apply") {
    assert.deepEqual(r.rescale, [{ before: "2021-07-20", factor: 0.25 }]);
    assert.deepEqual(r.newBars.map((b) => b.date), ["2021-07-20"]);
  }
});

Deno.test("reconcile() - bars breaking OHLC rules are quarantined", () => {
  const r = reconcile(null, {
    bars: [{ date: "2021-01-04", open: 10, high: 9, low: 8, close: 10, volume: 1 }],
    splits: [],
    dividends: [],
  });
  assert.equal(r.kind, "quarantine");
});
