import assert from "node:assert/strict";
import { Hono } from "hono";
import { ipRateLimit, isLoopback, TokenBuckets } from "./ip_rate_limit.ts";

Deno.test("TokenBuckets - a burst of `capacity`, then one token back per 1/refill seconds", () => {
  const b = new TokenBuckets({ capacity: 3, refillPerS: 0.5 });
  for (let i = 0; i < 3; i++) {
    assert.equal(b.waitS("a", 0), 0);
    b.spend("a", 0);
  }
  assert.equal(b.waitS("a", 0), 2, "a token is back in 2 s");
  assert.equal(b.waitS("a", 1000), 1);
  assert.equal(b.waitS("a", 2000), 0);
  b.spend("a", 2000, 3);
  assert.equal(b.waitS("a", 2000), 6, "an overdraft of 2 tokens is paid back first");
  assert.equal(b.waitS("b", 2000), 0, "other clients have their own bucket");
  assert.throws(() => new TokenBuckets({ capacity: 0 }), RangeError);
});

Deno.test("TokenBuckets - remembers at most maxClients, forgetting refilled buckets first", () => {
  const b = new TokenBuckets({ capacity: 2, refillPerS: 1, maxClients: 3 });
  b.spend("ip0", 0);
  b.spend("ip1", 0);
  b.spend("busy", 1500, 2);
  b.spend("new", 3000); // 4 clients: ip0 and ip1 have refilled, "busy" has not
  assert.equal(b.size, 2);
  assert.equal(b.waitS("busy", 3000), 0, "1.5 tokens were back");
  b.spend("busy", 3000);
  assert.equal(b.waitS("busy", 3000), 1, "the exhausted client was remembered");
  for (let i = 0; i < 50; i++) b.spend(`x${i}`, 3000);
  assert.ok(b.size <= 3, "beyond that the longest idle go");
  assert.equal(b.waitS("x49", 3000), 0);
  b.spend("x49", 3000);
  assert.equal(b.waitS("x49", 3000), 1, "the latest client is still known");
});

function limitedApp(o: Parameters<typeof ipRateLimit>[0]) {
  return new Hono()
    .use(ipRateLimit(o))
    .get("/hit", (c) => c.text("ok", 200, { "x-cache": "hit" }))
    .get("/miss", (c) => c.text("ok", 200, { "x-cache": "miss" }))
    .get("/bad", (c) => c.json({ error: "bad" }, 422));
}

Deno.test("ipRateLimit() - renders spend a client's tokens, then a 429 JSON with Retry-After; cache hits and refusals are free", async () => {
  let t = 0;
  const app = limitedApp({ capacity: 2, refillPerS: 1, now: () => t });
  const from = (ip: string, path: string, xff?: string) =>
    app.request(path, xff ? { headers: { "x-forwarded-for": xff } } : {}, {
      remoteAddr: { hostname: ip },
    });
  for (let i = 0; i < 20; i++) assert.equal((await from("10.0.0.1", "/hit")).status, 200);
  for (let i = 0; i < 20; i++) assert.equal((await from("10.0.0.1", "/bad")).status, 422);
  assert.equal((await from("10.0.0.1", "/miss")).status, 200);
  assert.equal((await from("10.0.0.1", "/miss", "1.1.1.1")).status, 200);
  const over = await from("10.0.0.1", "/hit", "2.2.2.2");
  assert.equal(over.status, 429, "a forged X-Forwarded-For does not buy a new bucket");
  assert.equal(over.headers.get("retry-after"), "1");
  assert.equal((await over.json()).error.code, "rate_limited");
  assert.equal((await from("10.0.0.2", "/miss")).status, 200, "another client");
  for (let i = 0; i < 5; i++) {
    assert.equal((await from("127.0.0.1", "/miss")).status, 200, "loopback is exempt");
  }
  t = 1000;
  assert.equal((await from("10.0.0.1", "/miss")).status, 200);
});

Deno.test("ipRateLimit() - behind trusted proxies the client is the proxy's X-Forwarded-For entry", async () => {
  const app = limitedApp({ capacity: 1, proxyHops: 1, now: () => 0 });
  const via = (xff: string) =>
    app.request("/miss", { headers: { "x-forwarded-for": xff } }, {
      remoteAddr: { hostname: "10.9.9.9" },
    });
  assert.equal((await via("forged, 3.3.3.3")).status, 200);
  assert.equal((await via("other-forgery, 3.3.3.3")).status, 429, "the proxy's entry counts");
  assert.equal((await via("4.4.4.4")).status, 200);
  assert.deepEqual(
    ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "10.0.0.1", "::2", "1127.0.0.1"].map(
      isLoopback,
    ),
    [true, true, true, true, false, false, false],
  );
});
