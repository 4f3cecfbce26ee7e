import assert from "node:assert/strict";
import { parseAnswer, rawRequest, readAll } from "../../tests/helpers/raw_http.ts";
import { guardedServe, guardOptions } from "./guarded_serve.ts";

const enc = new TextEncoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a connection that sends a request line, then one header line every `everyMs`. */
async function trickler(port: number, everyMs: number, { body = false } = {}) {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const t0 = performance.now();
  const head = body
    ? "POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\n{"
    : "GET / HTTP/1.1\r\n";
  await conn.write(enc.encode(head));
  let open = true;
  const closed = readAll(conn).then((text) => {
    open = false;
    return { ms: performance.now() - t0, answer: parseAnswer(text) };
  });
  (async () => {
    for (let i = 0; open; i++) {
      await sleep(everyMs);
      if (open) await conn.write(enc.encode(body ? "x" : `x-${i}: y\r\n`)).catch(() => {});
    }
  })();
  return { closed, conn };
}

Deno.test({
  name:
    "guardedServe() - trickled headers and bodies are cut at their deadline; a normal request still works",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const seen: string[] = [];
    const server = guardedServe(
      { hostname: "127.0.0.1", port: 0, headerTimeoutMs: 1000, bodyTimeoutMs: 1500 },
      async (req, info) => {
        seen.push(info.remoteAddr.hostname);
        return new Response(req.body ? await req.text() : "ok");
      },
    );
    try {
      const heads = await Promise.all(
        Array.from({ length: 20 }, () => trickler(server.addr.port, 300)),
      );
      const bodies = await Promise.all(
        Array.from({ length: 5 }, () => trickler(server.addr.port, 300, { body: true })),
      );
      const ok = await rawRequest(server.addr.port, "/");
      assert.equal(ok.status, 200);
      assert.equal(ok.body, "ok");
      for (const { closed } of heads) {
        const { ms, answer } = await closed;
        assert.ok(ms >= 900 && ms < 2000, `header trickle closed after ${ms} ms`);
        assert.equal(answer.status, 408);
      }
      for (const { closed } of bodies) {
        const { ms } = await closed;
        assert.ok(ms >= 1400 && ms < 2500, `body trickle closed after ${ms} ms`);
      }
      assert.ok(seen.every((ip) => ip === "127.0.0.1"), "the handler sees the client's address");
    } finally {
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "guardedServe() - a connection beyond the per-IP cap is refused with 429, others still served",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = guardedServe(
      { hostname: "127.0.0.1", port: 0, maxConnectionsPerIp: 3, exempt: () => false },
      () => new Response("ok"),
    );
    const held: Deno.Conn[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        held.push(await Deno.connect({ hostname: "127.0.0.1", port: server.addr.port }));
      }
      await sleep(50);
      const refused = await rawRequest(server.addr.port, "/");
      assert.equal(refused.status, 429);
      held.pop()!.close();
      await sleep(100);
      assert.equal((await rawRequest(server.addr.port, "/")).status, 200);
    } finally {
      for (const c of held) c.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "guardedServe() - behind trusted proxies the cap counts each forwarded client's requests in flight",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    let release!: () => void;
    const gate = new Promise<void>((r) => release = r);
    const server = guardedServe(
      {
        hostname: "127.0.0.1",
        port: 0,
        maxConnectionsPerIp: 2,
        trustProxyHops: 1,
        exempt: () => false,
      },
      async (req) => {
        if (new URL(req.url).pathname === "/hold") await gate;
        return new Response("ok");
      },
    );
    const port = server.addr.port;
    const from = (ip: string) => ({ "x-forwarded-for": `6.6.6.6, ${ip}` });
    try {
      // Every connection comes from the proxy's one address (127.0.0.1): more than 2 connections
      // are fine, the cap is per forwarded client.
      const held = [0, 1].map(() => rawRequest(port, "/hold", { headers: from("203.0.113.7") }));
      await sleep(100);
      const over = await rawRequest(port, "/", { headers: from("203.0.113.7") });
      assert.equal(over.status, 429, "a third request in flight from one client");
      assert.match(over.body, /too_many_requests/);
      assert.equal((await rawRequest(port, "/", { headers: from("198.51.100.2") })).status, 200);
      assert.equal(
        (await rawRequest(port, "/")).status,
        200,
        "no header: a service on the network",
      );
      release();
      for (const r of await Promise.all(held)) assert.equal(r.status, 200);
      assert.equal((await rawRequest(port, "/", { headers: from("203.0.113.7") })).status, 200);
    } finally {
      release();
      await server.shutdown();
    }
  },
});

Deno.test("guardOptions() - the cap stays on behind trusted proxies (it counts forwarded clients)", () => {
  const opts = guardOptions({
    HOST: "0.0.0.0",
    PORT: 8002,
    MAX_CONNECTIONS_PER_IP: 64,
    TRUST_PROXY_HOPS: 2,
  });
  assert.equal(opts.maxConnectionsPerIp, 64);
  assert.equal(opts.trustProxyHops, 2);
});
