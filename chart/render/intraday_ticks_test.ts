import assert from "node:assert/strict";
import { intradayTicks } from "./intraday_ticks.ts";
import { localClock, localDate, sessionStarts } from "./intraday_time.ts";
import { realHourlyCandles } from "./intraday_fixtures.ts";

Deno.test("intradayTicks() labels real SPY hours with New York times and each session's date", () => {
  const labels = realHourlyCandles("SPY", 3).map((c) => c.date);
  const ticks = intradayTicks(labels, 10, "en");
  assert.deepEqual(ticks.map((t) => t.label), [
    "Mar 29",
    "11:00",
    "13:00",
    "Mar 30",
    "11:00",
    "13:00",
    "Mar 31",
    "11:00",
    "13:00",
    "15:00",
  ]);
  const starts = new Set([0, ...sessionStarts(labels)]);
  for (const t of ticks) {
    if (starts.has(t.index)) continue;
    assert.match(t.label, /^\d\d:\d\d$/);
    assert.equal(t.label, localClock(labels[t.index]!), "the bar's own local time");
  }
  assert.deepEqual(
    intradayTicks(labels, 10, "zh-TW").filter((t) => starts.has(t.index)).map((t) => t.label),
    ["3/29", "3/30", "3/31"],
  );
});

Deno.test("intradayTicks() keeps time labels apart and ticks only the dates when sessions outnumber the ticks", () => {
  const labels = realHourlyCandles("SPY", 3).map((c) => c.date);
  const narrow = intradayTicks(labels, 4, "en");
  assert.ok(narrow.length <= 4);
  for (let k = 1; k < narrow.length; k++) {
    assert.ok(narrow[k]!.index - narrow[k - 1]!.index >= Math.ceil(labels.length / 4 / 2));
  }
  const month = realHourlyCandles("SPY", 20).map((c) => c.date);
  const ticks = intradayTicks(month, 9, "en");
  assert.ok(ticks.length > 0 && ticks.length <= 9);
  const starts = new Set(sessionStarts(month));
  for (const t of ticks) {
    assert.ok(t.index === 0 || starts.has(t.index), `tick at a session start: ${t.label}`);
    assert.doesNotMatch(t.label, /:/);
  }
  assert.equal(localDate(month[ticks[0]!.index]!), "2021-03-08"); // weeks: the Monday session
  assert.deepEqual(intradayTicks([], 5, "en"), []);
});
