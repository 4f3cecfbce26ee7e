import assert from "node:assert/strict";
import { errorHandler, notFoundHandler } from "@trading/shared/http";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { chartRoutes } from "./chart.ts";

const { deps, logs } = await testCoreApp();

/** Core's chart route in front of `chart` (a function standing for the chart service). */
function appWith(
  chart: (req: Request) => Response | Promise<Response>,
  timeoutMs = 2000,
  routeDeps: typeof deps = deps,
) {
  const seen: string[] = [];
  const f = (async (input: string | URL | Request, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push(new URL(req.url).pathname + new URL(req.url).search);
    return await chart(req);
  }) as typeof fetch;
  const app = chartRoutes.app({ ...routeDeps, chartFetch: f, chartTimeoutMs: timeoutMs });
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return { app, seen };
}

Deno.test("GET /chart/{symbol} - answers with the chart service's URLs when it is up", async () => {
  const { app, seen } = appWith(() => Response.json({ status: "alive" }));
  const res = await app.request("/chart/aapl?from=2018-01-01&indicators=sma20,rsi");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.symbol, "AAPL");
  assert.equal(body.svg_path, "/charts/AAPL.svg?from=2018-01-01&indicators=sma20%2Crsi");
  assert.equal(
    body.png_url,
    `${deps.config.CHART_SERVICE_URL}/charts/AAPL.png?from=2018-01-01&indicators=sma20%2Crsi`,
  );
  assert.deepEqual(seen, ["/health/live"]);
});

Deno.test("GET /chart/{symbol}?format=png - proxies the image with its caching headers", async () => {
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const { app, seen } = appWith(() =>
    new Response(png, {
      headers: {
        "content-type": "image/png",
        etag: '"abc"',
        "cache-control": "public, max-age=60",
      },
    })
  );
  const res = await app.request("/chart/AAPL?format=png&width=600");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "image/png");
  assert.equal(res.headers.get("etag"), '"abc"');
  assert.deepEqual(new Uint8Array(await res.arrayBuffer()), png);
  assert.deepEqual(seen, ["/charts/AAPL.png?width=600"]);
});

Deno.test("GET /chart/{symbol} - 503 JSON when the chart service is down, never a 200", async () => {
  const { app } = appWith(() => Promise.reject(new TypeError("connection refused")));
  for (const q of ["", "?format=svg", "?format=png"]) {
    const res = await app.request(`/chart/AAPL${q}`);
    assert.equal(res.status, 503, q);
    const body = await res.json();
    assert.equal(body.error.code, "unavailable");
    assert.match(body.error.message, /Chart service unavailable/);
  }
});

Deno.test("GET /chart/{symbol}?format=svg - a chart service killed in the middle of its answer is a 503 JSON", async () => {
  const { app } = appWith(() =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode("<svg xmlns="));
          c.error(new TypeError("error reading a body from connection"));
        },
      }),
      { headers: { "content-type": "image/svg+xml" } },
    )
  );
  const res = await app.request("/chart/AAPL?format=svg");
  assert.equal(res.status, 503);
  assert.equal((await res.json()).error.code, "unavailable");
});

Deno.test("GET /chart/{symbol} - 404 for an unknown symbol, 422 for bad input, chart's errors passed on", async () => {
  const { app } = appWith(() =>
    Response.json({ error: { code: "validation_error", message: "x" } }, { status: 422 })
  );
  assert.equal((await app.request("/chart/ZZZZ")).status, 404);
  const bad = await app.request("/chart/AAPL?width=99999");
  assert.equal(bad.status, 422);
  assert.equal((await bad.json()).error.details[0].field, "width");
  assert.equal((await app.request("/chart/AAPL?format=gif")).status, 422);
  assert.equal((await app.request("/chart/AAPL?format=svg&style=line")).status, 422);
});

Deno.test("GET /chart/{symbol} - chart down: a generic 503 to the client, the address and cause only in the log", async () => {
  const { app } = appWith(() => Promise.reject(new TypeError("error sending request: refused")));
  const address = new URL(deps.config.CHART_SERVICE_URL).host;
  for (const q of ["", "?format=png"]) {
    logs.length = 0;
    const text = await (await app.request(`/chart/AAPL${q}`)).text();
    assert.ok(!text.includes(address), `address in the answer: ${text}`);
    assert.doesNotMatch(text, /refused|error sending/, `cause in the answer: ${text}`);
    assert.match(JSON.parse(text).error.message, /^Chart service unavailable/);
    const logged = logs.join("");
    assert.ok(logged.includes(address) && logged.includes("refused"), `not logged: ${logged}`);
  }
});

/** What `Deno.serve` hands the handler as its second argument (Hono's `c.env`). */
const connInfo = (hostname: string) => ({
  remoteAddr: { hostname, port: 50000, transport: "tcp" },
});

Deno.test("GET /chart/{symbol}?format=png - carries the client's address (as core sees it) to chart in X-Forwarded-For", async () => {
  const forwardedFor: (string | null)[] = [];
  const chart = (req: Request) => {
    forwardedFor.push(req.headers.get("x-forwarded-for"));
    return new Response("<svg/>", { headers: { "content-type": "image/svg+xml" } });
  };
  const direct = appWith(chart);
  await direct.app.request("/chart/AAPL?format=svg", {
    headers: { "x-forwarded-for": "6.6.6.6" },
  }, connInfo("203.0.113.9"));
  const behindWeb = appWith(chart, 2000, {
    ...deps,
    config: { ...deps.config, TRUST_PROXY_HOPS: 1 },
  });
  await behindWeb.app.request("/chart/AAPL?format=png", {
    headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.2" },
  }, connInfo("10.0.0.5"));
  assert.deepEqual(forwardedFor, ["203.0.113.9", "198.51.100.2"]);
});
