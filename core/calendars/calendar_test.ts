import assert from "node:assert/strict";
import {
  holidayName,
  isTradingDay,
  marketStatus,
  nextTradingDay,
  tradingDays,
} from "./calendar.ts";
import { nyseEarlyCloses } from "./nyse.ts";
import { bundledSeries } from "../../tests/helpers/bundled.ts";

Deno.test("NYSE calendar - Thanksgiving closed, the day after closes early at 13:00", () => {
  assert.equal(holidayName("US", "2026-11-26"), "Thanksgiving Day");
  assert.equal(isTradingDay("US", "2026-11-26"), false);
  assert.equal(isTradingDay("US", "2026-11-27"), true);
  assert.ok(nyseEarlyCloses(2026).has("2026-11-27"));
  assert.equal(holidayName("US", "2017-11-23"), "Thanksgiving Day");
});

Deno.test("NYSE calendar - observed holidays, Good Friday, Juneteenth from 2022", () => {
  assert.equal(holidayName("US", "2021-07-05"), "Independence Day"); // July 4 on a Sunday
  assert.equal(holidayName("US", "2022-12-26"), "Christmas Day");
  assert.equal(
    isTradingDay("US", "2021-12-31"),
    true,
    "New Year's Day on a Saturday is not observed on Friday",
  );
  assert.equal(holidayName("US", "2018-03-30"), "Good Friday");
  assert.equal(holidayName("US", "2023-06-19"), "Juneteenth");
  assert.equal(holidayName("US", "2020-06-19"), null);
});

Deno.test("NYSE calendar - every bar of the bundled real SPX history falls on a trading day", () => {
  const spx = bundledSeries("SPX");
  const off = spx.dates.filter((d) => !isTradingDay("US", d));
  assert.deepEqual(off, []);
  const expected = tradingDays("US", spx.dates[0]!, spx.dates.at(-1)!);
  const missing = expected.filter((d) => !spx.dates.includes(d));
  assert.ok(missing.length <= 3, `days the calendar expects but SPX lacks: ${missing.join(", ")}`);
});

Deno.test("TWSE calendar - Lunar New Year 2025 closed, first session after it on Feb 3", () => {
  for (const d of ["2025-01-23", "2025-01-27", "2025-01-31"]) {
    assert.equal(isTradingDay("TW", d), false, d);
  }
  assert.equal(nextTradingDay("TW", "2025-01-23"), "2025-02-03");
  assert.equal(isTradingDay("TW", "2025-02-28"), false, "Peace Memorial Day");
  assert.equal(isTradingDay("TW", "2025-01-22"), true);
});

Deno.test("marketStatus() - open, post and holiday states with the next session in the market's zone", () => {
  const open = marketStatus("US", Date.parse("2026-11-25T15:00:00Z")); // 10:00 ET
  assert.equal(open.state, "open");
  assert.equal(open.next_close, "2026-11-25T21:00:00.000Z");
  const post = marketStatus("US", Date.parse("2026-11-25T22:00:00Z"));
  assert.equal(post.state, "post");
  assert.equal(post.last_completed_session, "2026-11-25");
  assert.equal(post.next_open, "2026-11-27T14:30:00.000Z", "Thanksgiving skipped");
  assert.equal(post.next_close, "2026-11-27T18:00:00.000Z", "early close 13:00 ET");
  const hol = marketStatus("US", Date.parse("2026-11-26T16:00:00Z"));
  assert.equal(hol.state, "closed");
  assert.equal(hol.holiday, "Thanksgiving Day");
  const tw = marketStatus("TW", Date.parse("2025-01-24T02:00:00Z"));
  assert.equal(tw.state, "closed");
  assert.equal(tw.next_open, "2025-02-03T01:00:00.000Z");
  const summer = marketStatus("US", Date.parse("2026-07-01T13:30:00Z"));
  assert.equal(summer.state, "open", "09:30 EDT");
});
