import assert from "node:assert/strict";
import {
  isoLocal,
  isoLocalSeries,
  LocalClock,
  localToUtc,
  timeZoneOffsetMs,
} from "./zoned_time.ts";

const H = 3_600_000;

Deno.test("timeZoneOffsetMs() - New York switches EST/EDT at 02:00 local; Taipei stays +08:00", () => {
  const ny = "America/New_York";
  // 2013-11-03: 02:00 EDT becomes 01:00 EST (06:00 UTC)
  assert.equal(timeZoneOffsetMs(ny, Date.UTC(2013, 10, 3, 5, 59)), -4 * H);
  assert.equal(timeZoneOffsetMs(ny, Date.UTC(2013, 10, 3, 6, 0)), -5 * H);
  // 2014-03-09: 02:00 EST becomes 03:00 EDT (07:00 UTC)
  assert.equal(timeZoneOffsetMs(ny, Date.UTC(2014, 2, 9, 6, 59)), -5 * H);
  assert.equal(timeZoneOffsetMs(ny, Date.UTC(2014, 2, 9, 7, 0)), -4 * H);
  assert.equal(timeZoneOffsetMs("Asia/Taipei", Date.UTC(2024, 6, 1)), 8 * H);
  assert.throws(() => timeZoneOffsetMs("Mars/Olympus", 0), /not an IANA time zone/);
});

Deno.test("localToUtc() - wall-clock times across DST, skipped times resolve forward", () => {
  const ny = "America/New_York";
  assert.equal(localToUtc(ny, Date.UTC(2013, 9, 4, 9, 30)), Date.UTC(2013, 9, 4, 13, 30));
  assert.equal(localToUtc(ny, Date.UTC(2015, 11, 23, 9, 30)), Date.UTC(2015, 11, 23, 14, 30));
  assert.equal(localToUtc(ny, Date.UTC(2014, 2, 9, 2, 30)), Date.UTC(2014, 2, 9, 7, 30));
  assert.equal(localToUtc("Asia/Taipei", Date.UTC(2024, 0, 2, 9)), Date.UTC(2024, 0, 2, 1));
});

Deno.test("LocalClock - local day and minute of ascending instants, exact on DST days", () => {
  const clock = new LocalClock("America/New_York");
  const check = (utc: number) => {
    clock.at(utc);
    const iso = isoLocal("America/New_York", utc);
    assert.equal(clock.minute, Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)), iso);
    assert.equal(clock.day * 86_400_000, Date.parse(iso.slice(0, 10) + "T00:00:00Z"), iso);
  };
  for (let t = Date.UTC(2013, 10, 2, 0); t < Date.UTC(2013, 10, 5, 0); t += 7 * 60_000) check(t);
  for (let t = Date.UTC(2014, 2, 8, 0); t < Date.UTC(2014, 2, 11, 0); t += 7 * 60_000) check(t);
  const taipei = new LocalClock("Asia/Taipei");
  taipei.at(Date.UTC(2024, 0, 2, 1, 0));
  assert.equal(taipei.minute, 9 * 60, "TWSE opens at 09:00 local = 01:00 UTC");
});

Deno.test("isoLocal() - exchange-local ISO time with its offset", () => {
  assert.equal(
    isoLocal("America/New_York", Date.UTC(2013, 9, 4, 13, 30)),
    "2013-10-04T09:30:00-04:00",
  );
  assert.equal(isoLocal("Asia/Taipei", Date.UTC(2024, 0, 2, 5, 30)), "2024-01-02T13:30:00+08:00");
});

Deno.test("isoLocalSeries() - equals isoLocal() bar by bar across a DST switch", () => {
  const ts: number[] = [];
  for (let t = Date.UTC(2013, 10, 1, 13); t < Date.UTC(2013, 10, 5, 22); t += 37 * 60_000) {
    ts.push(t);
  }
  assert.deepEqual(
    isoLocalSeries("America/New_York", ts),
    ts.map((t) => isoLocal("America/New_York", t)),
  );
});
