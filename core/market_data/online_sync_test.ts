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
  const srv = startFixtureServer((url) => {
    if (url.pathname.includes("/QQQ")) {
      return new Response(fixture("yahoo/chart_QQQ_2020-01-01_2020-01-03.json"));
    }
    return new Response("upstream down", { status: 503 });
  });
  const { deps } = await testCoreApp({ MARKET_DATA: "online" });
  const opts = { sleep: () => Promise.resolve(), random: () => 0, retries: 0 };
  deps.providers = {
    yahoo: new YahooProvider(srv.url, opts),
    twse: new TwseProvider(srv.url, { ...opts, minIntervalMs: 0 }),
  };
  deps.now = () => Date.parse("2020-01-03T23:00:00Z");
  try {
    const done = await syncOnce({ ...deps, holder: "a" });
    assert.deepEqual(done, ["QQQ"]);
    const universe = await (await createCoreApp(deps).request("/symbols")).json();
    const listed = universe.symbols.map((s: { symbol: string }) => s.symbol);
    assert.ok(listed.includes("QQQ"), "the loaded symbol joins the universe");
    assert.ok(listed.includes("AAPL"), "a symbol whose refresh failed stays");
    assert.equal(universe.total, 14, "13 stored + QQQ until the online universe is complete");
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
  deps.now = () => Date.parse("2020-01-03T23:00:00Z");
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
