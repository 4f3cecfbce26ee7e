import assert from "node:assert/strict";
import { timeTicks } from "./time_ticks.ts";
import { realCandles } from "./fixtures.ts";

Deno.test("timeTicks() puts month ticks on each month's first trading day, the year at January", () => {
  const dates = realCandles("AAPL", 250).map((c) => c.date);
  const ticks = timeTicks(dates, 12, "en");
  assert.ok(ticks.length <= 12);
  for (const t of ticks) {
    assert.notEqual(dates[t.index]!.slice(0, 7), dates[t.index - 1]!.slice(0, 7));
  }
  const jan = ticks.find((t) => dates[t.index]!.startsWith("2018-01"))!;
  assert.equal(jan.label, "2018");
  assert.equal(dates[jan.index], "2018-01-02"); // 2018-01-01 was a holiday
});

Deno.test("timeTicks() falls back to coarser levels for long histories and labels in zh-TW", () => {
  const dates = realCandles("SPX").map((c) => c.date);
  const ticks = timeTicks(dates, 10, "zh-TW");
  assert.ok(ticks.length <= 10 && ticks.length >= 5);
  assert.ok(ticks.every((t) => /^\d{4}年$/.test(t.label)));
  const short = timeTicks(dates.slice(-8), 10, "en");
  assert.equal(short.length, 8);
  assert.deepEqual(timeTicks([], 5, "en"), []);
});
