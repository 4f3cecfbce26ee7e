import assert from "node:assert/strict";
import { ChartEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { type ChartDeps, createChartApp } from "./app.ts";
import { RenderGate } from "./http/render_gate.ts";
import { realCandles } from "./render/fixtures.ts";

/** The chart app with a core that is never reached, and a fetch that records every call. */
function appFor(extra: Partial<ChartDeps> = {}) {
  const calls: string[] = [];
  const fetchSpy: typeof fetch = (input) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return Promise.reject(new TypeError("connection refused"));
  };
  const logger = createLogger({ service: "chart-test", level: "error", write: () => {} });
  const config = loadConfig(ChartEnvSchema, { CORE_SERVICE_URL: "http://127.0.0.1:9" });
  const app = createChartApp({
    config,
    logger,
    fetch: fetchSpy,
    startedAt: 0,
    checkResponses: true,
    ...extra,
  });
  return { app, calls };
}

const CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const post = (app: ReturnType<typeof appFor>["app"], body: unknown) =>
  app.request("/render", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

Deno.test("chart responses - SVG, PNG and JSON errors carry a locked-down CSP and nosniff", async () => {
  const { app } = appFor();
  const candles = realCandles("AAPL", 30);
  const svg = await post(app, { spec: { symbol: "AAPL" }, candles });
  const png = await post(app, {
    spec: { symbol: "AAPL", width: 300, height: 200 },
    candles,
    format: "png",
  });
  const bad = await post(app, { spec: { symbol: "AAPL" } });
  const down = await app.request("/charts/AAPL.svg");
  for (
    const [name, res, status, type] of [
      ["svg", svg, 200, "image/svg+xml"],
      ["png", png, 200, "image/png"],
      ["422", bad, 422, "application/json"],
      ["502", down, 502, "application/json"],
    ] as const
  ) {
    assert.equal(res.status, status, name);
    assert.ok(res.headers.get("content-type")!.startsWith(type), name);
    assert.equal(res.headers.get("content-security-policy"), CHART_CSP, name);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", name);
    await res.body?.cancel();
  }
});

Deno.test("GET /health/live - 200 without calling core, even when core is unreachable", async () => {
  const { app, calls } = appFor();
  const res = await app.request("/health/live");
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "alive" });
  assert.deepEqual(calls, [], "the liveness probe never calls core");
  const full = await app.request("/health");
  assert.equal(full.status, 503, "/health does depend on core (not for a container check)");
  assert.ok(calls.length > 0);
});

