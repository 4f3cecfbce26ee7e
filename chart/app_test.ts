import assert from "node:assert/strict";
import { ChartEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createChartApp } from "./app.ts";
import { startStubCore } from "./http/stub_core.ts";
import { decodePng } from "./render/png_decode.ts";
import { realCandles } from "./render/fixtures.ts";

function appFor(coreUrl: string, core = {}) {
  const lines: string[] = [];
  const logger = createLogger({
    service: "chart-test",
    level: "debug",
    write: (l) => lines.push(l),
  });
  const config = loadConfig(ChartEnvSchema, { CORE_SERVICE_URL: coreUrl });
  const app = createChartApp({
    config,
    logger,
    fetch,
    startedAt: Date.now(),
    core,
    checkResponses: true,
  });
  return { app, lines };
}

function closedPort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** Number of candle bodies (one subpath each) in the SVG text. */
function bodies(svg: string): number {
  let n = 0;
  for (const tag of svg.match(/<path[^>]*class="candle-bodies[^"]*"[^>]*>/g) ?? []) {
    const d = / d="([^"]*)"/.exec(tag)![1]!;
    if (d !== "M0 0") n += (d.match(/M/g) ?? []).length;
  }
  return n;
}

Deno.test("GET / - the seed contract with both renderers", async () => {
  const { app } = appFor("http://127.0.0.1:1");
  const body = await (await app.request("/")).json();
  assert.equal(body.service, "Chart Generation Service");
  assert.deepEqual(body.renderers, ["svg", "png"]);
  assert.match(body.version, /^\d+\.\d+\.\d+$/);
});

Deno.test("GET /charts/:symbol.svg - draws every bar of the range with core's indicators and patterns, then serves it from cache", async () => {
  const core = startStubCore();
  try {
    const { app } = appFor(core.url);
    const url = "/charts/AAPL.svg?from=2018-01-01&indicators=sma20,bb,rsi,macd&patterns=1";
    const res = await app.request(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "image/svg+xml; charset=utf-8");
    assert.equal(res.headers.get("x-cache"), "miss");
    assert.equal(res.headers.get("x-chart-warnings"), null);
    assert.match(res.headers.get("cache-control")!, /max-age=60/);
    const etag = res.headers.get("etag")!;
    assert.match(etag, /^"[0-9a-f]{16}"$/);
    const svg = await res.text();
    const expected = realCandles("AAPL").filter((c) => c.date >= "2018-01-01").length;
    assert.equal(bodies(svg), expected);
    for (
      const cls of ["pane rsi", "pane macd", "bollinger-band", "pattern-outline", "level support"]
    ) {
      assert.ok(svg.includes(cls), cls);
    }
    const seen = core.hits.length;
    const again = await app.request(url);
    assert.equal(again.headers.get("x-cache"), "hit");
    assert.equal(again.headers.get("etag"), etag);
    assert.equal(await again.text(), svg);
    assert.equal(core.hits.length, seen, "a cache hit does not call core");
    const notModified = await app.request(url, { headers: { "if-none-match": etag } });
    assert.equal(notModified.status, 304);
  } finally {
    await core.close();
  }
});

Deno.test("GET /charts/:symbol.png - a PNG at 2× scale", async () => {
  const core = startStubCore();
  try {
    const { app } = appFor(core.url);
    const res = await app.request(
      "/charts/AAPL.png?from=2018-03-01&scale=2&width=600&height=400&theme=light",
    );
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "image/png");
    const img = decodePng(new Uint8Array(await res.arrayBuffer()));
    assert.deepEqual([img.width, img.height], [1200, 800]);
  } finally {
    await core.close();
  }
});

Deno.test("GET /charts/:symbol.svg - draws without the overlays core cannot give yet and says so", async () => {
  const core = startStubCore();
  core.modes.indicators = "missing";
  core.modes.patterns = "missing";
  try {
    const { app } = appFor(core.url);
    const res = await app.request(
      "/charts/AAPL.svg?from=2018-01-01&indicators=sma20,rsi&patterns=1&signals=1",
    );
    assert.equal(res.status, 200);
    const warn = res.headers.get("x-chart-warnings")!;
    assert.match(warn, /indicators unavailable from core \(core answered 404\)/);
    assert.match(warn, /patterns unavailable from core/);
    assert.match(warn, /signals unavailable from core/);
    const svg = await res.text();
    assert.match(svg, /class="chart-warnings"/);
    assert.ok(bodies(svg) > 0);
  } finally {
    await core.close();
  }
});

Deno.test("GET /charts/:symbol.svg - an unknown symbol is core's 404, passed on", async () => {
  const core = startStubCore();
  try {
    const { app } = appFor(core.url);
    const res = await app.request("/charts/ZZZZ.svg");
    assert.equal(res.status, 404);
    const body = await res.json();
    assert.equal(body.error.code, "not_found");
    assert.match(body.error.message, /ZZZZ/);
  } finally {
    await core.close();
  }
});

