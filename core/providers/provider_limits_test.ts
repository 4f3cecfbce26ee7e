// Backfill bounds and cancellation of the provider adapters (issue 13, #3 and #8).
import assert from "node:assert/strict";
import { startFixtureServer } from "../../tests/helpers/fixture_server.ts";
import { monthsBetween, TWSE_HISTORY_START, TwseProvider } from "./twse.ts";
import { YAHOO_HISTORY_START, YahooProvider } from "./yahoo.ts";

const noSleep = { sleep: () => Promise.resolve(), random: () => 0, retries: 0 };
const okMonth = () =>
  new Response(JSON.stringify({ stat: "很抱歉，沒有符合條件的資料!" }), {
    headers: { "content-type": "application/json" },
  });

Deno.test("monthsBetween() - a 4-digit year in every month; clamped to TWSE's history start", () => {
  assert.equal(TWSE_HISTORY_START, "2010-01-04");
  const months = monthsBetween("0001-01-01", "2026-12-03");
  assert.equal(months[0], "20100101", "was 10101: a malformed month sent upstream");
  assert.equal(months.length, 17 * 12, "was 24,312 monthly requests");
  assert.ok(months.every((m) => /^\d{8}$/.test(m)));
  assert.deepEqual(monthsBetween("2020-11-15", "2021-01-02"), ["20201101", "20201201", "20210101"]);
  assert.deepEqual(monthsBetween("2021-01-02", "2020-11-15"), []);
});

Deno.test("YahooProvider - period1 never before Yahoo's history start; the symbol is one encoded path segment", async () => {
  const srv = startFixtureServer(() => new Response("{}", { status: 500 }));
  try {
    const y = new YahooProvider(srv.url, noSleep);
    await assert.rejects(y.candles("BRK.B", { from: "0001-01-01", to: "2020-01-01" }));
    const url = new URL(srv.requests[0]!, srv.url);
    assert.equal(url.pathname, "/v8/finance/chart/BRK.B");
    assert.equal(
      Number(url.searchParams.get("period1")),
      Date.parse(`${YAHOO_HISTORY_START}T00:00:00Z`) / 1000,
    );
  } finally {
    await srv.close();
  }
});

Deno.test("TwseProvider - an aborted call stops between months, and the app-wide signal stops every call", async () => {
  const srv = startFixtureServer(okMonth);
  try {
    const perCall = new AbortController();
    const twse = new TwseProvider(srv.url, { ...noSleep, minIntervalMs: 0 });
    const run = twse.candles("2330.TW", { from: "2015-01-01", to: "2020-12-31" }, {
      signal: perCall.signal,
      onProgress: (done) => done === 3 && perCall.abort(),
    });
    await assert.rejects(run, (e: Error) => e.name === "AbortError");
    assert.equal(srv.requests.length, 3, "no month requested after the abort");

    const app = new AbortController();
    const slow = new TwseProvider(srv.url, { retries: 0, minIntervalMs: 2000, signal: app.signal });
    const t0 = performance.now();
    const running = slow.candles("2330.TW", { from: "2015-01-01", to: "2020-12-31" });
    setTimeout(() => app.abort(), 100);
    await assert.rejects(running, (e: Error) => e.name === "AbortError");
    assert.ok(performance.now() - t0 < 1000, "the 2 s spacing wait is interrupted");
    assert.equal(srv.requests.length, 4);
  } finally {
    await srv.close();
  }
});

Deno.test("YahooProvider - an abort interrupts a hanging upstream at once", async () => {
  const srv = startFixtureServer(() => new Promise<Response>(() => {}));
  try {
    const ac = new AbortController();
    const y = new YahooProvider(srv.url, { ...noSleep, timeoutMs: 30_000 });
    const t0 = performance.now();
    setTimeout(() => ac.abort(), 100);
    await assert.rejects(
      y.candles("AAPL", { from: "2020-01-01", to: "2020-02-01" }, { signal: ac.signal }),
      (e: Error) => e.name === "AbortError",
    );
    assert.ok(performance.now() - t0 < 1000);
  } finally {
    await srv.close();
  }
});
