import assert from "node:assert/strict";
import { Hono } from "hono";
import { requestContext } from "./request_context.ts";
import { forwardHeaders, tracedFetch } from "./forward.ts";
import { httpMetrics, metricsHandler, PROMETHEUS_CONTENT_TYPE } from "./http_metrics.ts";
import { MetricsRegistry } from "./metrics.ts";
import { createLogger } from "../log.ts";

Deno.test("MetricsRegistry - renders counters, gauges and histograms in Prometheus text", () => {
  const r = new MetricsRegistry({ service: "core" });
  const c = r.counter("llm_calls_total", "LLM calls", ["model"]);
  c.inc({ model: 'gpt "4"' });
  c.inc({ model: 'gpt "4"' }, 2);
  assert.equal(r.counter("llm_calls_total", "again", ["model"]), c, "same name, same metric");
  r.gauge("db_pool_size", "pool", [], () => 7);
  const h = r.histogram("lat_seconds", "latency", ["route"], [0.1, 1]);
  h.observe({ route: "/a" }, 0.05);
  h.observe({ route: "/a" }, 0.5);
  h.observe({ route: "/a" }, 3);
  const text = r.render();
  assert.match(text, /# TYPE llm_calls_total counter\n/);
  assert.match(text, /llm_calls_total\{service="core",model="gpt \\"4\\""\} 3\n/);
  assert.match(text, /db_pool_size\{service="core"\} 7\n/);
  assert.match(text, /lat_seconds_bucket\{service="core",route="\/a",le="0.1"\} 1\n/);
  assert.match(text, /lat_seconds_bucket\{service="core",route="\/a",le="1"\} 2\n/);
  assert.match(text, /lat_seconds_bucket\{service="core",route="\/a",le="\+Inf"\} 3\n/);
  assert.match(text, /lat_seconds_count\{service="core",route="\/a"\} 3\n/);
  assert.throws(() => r.gauge("llm_calls_total", "x"), /already registered as a counter/);
  assert.throws(() => c.inc({}, -1), /decrease/);
});

Deno.test("httpMetrics() - labels requests by route pattern and status, never the raw path", async () => {
  const registry = new MetricsRegistry();
  const logger = createLogger({ service: "t", write: () => {} });
  const sub = new Hono().get("/api/items/:id", (c) => c.json({ id: c.req.param("id") }));
  const app = new Hono()
    .use(requestContext(logger))
    .use(httpMetrics(registry))
    .get("/metrics", metricsHandler(registry))
    .route("/", sub);
  await app.request("/api/items/1");
  await app.request("/api/items/%3Cscript%3E");
  await app.request("/no/such/path");
  const res = await app.request("/metrics");
  assert.equal(res.headers.get("content-type"), PROMETHEUS_CONTENT_TYPE);
  const text = await res.text();
  assert.match(
    text,
    /http_requests_total\{method="GET",route="\/api\/items\/:id",status="200"\} 2/,
  );
  assert.match(text, /http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} 1/);
  assert.match(text, /http_request_duration_seconds_count\{method="GET",route="\/api\/items\/:id"/);
  assert.doesNotMatch(text, /script|no\/such/);
});

Deno.test("forwardHeaders()/tracedFetch() - carry the request id to the next service", async () => {
  const logger = createLogger({ service: "t", write: () => {} });
  let seen: string | null = null;
  const downstream = ((_: RequestInfo | URL, init?: RequestInit) => {
    seen = new Headers(init?.headers).get("x-request-id");
    return Promise.resolve(new Response("ok"));
  }) as typeof fetch;
  const app = new Hono<{ Variables: { requestId: string } }>()
    .use(requestContext(logger))
    .get("/a", async (c) => {
      await downstream("http://core/x", { headers: forwardHeaders(c, { accept: "x" }) });
      return c.text(seen ?? "");
    });
  const res = await app.request("/a", { headers: { "x-request-id": "req-42" } });
  assert.equal(await res.text(), "req-42");
  await tracedFetch(downstream, "req-7")("http://chart/y");
  assert.equal(seen, "req-7");
  await tracedFetch(downstream, "req-7")("http://chart/y", { headers: { "x-request-id": "own" } });
  assert.equal(seen, "own", "an explicit id is kept");
});