Deno.test("POST /render - 2 renders at once and 8 waiting; the next is a 503 JSON with Retry-After, and the service stays live", async () => {
  const release = Promise.withResolvers<void>();
  let started = 0;
  const gate = new RenderGate({ concurrency: 2, queue: 8, retryAfterS: 2 });
  const { app } = appFor({
    renderGate: gate,
    rasterise: async () => {
      started++;
      await release.promise;
      return new Uint8Array([137, 80, 78, 71]);
    },
  });
  const candles = realCandles("AAPL", 30);
  const png = (i: number) =>
    post(app, { spec: { symbol: "AAPL", title: `t${i}` }, candles, format: "png" });
  const accepted = Array.from({ length: 10 }, (_, i) => png(i));
  for (let i = 0; i < 200 && gate.queued < 8; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual([gate.running, gate.queued, started], [2, 8, 2]);
  const refused = await png(10);
  assert.equal(refused.status, 503);
  assert.equal(refused.headers.get("retry-after"), "2");
  const body = await refused.json();
  assert.equal(body.error.code, "unavailable");
  assert.match(body.error.message, /busy/);
  assert.ok(body.error.request_id);
  assert.equal((await app.request("/health/live")).status, 200, "liveness answers meanwhile");
  release.resolve();
  const done = await Promise.all(accepted);
  assert.deepEqual(done.map((r) => r.status), Array(10).fill(200));
  await Promise.all(done.map((r) => r.body?.cancel()));
  assert.equal(started, 10);
  assert.equal((await png(11)).status, 200, "a slot is free again");
});

Deno.test("GET /charts/* and POST /render* - a client that forced too many renders is a 429 with Retry-After; cache hits, other clients and the probes are not", async () => {
  const { app } = appFor({ rateLimit: { capacity: 3, refillPerS: 0.1 } });
  const as = (ip: string, path: string, init: RequestInit = {}) =>
    app.request(path, init, { remoteAddr: { hostname: ip } });
  const candles = realCandles("AAPL", 20);
  const render = (title: string) => ({
    method: "POST",
    body: JSON.stringify({ spec: { symbol: "AAPL", title }, candles }),
    headers: { "content-type": "application/json" },
  });
  for (const title of ["a", "a", "b", "a", "b", "c"]) { // 3 renders, 3 cache hits
    const res = await as("10.0.0.1", "/render", render(title));
    assert.equal(res.status, 200, title);
    await res.body?.cancel();
  }
  assert.equal((await as("10.0.0.1", "/charts/AAPL.svg?width=1")).status, 429);
  for (const [path, init] of [["/charts/AAPL.png", {}], ["/render", render("a")]] as const) {
    const res = await as("10.0.0.1", path, init);
    assert.equal(res.status, 429, path);
    assert.equal(res.headers.get("retry-after"), "10", path);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    const body = await res.json();
    assert.equal(body.error.code, "rate_limited");
    assert.ok(body.error.request_id);
  }
  const other = await as("10.0.0.2", "/render", render("d"));
  assert.equal(other.status, 200, "another client");
  await other.body?.cancel();
  assert.equal((await as("10.0.0.1", "/health/live")).status, 200, "probes are not limited");
});

Deno.test("POST /render - identical requests arriving during a render share it (one gate slot, one rasterisation)", async () => {
  const release = Promise.withResolvers<void>();
  let started = 0;
  const gate = new RenderGate({ concurrency: 1, queue: 0 });
  const { app } = appFor({
    renderGate: gate,
    rasterise: async () => {
      started++;
      await release.promise;
      return new Uint8Array([137, 80, 78, 71]);
    },
  });
  const body = { spec: { symbol: "AAPL" }, candles: realCandles("AAPL", 30), format: "png" };
  const same = Array.from({ length: 5 }, () => post(app, body));
  for (let i = 0; i < 200 && started < 1; i++) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 20));
  release.resolve();
  const res = await Promise.all(same);
  assert.deepEqual(res.map((r) => r.status), [200, 200, 200, 200, 200]);
  assert.equal(started, 1);
  assert.deepEqual(res.map((r) => r.headers.get("x-cache")).sort(), [
    "hit",
    "hit",
    "hit",
    "hit",
    "miss",
  ]);
  await Promise.all(res.map((r) => r.body?.cancel()));
});

Deno.test("core down - /charts/*, /health and chart warnings never show core's address or the cause; the log has both", async () => {
  const lines: string[] = [];
  const logger = createLogger({
    service: "chart-test",
    level: "debug",
    write: (l) => lines.push(l),
  });
  const refused = (input: RequestInfo | URL) =>
    Promise.reject(
      new TypeError(`error sending request for url (${input}): tcp connect error: refused`),
    );
  const config = loadConfig(ChartEnvSchema, { CORE_SERVICE_URL: "http://10.9.8.7:8002" });
  const app = createChartApp({
    config,
    logger,
    fetch: refused,
    checkResponses: true,
    startedAt: 0,
    core: { retries: 0 },
  });
  for (const path of ["/charts/AAPL.svg", "/charts/AAPL.png", "/health"]) {
    const res = await app.request(path);
    const text = await res.text();
    assert.ok(res.status >= 500, `${path} → ${res.status}`);
    assert.ok(!/10\.9\.8\.7|tcp connect|refused/.test(text), `${path} leaks: ${text}`);
  }
  const logged = lines.join("");
  assert.ok(logged.includes("10.9.8.7") && logged.includes("refused"), `not logged: ${logged}`);
});

Deno.test("POST /render - candles with high < low, or open/close outside [low, high], are refused with 422 naming the field and index", async () => {
  const { app } = appFor();
  const candles = realCandles("AAPL", 30);
  const cases: [string, (c: Record<string, number>) => void, string][] = [
    ["high < low", (c) => {
      [c.high, c.low] = [c.low!, c.high!];
    }, "candles.7.high"],
    ["open above high", (c) => {
      c.open = c.high! + 1;
    }, "candles.7.high"],
    ["close below low", (c) => {
      c.close = c.low! - 1;
    }, "candles.7.low"],
  ];
  for (const [name, spoil, field] of cases) {
    const bad = candles.map((c) => ({ ...c })) as unknown as Record<string, number>[];
    spoil(bad[7]!);
    const res = await post(app, { spec: { symbol: "AAPL" }, candles: bad });
    assert.equal(res.status, 422, name);
    const body = await res.json();
    assert.ok(
      body.error.details.some((d: { field: string }) => d.field === field),
      `${name}: ${JSON.stringify(body.error.details)}`,
    );
  }
});
