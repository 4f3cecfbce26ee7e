import assert from "node:assert/strict";
import { Hono } from "hono";
import { createCoreApp } from "../../app.ts";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { fixture, startFixtureServer } from "../../../tests/helpers/fixture_server.ts";
import { TwseProvider } from "../../providers/twse.ts";
import { YahooProvider } from "../../providers/yahoo.ts";
import { refreshSymbol } from "../../market_data/refresh.ts";

const json = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "application/json" } });
const noWait = { sleep: () => Promise.resolve(), random: () => 0, retries: 1, timeoutMs: 2000 };

Deno.test("GET /api/markets - US and TW state from the injected clock", async () => {
  const { deps } = await testCoreApp();
  deps.now = () => Date.parse("2026-11-26T16:00:00Z"); // Thanksgiving
  const body = await (await createCoreApp(deps).request("/api/markets")).json();
  const us = body.markets.find((m: { market: string }) => m.market === "US");
  assert.equal(us.state, "closed");
  assert.equal(us.holiday, "Thanksgiving Day");
  assert.equal(us.next_open, "2026-11-27T14:30:00.000Z");
  assert.ok(body.markets.find((m: { market: string }) => m.market === "TW"));
  await deps.db.close();
});

Deno.test("candles and quote carry as_of and stale; adjust is validated", async () => {
  const { app, deps } = await testCoreApp();
  const c = await (await app.request("/api/symbols/AAPL/candles?limit=1")).json();
  assert.equal(c.as_of, "2021-03-31", "the last row of lean/AAPL.csv");
  assert.equal(c.stale, true, "2021 data is older than the last session");
  assert.equal(c.adjust, "split");
  const q = await (await app.request("/api/symbols/AAPL/quote")).json();
  assert.equal(q.stale, true);
  assert.equal((await app.request("/api/symbols/AAPL/candles?adjust=dividends")).status, 422);
  await deps.db.close();
});

Deno.test("GET /api/symbols/:symbol/quality - the real gaps of the bundled data; 404 for unknown", async () => {
  const { app, deps } = await testCoreApp();
  const r = await (await app.request("/api/symbols/AMZN/quality")).json();
  assert.deepEqual(
    r.issues.filter((i: { kind: string }) => i.kind === "missing_session").map((
      i: { date: string },
    ) => i.date),
    ["2017-08-07", "2017-11-08"],
  );
  assert.deepEqual(r.quarantined, []);
  assert.equal((await app.request("/api/symbols/NOPE/quality")).status, 404);
  await deps.db.close();
});

Deno.test("GET /api/quotes/stream - offline replay clock over stored bars; once=1 answers JSON; 422 for bad lists", async () => {
  const { deps } = await testCoreApp({ REPLAY_STEP_MS: "1000" });
  let t = 0;
  deps.now = () => t;
  const app = createCoreApp(deps);
  const a = await (await app.request("/api/quotes/stream?symbols=aapl,SPY&once=1")).json();
  assert.equal(a.quotes[0].source, "replay");
  t = 1000;
  const b = await (await app.request("/api/quotes/stream?symbols=AAPL&once=1")).json();
  assert.notEqual(a.quotes[0].date, b.quotes[0].date, "the replay clock advances one bar per step");
  assert.equal((await app.request("/api/quotes/stream?symbols=")).status, 422);
  assert.equal(
    (await app.request(
      `/api/quotes/stream?symbols=${Array.from({ length: 21 }, (_, i) => `S${i}`).join(",")}`,
    )).status,
    422,
  );
  assert.equal((await app.request("/api/quotes/stream?symbols=NOPE")).status, 404);
  const res = await app.request("/api/quotes/stream?symbols=AAPL");
  assert.equal(res.headers.get("content-type"), "text/event-stream");
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  assert.match(new TextDecoder().decode(value), /event: quote/);
  await reader.cancel();
  await deps.db.close();
});

Deno.test("refreshSymbol() - backfill from Yahoo, idempotent refresh, and a contradicting answer quarantined", async () => {
  let variant = "ok";
  const srv = startFixtureServer((url) => {
    if (!url.pathname.includes("/QQQ")) {
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
    const body = JSON.parse(fixture("yahoo/chart_QQQ_2020-01-01_2020-01-03.json"));
    if (variant === "bad") body.chart.result[0].indicators.quote[0].close = [150];
    return json(JSON.stringify(body));
  });
  // QQQ is an embedded symbol now (LEAN, 1999–2021): backfill it into a database seeded with nothing
  const { deps } = await testCoreApp({ MARKET_DATA: "online", SEED_DATA: "none" });
  deps.providers = {
    yahoo: new YahooProvider(srv.url, noWait),
    twse: new TwseProvider(srv.url, noWait),
  };
  deps.now = () => Date.parse("2020-01-03T22:00:00Z");
  try {
    const first = await refreshSymbol(deps, "QQQ");
    assert.equal(first.status, "applied");
    assert.equal(first.written, 1);
    assert.equal((await deps.series.get("QQQ")).close[0], 216.160004);
    assert.equal((await refreshSymbol(deps, "QQQ")).status, "unchanged");
    variant = "bad";
    const q = await refreshSymbol(deps, "QQQ");
    assert.equal(q.status, "quarantined");
    assert.equal((await deps.series.get("QQQ")).close[0], 216.160004, "stored bars untouched");
    assert.equal((await deps.online.quarantined("QQQ")).length, 1);
    await assert.rejects(refreshSymbol(deps, "ZZZZ"), /delisted/);
  } finally {
    await deps.db.close();
    await srv.close();
  }
});

Deno.test("POST /api/symbols - 409 when online data is off, 401 anonymous, 201 with a provider on 127.0.0.1", async () => {
  const srv = startFixtureServer(() => json(fixture("twse/STOCK_DAY_2330_202012.json")));
  const { deps } = await testCoreApp({ MARKET_DATA: "online" });
  deps.providers = {
    yahoo: new YahooProvider(srv.url, noWait),
    twse: new TwseProvider(srv.url, { ...noWait, minIntervalMs: 0 }),
  };
  deps.now = () => Date.parse("2020-12-18T00:30:00Z"); // 08:30 in Taipei, before the open
  const core = createCoreApp(deps);
  try {
    const post = (
      app: { request: Hono["request"] },
      body: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.request("/api/symbols", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", ...headers },
      });
    assert.equal((await post(core, { symbol: "2330.TW" })).status, 401);
    // A signed-in caller (the accounts middleware's contract: context var `user`).
    const signedIn = new Hono().use(async (c, next) => {
      c.set(
        "user" as never,
        { id: "u1", email: "m@example.com", role: "user", plan: "free" } as never,
      );
      await next();
    }).route("/", createCoreApp(deps));
    assert.equal((await post(signedIn, { symbol: "2330.TW", bogus: 1 })).status, 422);
    const res = await post(signedIn, { symbol: "2330.tw", from: "2020-12-01" });
    assert.equal(res.status, 201, await res.clone().text());
    const body = await res.json();
    assert.equal(body.provider, "twse");
    assert.equal(body.as_of, "2020-12-17");
    const candles = await (await core.request("/api/symbols/2330.TW/candles")).json();
    assert.equal(candles.count, 13);
    assert.equal(candles.stale, false);
  } finally {
    await deps.db.close();
    await srv.close();
  }
  const off = await testCoreApp();
  const r = await off.app.request("/api/symbols", {
    method: "POST",
    body: "{}",
    headers: { "content-type": "application/json" },
  });
  assert.ok(r.status === 401 || r.status === 409);
  await off.deps.db.close();
});
