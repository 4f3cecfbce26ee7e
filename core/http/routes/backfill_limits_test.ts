// POST /api/symbols cannot be abused: a per-user rate limit, at most 2 backfills in flight per
// user, work cancelled when the client goes away, and every outbound call aborted on shutdown.
import assert from "node:assert/strict";
import { json, register } from "../../auth/test_http.ts";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { startFixtureServer } from "../../../tests/helpers/fixture_server.ts";
import { MAX_BACKFILLS_PER_USER } from "./_backfill_guard.ts";
import { SYMBOL_ADDS_PER_10_MIN } from "./markets.ts";
import { onlineApp } from "./_online_test_app.ts";

const notFound = () =>
  new Response(
    JSON.stringify({ chart: { result: null, error: { code: "Not Found", description: "none" } } }),
    { status: 404, headers: { "content-type": "application/json" } },
  );
const noTwseData = () =>
  new Response(JSON.stringify({ stat: "很抱歉，沒有符合條件的資料!" }), {
    headers: { "content-type": "application/json" },
  });

Deno.test("POST /api/symbols - 429 beyond the per-user rate limit", async () => {
  const t = await onlineApp(notFound);
  try {
    for (let i = 0; i < SYMBOL_ADDS_PER_10_MIN; i++) {
      assert.equal((await t.post({ symbol: `ZZ${i}` })).status, 404);
    }
    const res = await t.post({ symbol: "ZZZ" });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get("retry-after")) > 0);
    assert.equal(t.srv.requests.length, SYMBOL_ADDS_PER_10_MIN, "the 429 reached no provider");
  } finally {
    await t.close();
  }
});

Deno.test("POST /api/symbols - at most 2 backfills in flight per user; others are not held up", async () => {
  const held: (() => void)[] = [];
  let hold = true;
  const t = await onlineApp(() =>
    hold ? new Promise<Response>((r) => held.push(() => r(notFound()))) : notFound()
  );
  try {
    const running = Array.from(
      { length: MAX_BACKFILLS_PER_USER },
      (_, i) => t.post({ symbol: `HOLD${i}` }),
    );
    while (held.length < MAX_BACKFILLS_PER_USER) await new Promise((r) => setTimeout(r, 5));
    const third = await t.post({ symbol: "HOLD9" });
    assert.equal(third.status, 429, await third.clone().text());
    const alice = await register(t.app, "alice@example.com");
    const other = t.post({ symbol: "ALICE" }, alice);
    while (held.length < MAX_BACKFILLS_PER_USER + 1) await new Promise((r) => setTimeout(r, 5));
    hold = false;
    held.forEach((release) => release());
    assert.equal((await other).status, 404);
    for (const r of await Promise.all(running)) assert.equal(r.status, 404);
    assert.equal((await t.post({ symbol: "AFTER" })).status, 404, "slots freed");
  } finally {
    held.forEach((release) => release());
    await t.close();
  }
});

Deno.test("POST /api/symbols - a client that disconnects cancels the backfill (no more upstream calls)", async () => {
  const ac = new AbortController();
  const t = await onlineApp((url) => {
    if (url.searchParams.get("date") === "20150301") ac.abort();
    return noTwseData();
  });
  try {
    const res = await Promise.resolve(t.post({ symbol: "2330.TW", from: "2015-01-01" }, t.bob, {
      signal: ac.signal,
    })).catch((e: Error) => e);
    assert.ok(res instanceof Error || res.status === 499, String(res));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(
      t.srv.requests.length,
      3,
      "before: every month from 2015-01 to today, after the client left",
    );
    assert.notEqual((await t.post({ symbol: "2330.TW", from: "2020-12-01" })).status, 429);
  } finally {
    await t.close();
  }
});

Deno.test("shutdown - aborting deps.shutdown stops in-flight provider calls within 5 s", async () => {
  const srv = startFixtureServer(noTwseData);
  // the providers buildDeps() makes (2 s between TWSE requests, real retries)
  const { app, deps } = await testCoreApp({
    MARKET_DATA: "online",
    TWSE_BASE_URL: srv.url,
    YAHOO_BASE_URL: srv.url,
  });
  try {
    const cookie = await register(app, "bob@example.com");
    const t0 = performance.now();
    const pending = app.request(
      "/api/symbols",
      json("POST", { symbol: "2330.TW", from: "2015-01-01" }, { cookie }),
    );
    while (srv.requests.length < 1) await new Promise((r) => setTimeout(r, 5));
    deps.shutdown.abort();
    const res = await pending;
    const ms = performance.now() - t0;
    assert.equal(res.status, 503, await res.clone().text());
    assert.ok(ms < 5000, `took ${ms} ms`);
    assert.equal(srv.requests.length, 1, "no request after the abort");
  } finally {
    await deps.db.close();
    await srv.close();
  }
});
