/**
 * Compression on the wire (issue 19 finding 8): every GET route of core and chart, walked from
 * the route declarations (a new route joins automatically), answers gzip when the client accepts
 * it and the answer is compressible and at least 1 KiB, with `Vary: Accept-Encoding`; event
 * streams, PNG images and small bodies are sent as they are.
 *
 * @module
 */
import assert from "node:assert/strict";
import { ChartEnvSchema, loadConfig } from "@trading/shared/config";
import { CORE_ROUTE_DOCS } from "../../core/app.ts";
import { CHART_ROUTE_DOCS } from "../../chart/http/routes.ts";
import { createChartApp } from "../../chart/app.ts";
import { startStubCore } from "../../chart/http/stub_core.ts";
import { silentLogger, testCoreApp } from "../helpers/core_app.ts";

const GZ = { headers: { "accept-encoding": "gzip, deflate, br" } };
const EXAMPLE: Record<string, string> = { symbol: "AAPL" };

/** A request path of a declared route: `{symbol}` is AAPL, any other parameter a stand-in. */
const pathOf = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => EXAMPLE[name] ?? "00000000-0000-0000-0000");

/** What is wrong with the encoding of one answer, or null. */
async function problem(path: string, res: Response): Promise<string | null> {
  const type = res.headers.get("content-type") ?? "";
  const enc = res.headers.get("content-encoding");
  if (type.startsWith("text/event-stream") || type.startsWith("image/png")) {
    await res.body?.cancel();
    return enc ? `${path}: ${type} sent ${enc}` : null;
  }
  const raw = new Uint8Array(await res.arrayBuffer());
  const size = enc === "gzip"
    ? (await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream("gzip")))
      .arrayBuffer()).byteLength
    : raw.byteLength;
  const vary = /accept-encoding/i.test(res.headers.get("vary") ?? "");
  if (size >= 1024 && (enc !== "gzip" || !vary)) {
    return `${path}: ${size} bytes of ${type} sent ${enc ?? "uncompressed"}${
      vary ? "" : ", no Vary"
    }`;
  }
  if (size < 1024 && enc) return `${path}: a ${size}-byte body compressed`;
  return null;
}

Deno.test("compression - every GET route of core: gzip ≥ 1 KiB with Vary, never SSE", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const wrong: string[] = [];
    let compressed = 0;
    const paths = [
      "/docs",
      "/openapi.json",
      ...CORE_ROUTE_DOCS.filter((r) => r.method === "get").map((r) => pathOf(r.path)),
    ];
    for (const path of paths) {
      const res = await app.request(path, GZ);
      if (res.headers.get("content-encoding") === "gzip") compressed++;
      const p = await problem(path, res);
      if (p) wrong.push(p);
    }
    assert.deepEqual(wrong, []);
    assert.ok(compressed >= 5, `${compressed} answers compressed`);
  } finally {
    await deps.db.close();
  }
});

Deno.test("compression - core's candles: identity without Accept-Encoding, gzip with it", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const plain = await app.request("/api/symbols/AAPL/candles");
    assert.equal(plain.headers.get("content-encoding"), null);
    const body = await plain.text();
    const gz = await app.request("/api/symbols/AAPL/candles", GZ);
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    const bytes = new Uint8Array(await gz.arrayBuffer());
    assert.ok(bytes.byteLength < body.length / 3, `${bytes.byteLength} of ${body.length}`);
  } finally {
    await deps.db.close();
  }
});

Deno.test("compression - every GET route of chart: SVG gzipped, PNG not", async () => {
  const core = startStubCore();
  try {
    const config = loadConfig(ChartEnvSchema, { CORE_SERVICE_URL: core.url });
    const { logger } = silentLogger();
    const app = createChartApp({
      config,
      logger,
      fetch,
      startedAt: Date.now(),
      core: {},
      checkResponses: true,
    });
    const wrong: string[] = [];
    const encodings: Record<string, string | null> = {};
    const paths = [
      "/docs",
      ...CHART_ROUTE_DOCS.filter((r) => r.method === "get").map((r) => pathOf(r.path)),
    ];
    for (const path of paths) {
      const res = await app.request(path, GZ);
      encodings[path] = res.headers.get("content-encoding");
      const p = await problem(path, res);
      if (p) wrong.push(p);
    }
    assert.deepEqual(wrong, []);
    assert.equal(encodings["/charts/AAPL.svg"], "gzip");
    assert.equal(encodings["/charts/AAPL.png"], null);
  } finally {
    await core.close();
  }
});
