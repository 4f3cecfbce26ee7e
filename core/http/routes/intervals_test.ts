import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

Deno.test("interval - candles, quote, indicators, patterns, signals and /analyze answer weekly and monthly bars", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const weekly = await (await app.request("/api/symbols/SPX/candles?interval=1w&limit=3")).json();
    assert.equal(weekly.interval, "1w");
    assert.deepEqual(weekly.candles.map((c: { date: string }) => c.date), [
      "2020-03-30",
      "2020-04-06", // Good Friday 04-10 closed: Monday–Thursday
      "2020-04-13",
    ]);
    assert.equal(weekly.candles.at(-1).partial, undefined, "the week of Friday 04-17 has ended");
    const monthly = await (await app.request("/api/symbols/SPX/candles?interval=1mo&limit=2"))
      .json();
    assert.equal(monthly.candles.at(-1).date, "2020-04-01");
    assert.equal(monthly.candles.at(-1).partial, true, "April 2020 is stored up to the 17th");
    assert.equal(monthly.candles[0].partial, undefined);

    const quote = await (await app.request("/api/symbols/SPX/quote?interval=1mo")).json();
    assert.equal(quote.date, "2020-04-01");
    assert.equal(quote.as_of, "2020-04-17");
    assert.equal(quote.partial, true);
    assert.equal(quote.close, monthly.candles.at(-1).close);
    assert.equal(quote.previous_close, monthly.candles[0].close);

    const ind = await (await app.request("/api/symbols/SPX/indicators?names=sma:10&interval=1w"))
      .json();
    assert.equal(ind.interval, "1w");
    assert.equal(ind.partial, false);
    assert.equal(ind.dates.at(-1), "2020-04-13");
    const all = await (await app.request("/api/symbols/SPX/candles?interval=1w&limit=10")).json();
    const mean = all.candles.reduce((s: number, c: { close: number }) => s + c.close, 0) / 10;
    assert.ok(Math.abs(ind.series.sma_10.at(-1) - mean) < 1e-9, "SMA(10) of weekly closes");

    const pat = await app.request("/api/symbols/SPX/patterns?interval=1mo&candles=1");
    assert.equal(pat.status, 200);
    assert.equal((await pat.json()).interval, "1mo");
    const sig = await (await app.request("/api/symbols/SPX/signals?interval=1w")).json();
    assert.equal(sig.interval, "1w");
    for (const s of sig.signals) assert.ok(all.candles.length && typeof s.date === "string");

    const analyze = await app.request("/analyze/SPX", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ interval: "1w", period: "2y" }),
    });
    assert.equal(analyze.status, 200);
    const a = await analyze.json();
    assert.equal(a.interval, "1w");
  } finally {
    await deps.db.close();
  }
});

Deno.test("interval - an unknown interval is a 422 naming interval; an intraday one without bars a 404", async () => {
  const { app, deps } = await testCoreApp();
  try {
    for (
      const url of [
        "/api/symbols/SPX/candles?interval=2w",
        "/api/symbols/SPX/quote?interval=1y",
        "/api/symbols/SPX/indicators?names=rsi&interval=daily",
        "/api/symbols/SPX/patterns?interval=7d",
        "/api/symbols/SPX/signals?interval=1W",
      ]
    ) {
      const res = await app.request(url);
      assert.equal(res.status, 422, url);
      const body = await res.json();
      assert.ok(
        body.error.details.some((d: { field: string }) => d.field === "interval"),
        `${url}: ${JSON.stringify(body)}`,
      );
    }
    const res = await app.request("/api/symbols/SPX/candles?interval=5m");
    assert.equal(res.status, 404);
    assert.match((await res.json()).error.message, /No intraday bars for SPX at 5m/);
  } finally {
    await deps.db.close();
  }
});

Deno.test("interval - intraday bars (the bundled hourly AAPL, IBM) through candles, quote, signals and /analyze", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const get = async (url: string) => {
      const res = await app.request(url);
      assert.equal(res.status, 200, `${url}: ${await res.clone().text()}`);
      return await res.json();
    };
    const hourly = await get("/api/symbols/AAPL/candles?interval=1h&limit=2");
    assert.equal(hourly.interval, "1h");
    assert.match(hourly.candles[1].date, /^2021-03-31T15:00:00-04:00$/);
    assert.equal(hourly.as_of, "2021-03-31", "freshness of the hourly data, not the daily");
    const quote = await get("/api/symbols/AAPL/quote?interval=1h");
    assert.equal(quote.date, hourly.candles[1].date);
    assert.equal(quote.previous_close, hourly.candles[0].close);
    assert.equal(quote.as_of, "2021-03-31");
    const ibm = await get("/api/symbols/IBM/candles?interval=1h&limit=1");
    assert.equal(ibm.count, 1, "IBM's bundled hours");
    await get("/api/symbols/AAPL/signals?interval=1h&from=2021-03-01");
    const analyze = await app.request("/analyze/AAPL", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ interval: "1h", period: "1mo" }),
    });
    assert.equal(analyze.status, 200, await analyze.clone().text());
    assert.equal((await analyze.json()).interval, "1h");
  } finally {
    await deps.db.close();
  }
});

Deno.test("GET /api/symbols/:symbol/intervals - the intervals a symbol has bars at", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const intervals = async (symbol: string) => {
      const res = await app.request(`/api/symbols/${symbol}/intervals`);
      return { status: res.status, body: await res.json() };
    };
    assert.deepEqual((await intervals("SPX")).body.intervals, ["1d", "1w", "1mo"]);
    assert.deepEqual((await intervals("AAPL")).body.intervals, ["1h", "1d", "1w", "1mo"]);
    assert.equal((await intervals("NOPE")).status, 404);
    const res = await app.request("/api/symbols/SPX/candles?interval=1h");
    assert.equal(res.status, 404);
    assert.match((await res.json()).error.message, /SPX at 1h: only 1d, 1w, 1mo are available/);
  } finally {
    await deps.db.close();
  }
});
