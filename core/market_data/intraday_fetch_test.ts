import assert from "node:assert/strict";
import { UpstreamError, ValidationError } from "@trading/shared/errors";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { fixture, startFixtureServer } from "../../tests/helpers/fixture_server.ts";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { YahooProvider } from "../providers/yahoo.ts";
import { IntradayBars } from "./intraday_bars.ts";
import { asIntradayProvider, fetchIntraday } from "./intraday_fetch.ts";
import { IntradayStore } from "./intraday_store.ts";

const DAY = 86_400_000;
const OPEN = Date.UTC(2013, 9, 4, 13, 30);
const noSleep = { sleep: () => Promise.resolve(), random: () => 0 };

Deno.test("fetchIntraday() - Yahoo 5m bars (built from real SPY minutes) are stored once and aggregate to 15m", async () => {
  const srv = startFixtureServer(() =>
    new Response(fixture("yahoo/chart_SPY_5m_2013-10-04_2013-10-11.json"), {
      headers: { "content-type": "application/json" },
    })
  );
  const db = await openSqlite(":memory:");
  try {
    await migrateUp(db);
    const store = new IntradayStore(db);
    const yahoo = new YahooProvider(srv.url, noSleep);
    const range = { from: OPEN, to: OPEN + 8 * DAY, now: OPEN + 9 * DAY };
    const first = await fetchIntraday(store, yahoo, "SPY", "5m", range);
    assert.deepEqual(first, {
      bars: 468,
      written: 468,
      span: ["2013-10-04T09:30:00-04:00", "2013-10-11T15:55:00-04:00"],
    });
    assert.equal((await fetchIntraday(store, yahoo, "SPY", "5m", range)).written, 0);
    // fetched at 2013-10-11 15:57 EDT: the 15:55 bar is still in progress and is not stored
    const midBar = Date.UTC(2013, 9, 11, 19, 57);
    const db2 = await openSqlite(":memory:");
    try {
      await migrateUp(db2);
      const early = await fetchIntraday(new IntradayStore(db2), yahoo, "SPY", "5m", {
        ...range,
        to: midBar,
        now: midBar,
      });
      assert.equal(early.bars, 467);
      assert.equal(early.span![1], "2013-10-11T15:50:00-04:00");
    } finally {
      await db2.close();
    }
    const fifteen = (await new IntradayBars(store).load("SPY", "15m"))!;
    assert.equal(fifteen.dates.length, 6 * 26, "six sessions of 26 fifteen-minute bars");
    assert.equal(fifteen.partial, false);
    await assert.rejects(
      fetchIntraday(store, yahoo, "SPY", "5m", { ...range, now: OPEN + 90 * DAY }),
      (e: unknown) => e instanceof ValidationError && /last 60 days/.test(e.message),
    );
    assert.equal(srv.requests.length, 3, "the refused range made no request");
  } finally {
    await db.close();
    await srv.close();
  }
});

Deno.test("IntradayBars online - a missing interval is fetched from Yahoo as far back as it keeps it, then refreshed from the last bar", async () => {
  const srv = startFixtureServer((url) =>
    url.searchParams.get("interval") === "5m"
      ? new Response(fixture("yahoo/chart_SPY_5m_2013-10-04_2013-10-11.json"), {
        headers: { "content-type": "application/json" },
      })
      : new Response("{}", { status: 500 })
  );
  const db = await openSqlite(":memory:");
  try {
    await migrateUp(db);
    let now = OPEN + 9 * DAY;
    const bars = new IntradayBars(new IntradayStore(db), {
      fetcher: {
        provider: () => asIntradayProvider(new YahooProvider(srv.url, noSleep)),
        now: () => now,
      },
    });
    const period = (i: number) =>
      srv.requests[i]!.match(/period1=(\d+)&period2=(\d+)/)!.slice(1).map(Number);
    const five = (await bars.load("SPY", "5m"))!;
    assert.equal(five.dates.length, 468);
    assert.equal(srv.requests.length, 1);
    const [p1, p2] = period(0);
    assert.equal(p2! - p1!, 60 * 86_400 - 60, "as far back as Yahoo keeps 5m bars");
    assert.equal(await bars.load("SPY", "5m"), five, "no second request within 15 minutes");
    assert.equal(srv.requests.length, 1);
    now += 16 * 60_000;
    assert.equal(await bars.load("SPY", "5m"), five, "refreshed: nothing new, same data version");
    assert.equal(srv.requests.length, 2);
    assert.equal(period(1)[0], five.ts.at(-1)! / 1000 - 86_400, "from a day before the last bar");
    assert.equal(asIntradayProvider({ id: "twse", candles: () => {} }), null, "daily-only: none");
    await assert.rejects(bars.load("QQQ", "1m"), UpstreamError, "Yahoo down is an upstream error");
    const calls = srv.requests.length;
    assert.equal(await bars.load("QQQ", "1m"), null, "not retried at once: no bars");
    assert.equal(srv.requests.length, calls);
  } finally {
    await db.close();
    await srv.close();
  }
});

Deno.test("core app online - GET candles at 5m fetches the interval from the deployment's Yahoo provider", async () => {
  const srv = startFixtureServer(() =>
    new Response(fixture("yahoo/chart_SPY_5m_2013-10-04_2013-10-11.json"), {
      headers: { "content-type": "application/json" },
    })
  );
  const { app, deps } = await testCoreApp({ MARKET_DATA: "online" });
  try {
    deps.providers = { ...deps.providers, yahoo: new YahooProvider(srv.url, noSleep) };
    deps.now = () => OPEN + 9 * DAY;
    const res = await app.request("/api/symbols/MSFT/candles?interval=5m&limit=2");
    const body = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.deepEqual(body.candles.map((c: { date: string }) => c.date), [
      "2013-10-11T15:50:00-04:00",
      "2013-10-11T15:55:00-04:00",
    ]);
    assert.match(srv.requests[0]!, /^\/v8\/finance\/chart\/MSFT\?interval=5m&/);
    const aapl = await app.request("/api/symbols/AAPL/candles?interval=5m&limit=1");
    assert.equal(aapl.status, 200, "a bundled symbol's other intervals come from Yahoo");
    assert.match(srv.requests[1]!, /^\/v8\/finance\/chart\/AAPL\?interval=5m&/);
    const hourly = await (await app.request("/api/symbols/AAPL/candles?interval=1h&limit=1"))
      .json();
    assert.equal(hourly.candles[0].date, "2021-03-31T15:00:00-04:00", "its bundled hours are kept");
    assert.equal(srv.requests.length, 2, "and not fetched");
  } finally {
    await deps.db.close();
    await srv.close();
  }
});
