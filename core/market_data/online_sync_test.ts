import assert from "node:assert/strict";
import { createCoreApp } from "../app.ts";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { fixture, startFixtureServer } from "../../tests/helpers/fixture_server.ts";
import { TwseProvider } from "../providers/twse.ts";
import { YahooProvider } from "../providers/yahoo.ts";
import { progressBar } from "./fetch_cli.ts";
import { isDue, ONLINE_UNIVERSE, syncOnce } from "./online_sync.ts";

Deno.test("isDue() - a symbol is refreshed once its market's session has closed and settled", () => {
  const wed = Date.parse("2026-11-25T21:10:00Z"); // 16:10 ET, 10 min after the close
  assert.equal(isDue("AAPL", "2026-11-24", wed), false, "not settled yet");
  assert.equal(isDue("AAPL", "2026-11-24", wed + 15 * 60_000), true);
  assert.equal(isDue("AAPL", "2026-11-25", wed + 15 * 60_000), false, "already stored");
  assert.equal(
    isDue("2330.TW", "2026-11-24", Date.parse("2026-11-25T06:00:00Z")),
    true,
    "14:00 Taipei",
  );
});

Deno.test("syncOnce() - backfills the online universe under a lease; failures keep stored data", async () => {
  // The US members of the online universe are all embedded now (SPY, QQQ, AAPL, GOOGL from
  // LEAN; MSFT, AMZN, NVDA, TSLA): the ones without stored bars are the Taiwan stocks. TWSE
  // answers 2330's December 2020 and "no data" for its earlier months; everything else is down.
  const srv = startFixtureServer((url) => {
    if (url.pathname.includes("STOCK_DAY") && url.searchParams.get("stockNo") === "2330") {
      return url.searchParams.get("date") === "20201201"
        ? new Response(fixture("twse/STOCK_DAY_2330_202012.json"))
        : new Response(JSON.stringify({ stat: "很抱歉，沒有符合條件的資料!" }));
    }
    return new Response("upstream down", { status: 503 });
  });
  const { deps } = await testCoreApp({ MARKET_DATA: "online" });
  const opts = { sleep: () => Promise.resolve(), random: () => 0, retries: 0 };
  deps.providers = {
    yahoo: new YahooProvider(srv.url, opts),
    twse: new TwseProvider(srv.url, { ...opts, minIntervalMs: 0 }),
  };
  deps.now = () => Date.parse("2020-12-18T08:00:00Z"); // 16:00 in Taipei, after the close
  try {
    const done = await syncOnce({ ...deps, holder: "a" });
    assert.deepEqual(done, ["2330.TW"]);
    const universe = await (await createCoreApp(deps).request("/symbols")).json();
    const listed = universe.symbols.map((s: { symbol: string }) => s.symbol);
    assert.ok(listed.includes("2330.TW"), "the loaded symbol joins the universe");
    assert.ok(listed.includes("AAPL"), "a symbol whose refresh failed stays");
    assert.equal(universe.total, 14, "13 stored + 2330.TW until the online universe is complete");
    const tsmc = await (await createCoreApp(deps).request("/api/symbols/2330.TW/candles")).json();
    assert.equal(tsmc.count, 13, "the 13 sessions of the fixture up to 2020-12-17");
    assert.equal(
      await deps.online.acquireLease("refresh:SPY", "b", deps.now(), 1000),
      false,
      "instance a holds the lease",
    );
    assert.equal(ONLINE_UNIVERSE.length, 13);
  } finally {
    await deps.db.close();
    await srv.close();
  }
});

Deno.test("syncOnce() - providers unreachable at first start: the 13 stored symbols keep serving", async () => {
  const srv = startFixtureServer(() => new Response("upstream down", { status: 503 }));
  const { deps } = await testCoreApp({ MARKET_DATA: "online" });
  const opts = { sleep: () => Promise.resolve(), random: () => 0, retries: 0 };
  deps.providers = {
    yahoo: new YahooProvider(srv.url, opts),
    twse: new TwseProvider(srv.url, { ...opts, minIntervalMs: 0 }),
  };
  // after the last embedded bar (2021-03-31): every stored symbol is stale
  deps.now = () => Date.parse("2021-04-06T23:00:00Z");
  try {
    assert.deepEqual(await syncOnce({ ...deps, holder: "a" }), []);
    const app = createCoreApp(deps);
    const health = await app.request("/health");
    assert.equal(health.status, 200, await health.clone().text());
    assert.equal((await health.json()).status, "healthy");
    assert.equal((await (await app.request("/symbols")).json()).total, 13);
    const candles = await (await app.request("/api/symbols/AAPL/candles?limit=1")).json();
    assert.equal(candles.stale, true, "stored data keeps serving, marked stale");
    // a second pass (e.g. after a restart, still offline upstream) changes nothing
    await syncOnce({ ...deps, holder: "a" });
    assert.equal((await (await app.request("/symbols")).json()).total, 13);
  } finally {
    await deps.db.close();
    await srv.close();
  }
});

Deno.test("progressBar() - fills proportionally", () => {
  assert.equal(progressBar(1, 4, 8), "[##......] 1/4");
  assert.equal(progressBar(0, 0, 4), "[####] 0/0");
});
