import assert from "node:assert/strict";
import { forward } from "./proxy.ts";

/** An upstream whose answer starts, then its connection breaks (a chart service killed). */
const dying: typeof fetch = () =>
  Promise.resolve(
    new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode("<svg xmlns="));
          c.error(new TypeError("error reading a body from connection"));
        },
      }),
      { headers: { "content-type": "image/svg+xml" } },
    ),
  );

const opts = {
  target: "http://chart.test",
  allow: "/charts/",
  fetch: dying,
  timeoutMs: 1000,
  service: "chart",
};

Deno.test("forward() with buffer - an upstream that dies mid-body is a JSON 502, not a cut connection", async () => {
  const res = await forward(new Request("http://web.test/charts/AAPL.svg"), {
    ...opts,
    buffer: true,
  });
  assert.equal(res.status, 502);
  const body = await res.json();
  assert.equal(body.error.code, "upstream_unavailable");
  assert.match(body.error.message, /chart service/);
});

Deno.test("forward() streaming (event streams) - the body is passed through as it comes", async () => {
  const res = await forward(new Request("http://web.test/charts/AAPL.svg"), opts);
  assert.equal(res.status, 200);
  await assert.rejects(res.arrayBuffer(), /error reading a body/);
});
