import assert from "node:assert/strict";
import { rowAt, type StoredRow } from "./row_at.ts";

const stored: StoredRow = {
  date: "2018-05-11",
  close: 188.59,
  change: -1.45,
  changePct: -0.76,
  spark: [165.72, 170.0, 175.0, 188.59],
  sparkDates: ["2018-04-20", "2018-04-23", "2018-05-10", "2018-05-11"],
  stance: "buy",
  score: 33,
};

Deno.test("rowAt() - a replayed older bar is the whole row: price, date, sparkline cut there, no signal", () => {
  const r = rowAt(stored, {
    date: "2018-04-20",
    price: 165.72,
    change: -4.0,
    change_percent: -2.4,
    source: "replay",
  });
  assert.deepEqual(r, {
    date: "2018-04-20",
    price: 165.72,
    change: -4.0,
    changePct: -2.4,
    spark: [165.72],
    stance: null,
    score: null,
    replay: true,
  });
});

Deno.test("rowAt() - the last stored bar replayed, a live quote, or none keep the signal", () => {
  const last = rowAt(stored, {
    date: "2018-05-11",
    price: 188.59,
    change: -1.45,
    change_percent: -0.76,
    source: "replay",
  });
  assert.equal(last.replay, false);
  assert.equal(last.stance, "buy");
  assert.equal(last.spark.length, 4);
  const live = rowAt(stored, {
    date: "2018-05-14",
    price: 190,
    change: 1.4,
    change_percent: 0.7,
    source: "live",
  });
  assert.equal(live.price, 190);
  assert.equal(live.date, "2018-05-14");
  assert.equal(live.stance, "buy");
  assert.deepEqual(rowAt(stored, undefined).price, 188.59);
});
