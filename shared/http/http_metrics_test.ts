import assert from "node:assert/strict";
import { Hono } from "hono";
import { httpMetrics, methodLabel } from "./http_metrics.ts";
import { MetricsRegistry } from "./metrics.ts";

Deno.test("httpMetrics() - invented request methods share one OTHER label instead of creating series", async () => {
  const registry = new MetricsRegistry();
  const app = new Hono().use(httpMetrics(registry)).all("/x", (c) => c.text("ok"));
  for (let i = 0; i < 50; i++) await app.request("/x", { method: `FOO${i}` });
  await app.request("/x", { method: "PATCH" });
  await app.request("/x");
  const text = registry.render();
  assert.doesNotMatch(text, /FOO/);
  assert.match(text, /http_requests_total\{method="OTHER",route="\/x",status="200"\} 50\n/);
  assert.match(text, /http_requests_total\{method="PATCH",route="\/x",status="200"\} 1\n/);
  assert.match(text, /http_requests_total\{method="GET",route="\/x",status="200"\} 1\n/);
  assert.equal(methodLabel("get"), "OTHER", "methods are case-sensitive; clients send upper case");
});
