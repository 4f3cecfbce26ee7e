import assert from "node:assert/strict";
import { ValidationError } from "@trading/shared/errors";
import { fixture, startFixtureServer } from "../../tests/helpers/fixture_server.ts";
import { realMinuteBars } from "../../tests/helpers/intraday_minutes.ts";
import { YahooProvider } from "./yahoo.ts";
import { yahooIntradayWindows } from "./yahoo_intraday.ts";

const json = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "application/json" } });
const noSleep = { sleep: () => Promise.resolve(), random: () => 0 };
const DAY = 86_400_000;
const OPEN = Date.UTC(2013, 9, 4, 13, 30); // 2013-10-04 09:30 EDT
const CLOSE = Date.UTC(2013, 9, 4, 20, 0);

Deno.test("YahooProvider.intradayCandles() - 1m bars of the built SPY response equal the real minutes", async () => {
  const srv = startFixtureServer(() => json(fixture("yahoo/chart_SPY_1m_2013-10-04.json")));
  try {
    const h = await new YahooProvider(srv.url, noSleep).intradayCandles(
      "SPY",
      "1m",
      { from: OPEN, to: CLOSE },
      { now: CLOSE + DAY },
    );
    const real = (await realMinuteBars("SPY")).filter((b) => b.ts >= OPEN && b.ts < CLOSE);
    assert.equal(h.bars.length, 390);
    assert.deepEqual(h.bars, real);
    assert.equal(h.timeZone, "America/New_York");
    assert.equal(
      srv.requests[0],
      `/v8/finance/chart/SPY?interval=1m&period1=${OPEN / 1000}&period2=${
        CLOSE / 1000
      }&includePrePost=false`,
    );
  } finally {
    await srv.close();
  }
});

Deno.test("YahooProvider.intradayCandles() - a 10-day 1m range takes two requests; 5m in one", async () => {
  const srv = startFixtureServer((url) =>
    json(fixture(
      url.searchParams.get("interval") === "5m"
        ? "yahoo/chart_SPY_5m_2013-10-04_2013-10-11.json"
        : "yahoo/chart_SPY_1m_2013-10-04.json",
    ))
  );
  try {
    const y = new YahooProvider(srv.url, noSleep);
    const now = OPEN + 12 * DAY;
    const one = await y.intradayCandles("SPY", "1m", { from: OPEN, to: OPEN + 10 * DAY }, { now });
    assert.equal(srv.requests.length, 2, "7 days per request at most");
    assert.equal(one.bars.length, 390, "the second window's copies are not appended twice");
    const five = await y.intradayCandles("SPY", "5m", { from: OPEN, to: OPEN + 8 * DAY }, { now });
    assert.equal(srv.requests.length, 3);
    assert.equal(five.bars.length, 468);
    assert.match(srv.requests[2]!, /interval=5m&/);
  } finally {
    await srv.close();
  }
});

Deno.test("yahooIntradayWindows() - a range Yahoo does not keep is refused with the limit, before any request", async () => {
  const now = Date.UTC(2024, 5, 28);
  const refused = (interval: "1m" | "5m" | "30m" | "1h", days: number) => {
    try {
      yahooIntradayWindows(interval, now - days * DAY, now, now);
      return "";
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.field, "from");
      return e.message;
    }
  };
  assert.match(
    refused("1m", 31),
    /keeps 1-minute bars for the last 30 days \(7 days per request\)/,
  );
  assert.equal(refused("1m", 30), "");
  assert.match(refused("5m", 61), /5-minute bars for the last 60 days: 5m bars before 2024-04-29/);
  assert.match(refused("30m", 61), /30-minute bars for the last 60 days/);
  assert.match(refused("1h", 731), /hourly bars for the last 730 days/);
  assert.equal(yahooIntradayWindows("1h", now - 700 * DAY, now, now).length, 1);
  let calls = 0;
  const srv = startFixtureServer(() => (calls++, json("{}")));
  try {
    await assert.rejects(
      new YahooProvider(srv.url, noSleep).intradayCandles("SPY", "1m", {
        from: now - 40 * DAY,
        to: now,
      }, { now }),
      /Yahoo Finance keeps 1-minute bars for the last 30 days/,
    );
    assert.equal(calls, 0);
  } finally {
    await srv.close();
  }
});

Deno.test("YahooProvider.intradayCandles() - Yahoo's own 422 becomes a validation error with its words", async () => {
  const body = JSON.stringify({
    chart: {
      result: null,
      error: {
        code: "Unprocessable Entity",
        description: "1m data not available for startTime=1380893400 and endTime=1381521600. " +
          "Only 7 days worth of 1m granularity data are allowed to be fetched per request.",
      },
    },
  });
  const srv = startFixtureServer(() => json(body, 422));
  try {
    await assert.rejects(
      new YahooProvider(srv.url, noSleep).intradayCandles("SPY", "1m", {
        from: OPEN,
        to: OPEN + DAY,
      }, { now: OPEN + 2 * DAY }),
      (e: unknown) =>
        e instanceof ValidationError && /Only 7 days worth of 1m granularity/.test(e.message),
    );
  } finally {
    await srv.close();
  }
});
