import assert from "node:assert/strict";
import { parseCsvTime, parseIntradayCsv } from "./intraday_csv.ts";
import { sessionOf } from "./session.ts";
import { isoLocal } from "./zoned_time.ts";

const NY = sessionOf("America/New_York");
// Real SPY minutes of 2013-10-04 (LEAN sample data, tests/fixtures/intraday/minute/SPY_1m.csv)
const HEADER = "time,open,high,low,close,volume\n";
const PRE = "2013-10-04T09:00:00-04:00,167.87,167.9,167.87,167.9,3000\n";
const OPEN = "2013-10-04T09:30:00-04:00,167.74,167.82,167.67,167.77,633958\n";
const NEXT = "2013-10-04T09:31:00-04:00,167.76,167.83,167.73,167.75,641236\n";
const CLOSE = "2013-10-04T16:00:00-04:00,168.88,168.89,168.63,168.63,888265\n";

Deno.test("parseIntradayCsv() - keeps session rows, lists the others apart", () => {
  const r = parseIntradayCsv(HEADER + PRE + OPEN + NEXT + CLOSE, { minutes: 1, session: NY });
  assert.deepEqual(r.rejected, []);
  assert.deepEqual(r.bars.map((b) => isoLocal("America/New_York", b.ts)), [
    "2013-10-04T09:30:00-04:00",
    "2013-10-04T09:31:00-04:00",
  ]);
  assert.deepEqual(r.outside, [
    { line: 2, reason: "2013-10-04T09:00:00-04:00 is outside the session" },
    { line: 5, reason: "2013-10-04T16:00:00-04:00 is outside the session" },
  ]);
  const ext = parseIntradayCsv(HEADER + PRE + OPEN + NEXT + CLOSE, {
    minutes: 1,
    session: NY,
    extended: true,
  });
  assert.equal(ext.bars.length, 4, "extended hours keep pre- and post-market rows");
});

Deno.test("parseIntradayCsv() - wall-clock times read in the tz column, the flag's zone or the exchange's", () => {
  const naive =
    "time,open,high,low,close,volume\n2013-10-04 09:30,167.74,167.82,167.67,167.77,633958\n";
  const byExchange = parseIntradayCsv(naive, { minutes: 1, session: NY });
  assert.equal(byExchange.bars[0]!.ts, Date.UTC(2013, 9, 4, 13, 30));
  const utcRow =
    "time,tz,open,high,low,close,volume\n2013-10-04 13:30,UTC,167.74,167.82,167.67,167.77,633958\n";
  assert.equal(
    parseIntradayCsv(utcRow, { minutes: 1, session: NY }).bars[0]!.ts,
    Date.UTC(2013, 9, 4, 13, 30),
  );
  const flagged = parseIntradayCsv(naive.replace("09:30", "13:30"), {
    minutes: 1,
    session: NY,
    timeZone: "UTC",
  });
  assert.equal(flagged.bars[0]!.ts, Date.UTC(2013, 9, 4, 13, 30));
});

Deno.test("parseIntradayCsv() - an hourly bar reaching into the session is labelled at the open", () => {
  const hour =
    "time,open,high,low,close,volume\n2013-10-04T09:00:00-04:00,167.74,168.27,167.53,168.18,10924334\n";
  const r = parseIntradayCsv(hour, { minutes: 60, session: NY });
  assert.equal(isoLocal("America/New_York", r.bars[0]!.ts), "2013-10-04T09:30:00-04:00");
  const five = parseIntradayCsv(hour, { minutes: 5, session: NY });
  assert.equal(five.outside.length, 1, "a 09:00 five-minute bar ends before the open");
});

Deno.test("parseIntradayCsv() - refuses bad rows with their line numbers", () => {
  const bad = HEADER + OPEN + OPEN + "2013-13-04T09:40:00-04:00,1,1,1,1,1\n" +
    "2013-10-04T09:41:00-04:00,167.7,167.6,167.7,167.7,1\n" +
    "2013-10-04T09:42:00-04:00,0x10,1,1,1,1\n";
  const r = parseIntradayCsv(bad, { minutes: 1, session: NY });
  assert.deepEqual(r.rejected.map((x) => x.line), [3, 4, 5, 6]);
  assert.match(r.rejected[0]!.reason, /duplicated/);
  assert.match(r.rejected[1]!.reason, /not a real date/);
  assert.match(r.rejected[2]!.reason, /high/);
  assert.deepEqual(parseIntradayCsv("date,open\n", { minutes: 1, session: NY }).rejected, [
    { line: 1, reason: "header lacks column(s): time, high, low, close, volume" },
  ]);
  assert.match(String(parseCsvTime("2013-10-04", "UTC")), /not YYYY-MM-DD HH:MM/);
});
