import assert from "node:assert/strict";
import {
  isIntradayLabel,
  localClock,
  localDate,
  localDateTime,
  localMinutes,
  sessionStarts,
} from "./intraday_time.ts";
import { realHourlyCandles } from "./intraday_fixtures.ts";

Deno.test("sessionStarts() finds the first bar of each real SPY session after the first, across a weekend", () => {
  const labels = realHourlyCandles("SPY", 5).map((c) => c.date);
  const starts = sessionStarts(labels);
  assert.equal(starts.length, 4);
  for (const i of starts) {
    assert.equal(localClock(labels[i]!), "09:30");
    assert.notEqual(localDate(labels[i]!), localDate(labels[i - 1]!));
  }
  // 2021-03-26 (Friday) is followed by 2021-03-29 (Monday): one break, no empty days
  assert.deepEqual(starts.map((i) => localDate(labels[i]!)), [
    "2021-03-26",
    "2021-03-29",
    "2021-03-30",
    "2021-03-31",
  ]);
  assert.deepEqual(sessionStarts(["2021-03-29", "2021-03-30"]), [1]);
  assert.deepEqual(sessionStarts([]), []);
});

Deno.test("localDateTime() keeps the exchange's wall clock as core sends it, whatever the offset", () => {
  assert.equal(localDateTime("2021-03-30T09:30:00-04:00"), "2021-03-30 09:30");
  assert.equal(localDateTime("2020-12-31T15:00:00-05:00"), "2020-12-31 15:00");
  assert.equal(localDateTime("2024-05-02T09:00:00+08:00"), "2024-05-02 09:00"); // Taipei open
  assert.equal(localDateTime("2021-03-30"), "2021-03-30");
  assert.equal(localMinutes("2024-05-02T13:25:00+08:00"), 13 * 60 + 25);
  assert.ok(isIntradayLabel("2021-03-30T09:30:00-04:00"));
  assert.ok(!isIntradayLabel("2021-03-30"));
});
