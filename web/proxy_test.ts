import assert from "node:assert/strict";
import { loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { rawRequest } from "../tests/helpers/raw_http.ts";
import { createWebApp } from "./app.ts";

/** A real upstream on 127.0.0.1 that records the raw path of every request it gets. */
function recordingUpstream() {
  const paths: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    paths.push(req.url.replace(/^https?:\/\/[^/]+/, ""));
    return Response.json({ ok: true });
  });
  return { paths, server, url: `http://127.0.0.1:${server.addr.port}` };
}

/** Web on a real socket (its routes match the raw path) in front of two recording upstreams. */
async function withWeb(fn: (port: number, core: string[], chart: string[]) => Promise<void>) {
  const core = recordingUpstream();
  const chart = recordingUpstream();
  const app = createWebApp({
    config: loadConfig(WebEnvSchema, {
      CORE_SERVICE_URL: core.url,
      CHART_SERVICE_URL: chart.url,
    }),
    logger: createLogger({ service: "test", level: "error", write: () => {} }),
    fetch,
  });
  const web = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.fetch);
  try {
    await fn(web.addr.port, core.paths, chart.paths);
  } finally {
    await Promise.all([web.shutdown(), core.server.shutdown(), chart.server.shutdown()]);
  }
}

/** Paths that try to leave `/api/` or `/charts/` once a URL parser resolves them. */
export const TRAVERSALS = [
  "/api/%2e%2e/metrics",
  "/api/%2E%2E/%2E%2E/metrics",
  "/api/../metrics",
  "/api/.%2e/metrics",
  "/api/%2e./metrics",
  "/api/./me",
  "/api/%2e/me",
  "/api/..%2fmetrics",
  "/api/%2e%2e%2fmetrics",
  "/api/..\\metrics",
  "/api/%5c..%5cmetrics",
  "/api/%252e%252e/metrics",
  "/api/symbols/..%252fmetrics",
  "/charts/%2e%2e/health",
  "/charts/..%2f..%2fhealth",
  "/charts/%2e%2e/%2e%2e/metrics?x=1",
];

Deno.test("/api/* and /charts/* - dot segments and encoded slashes are refused with 400, nothing leaves the prefix", async () => {
  await withWeb(async (port, core, chart) => {
    for (const path of TRAVERSALS) {
      const res = await rawRequest(port, path);
      assert.equal(res.status, 400, `${path} → ${res.status} ${res.body.slice(0, 120)}`);
      assert.equal(JSON.parse(res.body).error.code, "bad_path", path);
    }
    assert.deepEqual(core, [], "core got a request");
    assert.deepEqual(chart, [], "chart got a request");
  });
});

Deno.test("/api/* and /charts/* - ordinary paths and queries are forwarded as sent", async () => {
  await withWeb(async (port, core, chart) => {
    for (const path of ["/api/symbols/2330.TW", "/api/me?x=%2e%2e&y=a/b", "/symbols"]) {
      assert.equal((await rawRequest(port, path)).status, 200, path);
    }
    assert.equal((await rawRequest(port, "/charts/AAPL.svg?range=1y")).status, 200);
    assert.deepEqual(core, ["/api/symbols/2330.TW", "/api/me?x=%2e%2e&y=a/b", "/symbols"]);
    assert.deepEqual(chart, ["/charts/AAPL.svg?range=1y"]);
  });
});
