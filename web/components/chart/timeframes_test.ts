import assert from "node:assert/strict";
import { INTERVALS } from "@trading/shared/schemas";
import {
  analysisFrom,
  chartTime,
  daysBefore,
  defaultRange,
  parseInterval,
  rangesFor,
  sessionStarts,
  TIMEFRAMES,
} from "./timeframes.ts";

Deno.test("sessionStarts - a break where the day changes, none on daily bars", () => {
  assert.deepEqual(
    sessionStarts([
      "2021-03-30T14:00:00-04:00",
      "2021-03-30T15:00:00-04:00",
      "2021-03-31T09:30:00-04:00",
      "2021-03-31T10:00:00-04:00",
      "2021-04-01T09:30:00-04:00",
    ]),
    [2, 4],
  );
  assert.deepEqual(sessionStarts(["2021-03-30", "2021-03-31"]), []);
});

Deno.test("TIMEFRAMES - the wire's intervals, in the same order", () => {
  assert.deepEqual(TIMEFRAMES, INTERVALS);
});

Deno.test("rangesFor - every interval's default range is one of its buttons, ending with All", () => {
  for (const i of ["1m", "5m", "15m", "30m", "1h", "1d", "1w", "1mo"] as const) {
    const ids = rangesFor(i).map((r) => r.id);
    assert.ok(ids.includes(defaultRange(i)), i);
    assert.equal(ids.at(-1), "All");
  }
  assert.deepEqual(rangesFor("1mo").map((r) => r.id), ["5Y", "10Y", "All"]);
  assert.deepEqual(rangesFor("5m").map((r) => r.id).slice(0, 2), ["1D", "5D"]);
});

Deno.test("parseInterval - known intervals pass, anything else is daily", () => {
  assert.equal(parseInterval("1w"), "1w");
  assert.equal(parseInterval("1mo"), "1mo");
  assert.equal(parseInterval("2w"), "1d");
  assert.equal(parseInterval(null), "1d");
});

Deno.test("chartTime - days stay days; exchange-local times keep their wall clock", () => {
  assert.equal(chartTime("2020-01-02"), "2020-01-02");
  assert.equal(chartTime("2020-01-02T09:30:00-05:00"), Date.UTC(2020, 0, 2, 9, 30) / 1000);
  assert.equal(chartTime("2024-03-04T13:25:00+08:00"), Date.UTC(2024, 2, 4, 13, 25) / 1000);
  assert.equal(daysBefore("2020-03-02T09:30:00-05:00", 5), "2020-02-26");
});

Deno.test("analysisFrom - the chart's first range back from the last bar, month ends kept", () => {
  assert.equal(analysisFrom("1d", "2021-03-31"), "2020-03-31");
  assert.equal(analysisFrom("1w", "2021-03-29"), "2016-03-29");
  assert.equal(analysisFrom("1mo", "2021-03-01"), null, "monthly: the whole history");
  assert.equal(analysisFrom("1h", "2021-03-31T15:00:00-04:00"), "2021-02-28");
  assert.equal(analysisFrom("1d", "2020-02-29"), "2019-02-28");
});
