import assert from "node:assert/strict";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { compression } from "./compression.ts";

const big = { rows: Array.from({ length: 500 }, (_, i) => ({ date: `2018-01-${i}`, close: i })) };

function app() {
  return new Hono()
    .use(compression())
    .get("/big", (c) => c.json(big))
    .get("/small", (c) => c.json({ status: "healthy" }))
    .get("/html", (c) => c.html(`<p>${"row ".repeat(2000)}</p>`))
    .get("/png", (c) => c.body(new Uint8Array(5000), 200, { "content-type": "image/png" }))
    .get("/sse", (c) => streamSSE(c, async (s) => await s.writeSSE({ data: "x".repeat(5000) })))
    .get(
      "/stream",
      (c) =>
        c.body(new Blob([JSON.stringify(big)]).stream(), 200, {
          "content-type": "application/json",
        }),
    );
}

const gz = { headers: { "accept-encoding": "gzip, deflate, br" } };

async function gunzip(res: Response): Promise<string> {
  const s = res.body!.pipeThrough(new DecompressionStream("gzip"));
  return await new Response(s).text();
}

Deno.test("compression() - a large JSON answer is gzipped, with Vary, and decodes to the same", async () => {
  const res = await app().request("/big", gz);
  assert.equal(res.headers.get("content-encoding"), "gzip");
  assert.match(res.headers.get("vary") ?? "", /accept-encoding/i);
  assert.deepEqual(JSON.parse(await gunzip(res)), big);
});

Deno.test("compression() - HTML and streamed JSON are compressed too", async () => {
  for (const path of ["/html", "/stream"]) {
    const res = await app().request(path, gz);
    assert.equal(res.headers.get("content-encoding"), "gzip", path);
    await res.body?.cancel();
  }
  const res = await app().request("/stream", gz);
  assert.deepEqual(JSON.parse(await gunzip(res)), big);
});

Deno.test("compression() - negotiated: no Accept-Encoding, identity; deflate when only it is accepted", async () => {
  const plain = await app().request("/big");
  assert.equal(plain.headers.get("content-encoding"), null);
  assert.match(plain.headers.get("vary") ?? "", /accept-encoding/i);
  assert.deepEqual(await plain.json(), big);
  const deflate = await app().request("/big", { headers: { "accept-encoding": "deflate" } });
  assert.equal(deflate.headers.get("content-encoding"), "deflate");
  await deflate.body?.cancel();
});

Deno.test("compression() - a small body is sent as is, with its length", async () => {
  const res = await app().request("/small", gz);
  assert.equal(res.headers.get("content-encoding"), null);
  assert.equal(res.headers.get("content-length"), String('{"status":"healthy"}'.length));
  assert.deepEqual(await res.json(), { status: "healthy" });
});

Deno.test("compression() - never an image or an event stream", async () => {
  for (const path of ["/png", "/sse"]) {
    const res = await app().request(path, gz);
    assert.equal(res.headers.get("content-encoding"), null, path);
    await res.body?.cancel();
  }
});
