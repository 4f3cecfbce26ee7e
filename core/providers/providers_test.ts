import assert from "node:assert/strict";
import { NotFoundError, UpstreamError } from "@trading/shared/errors";
import { fixture, startFixtureServer } from "../../tests/helpers/fixture_server.ts";
import { parseStockDay, rocToIso, twNumber, TwseProvider } from "./twse.ts";
import { parseYahooChart, YahooProvider } from "./yahoo.ts";
import { RateLimiter } from "./rate_limiter.ts";

const json = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
const noSleep = { sleep: () => Promise.resolve(), random: () => 0 };

Deno.test("YahooProvider - daily bars, the 4:1 split and the dividend from the recorded AAPL response", async () => {
  const srv = startFixtureServer(() =>
    json(fixture("yahoo/chart_AAPL_2020-08-31_2020-11-07.json"))
  );
  try {
    const h = await new YahooProvider(srv.url, noSleep).candles("AAPL", {
      from: "2020-08-31",
      to: "2020-11-07",
    });
    assert.equal(h.bars.length, 49);
    assert.equal(h.bars[0]!.date, "2020-08-31");
    assert.equal(h.bars[0]!.close, 129.039993);
    assert.deepEqual(h.splits, [{ date: "2020-08-31", ratio: 4 }]);
    assert.deepEqual(h.dividends, [{ date: "2020-11-06", amount: 0.205 }]);
    assert.equal(h.meta.currency, "USD");
    assert.match(
      srv.requests[0]!,
      /^\/v8\/finance\/chart\/AAPL\?interval=1d&period1=\d+&period2=\d+&events=div%7Csplit$/,
    );
  } finally {
    await srv.close();
  }
});

Deno.test("YahooProvider - chart.error is a 404 with the provider's message; 429 retried; malformed JSON rejected", async () => {
  let calls = 0;
  const srv = startFixtureServer((url) => {
    if (url.pathname.endsWith("/NOPE")) {
      return json(
        JSON.stringify({
          chart: {
            result: null,
            error: { code: "Not Found", description: "No data found, symbol may be delisted" },
          },
        }),
        404,
      );
    }
    if (url.pathname.endsWith("/QQQ")) {
      return ++calls < 3
        ? json("{}", 429, { "retry-after": "0" })
        : json(fixture("yahoo/chart_QQQ_2020-01-01_2020-01-03.json"));
    }
    return new Response("<html>oops", { status: 200 });
  });
  try {
    const y = new YahooProvider(srv.url, noSleep);
    await assert.rejects(
      y.candles("NOPE", { from: "2020-01-01", to: "2020-01-31" }),
      (e) => e instanceof NotFoundError && /delisted/.test(e.message),
    );
    const q = await y.candles("QQQ", { from: "2020-01-01", to: "2020-01-03" });
    assert.equal(calls, 3);
    assert.deepEqual(q.bars.map((b) => b.date), ["2020-01-02"]);
    await assert.rejects(
      y.candles("BAD", { from: "2020-01-01", to: "2020-01-03" }),
      (e) => e instanceof UpstreamError && /malformed/.test(e.message),
    );
  } finally {
    await srv.close();
  }
});

Deno.test("YahooProvider - a timeout becomes an UpstreamError after bounded retries", async () => {
  const srv = startFixtureServer(() => new Promise((r) => setTimeout(() => r(json("{}")), 300)));
  try {
    const y = new YahooProvider(srv.url, { ...noSleep, timeoutMs: 50, retries: 1 });
    await assert.rejects(
      y.candles("AAPL", { from: "2020-01-01", to: "2020-01-31" }),
      (e) => e instanceof UpstreamError && e.timeout,
    );
  } finally {
    await new Promise((r) => setTimeout(r, 350));
    await srv.close();
  }
});

Deno.test("parseYahooChart() - a year with a split parses; schema violations are rejected at the edge", () => {
  const h = parseYahooChart(
    "NVDA",
    JSON.parse(fixture("yahoo/chart_NVDA_2021-02-01_2022-01-31_split.json")),
  );
  assert.deepEqual(h.splits, [{ date: "2021-07-20", ratio: 4 }]);
  assert.ok(h.bars.length > 240);
  const m = parseYahooChart(
    "MSFT",
    JSON.parse(fixture("yahoo/chart_MSFT_2021-02-01_2022-01-31_dividends.json")),
  );
  assert.equal(m.dividends.length, 4);
  assert.throws(() => parseYahooChart("X", { chart: { result: [{ meta: {} }] } }), UpstreamError);
});

Deno.test("TWSE - ROC dates, thousands separators, X-marked change, -- rows skipped", () => {
  assert.equal(rocToIso("109/12/01"), "2020-12-01");
  assert.equal(twNumber("38,341,265"), 38341265);
  assert.ok(Number.isNaN(twNumber("--")));
  const body = JSON.parse(fixture("twse/STOCK_DAY_2330_202012.json"));
  const bars = parseStockDay("2330", body);
  assert.equal(bars.length, 13);
  assert.deepEqual(bars[0], {
    date: "2020-12-01",
    open: 489.5,
    high: 490,
    low: 483.5,
    close: 490,
    volume: 38341265,
  });
  assert.equal(bars.at(-1)!.date, "2020-12-17");
  body.data.push(["109/12/18", "0", "0", "--", "--", "--", "--", " 0.00", "0"]);
  assert.equal(parseStockDay("2330", body).length, 13);
  assert.throws(
    () => parseStockDay("9999", { stat: "很抱歉，沒有符合條件的資料!" }),
    NotFoundError,
  );
});

Deno.test("TwseProvider - one request per month, spaced by the exchange's rate limit", async () => {
  const srv = startFixtureServer((url) =>
    url.searchParams.get("date") === "20201201"
      ? json(fixture("twse/STOCK_DAY_2330_202012.json"))
      : json(JSON.stringify({ stat: "很抱歉，沒有符合條件的資料!" }))
  );
  let clock = 0;
  const waits: number[] = [];
  try {
    const p = new TwseProvider(srv.url, {
      minIntervalMs: 2000,
      now: () => clock,
      sleep: (ms) => (waits.push(ms), clock += ms, Promise.resolve()),
      random: () => 0,
    });
    const h = await p.candles("2330.TW", { from: "2020-11-15", to: "2020-12-31" });
    assert.equal(h.bars.length, 13);
    assert.equal(h.meta.currency, "TWD");
    assert.deepEqual(srv.requests.map((r) => new URL(r, "http://x").searchParams.get("date")), [
      "20201101",
      "20201201",
    ]);
    assert.deepEqual(waits, [2000]);
  } finally {
    await srv.close();
  }
});

Deno.test("RateLimiter - tasks start at least the interval apart, in order, even when one fails", async () => {
  let t = 0;
  const starts: number[] = [];
  const rl = new RateLimiter(100, { now: () => t, sleep: (ms) => ((t += ms), Promise.resolve()) });
  const results = await Promise.allSettled(
    [1, 2, 3].map((i) =>
      rl.run(() => (starts.push(t), i === 2 ? Promise.reject(new Error("x")) : Promise.resolve(i)))
    ),
  );
  assert.deepEqual(starts, [0, 100, 200]);
  assert.equal(results[1]!.status, "rejected");
});
