import assert from "node:assert/strict";
import { ChartEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { type ChartDeps, createChartApp } from "./app.ts";
import { realCandles } from "./render/_fixtures.ts";

/** The chart app with a core that is never reached, and a fetch that records every call. */
function appFor(extra: Partial<ChartDeps> = {}) {
  const calls: string[] = [];
  const fetchSpy: typeof fetch = (input) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return Promise.reject(new TypeError("connection refused"));
  };
  const logger = createLogger({ service: "chart-test", level: "error", write: () => {} });
  const config = loadConfig(ChartEnvSchema, { CORE_SERVICE_URL: "http://127.0.0.1:9" });
  const app = createChartApp({ config, logger, fetch: fetchSpy, startedAt: 0, ...extra });
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