Deno.test("GET /charts/:symbol.svg - invalid or absurd input is a 422 naming the field", async () => {
  const { app } = appFor("http://127.0.0.1:1");
  for (
    const [qs, field] of [
      ["width=99999", "width"],
      ["height=10", "height"],
      ["scale=3", "scale"],
      ["from=2018-02-30", "from"],
      ["from=2018-05-01&to=2018-01-01", "from"],
      ["indicators=sma20,foo", "indicators"],
      ["theme=neon", "theme"],
      ["lang=fr", "lang"],
    ]
  ) {
    const res = await app.request(`/charts/AAPL.png?${qs}`);
    assert.equal(res.status, 422, qs);
    const body = await res.json();
    assert.equal(body.error.details[0].field, field, qs);
  }
  const big = await app.request("/charts/AAPL.png?width=4000&height=3000&scale=2");
  assert.equal((await big.json()).error.details[0].field, "scale");
  assert.equal((await app.request("/charts/AAPL.gif")).status, 404);
  assert.equal((await app.request("/charts/%3Cx%3E.svg")).status, 422);
});

Deno.test("GET /charts/:symbol.svg - core down is a 502 JSON within the timeout, then the circuit opens", async () => {
  const { app } = appFor(`http://127.0.0.1:${closedPort()}`, {
    failureThreshold: 2,
    timeoutMs: 1000,
  });
  const t0 = performance.now();
  const res = await app.request("/charts/AAPL.svg");
  assert.ok(performance.now() - t0 < 1000);
  assert.equal(res.status, 502);
  const body = await res.json();
  assert.equal(body.error.code, "upstream_error");
  assert.match(body.error.message, /unreachable/);
  assert.ok(body.error.request_id);
  await app.request("/charts/AAPL.svg");
  const open = await (await app.request("/charts/AAPL.svg")).json();
  assert.match(open.error.message, /circuit open/);
});

Deno.test("GET /charts/:symbol.svg - a core that never answers is a 504 at the deadline", async () => {
  const core = startStubCore();
  core.modes.candles = "hang";
  try {
    const { app } = appFor(core.url, { timeoutMs: 300 });
    const t0 = performance.now();
    const res = await app.request("/charts/AAPL.svg");
    const ms = performance.now() - t0;
    assert.equal(res.status, 504);
    assert.equal((await res.json()).error.code, "upstream_timeout");
    assert.ok(ms >= 290 && ms < 1500, `${ms} ms`);
  } finally {
    await core.close();
  }
});

Deno.test("GET /charts/:symbol/sparkline.svg - a small line of the closes", async () => {
  const core = startStubCore();
  try {
    const { app } = appFor(core.url);
    const res = await app.request("/charts/AAPL/sparkline.svg?from=2018-04-01&width=100&height=24");
    assert.equal(res.status, 200);
    const svg = await res.text();
    assert.match(svg, /class="sparkline (up|down)"/);
    assert.match(svg, /width="100"/);
    assert.ok(res.headers.get("etag"));
  } finally {
    await core.close();
  }
});

Deno.test("POST /render - renders candles from the body and refuses bad specs with 422 naming the field", async () => {
  const { app } = appFor("http://127.0.0.1:1");
  const candles = realCandles("AAPL", 40);
  const post = (body: unknown) =>
    app.request("/render", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
  const ok = await post({ spec: { symbol: "AAPL" }, candles });
  assert.equal(ok.status, 200);
  assert.equal(bodies(await ok.text()), 40);
  const png = await post({
    spec: { symbol: "AAPL", width: 400, height: 300 },
    candles,
    format: "png",
  });
  assert.equal(decodePng(new Uint8Array(await png.arrayBuffer())).width, 400);
  for (
    const [body, field] of [
      [{ spec: { symbol: "AAPL" } }, "candles"],
      [{ spec: { symbol: "AAPL", width: 10 }, candles }, "spec.width"],
      [{ spec: { symbol: "AAPL", height: 1e6 }, candles }, "spec.height"],
      [{ spec: { symbol: "AAPL", panes: [{ type: "adx" }] }, candles }, "spec.panes.0.type"],
      [{ spec: { symbol: "AAPL" }, candles, series: { sma20: [1, 2] } }, "series.sma20"],
      [{ spec: { symbol: "AAPL" }, candles: [...candles].reverse() }, "candles.1.date"],
    ] as const
  ) {
    const res = await post(body);
    assert.equal(res.status, 422, field);
    assert.equal((await res.json()).error.details[0].field, field);
  }
  const bad = await app.request("/render", { method: "POST", body: "{nope" });
  assert.equal(bad.status, 422);
});

Deno.test("GET /health - healthy when it can render and core answers; 503 when core is down", async () => {
  const core = startStubCore();
  try {
    const up = await appFor(core.url).app.request("/health");
    assert.equal(up.status, 200);
    const body = await up.json();
    assert.equal(body.status, "healthy");
    assert.equal(body.checks.render.ok, true);
  } finally {
    await core.close();
  }
  const down = await appFor(`http://127.0.0.1:${closedPort()}`).app.request("/health");
  assert.equal(down.status, 503);
  const body = await down.json();
  assert.equal(body.checks.render.ok, true);
  assert.equal(body.checks.core.ok, false);
});
