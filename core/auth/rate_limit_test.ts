import assert from "node:assert/strict";
import { Hono } from "hono";
import type { Db } from "../db/db.ts";
import { makeUser, memoryDb } from "./test_db.ts";
import { clientIp, rateLimit } from "./rate_limit.ts";

/** One "instance" of a service: its own app, sharing the database. */
function instance(db: Db, clock: { t: number }, users: Record<string, string>) {
  return new Hono()
    .use(async (c, next) => {
      c.set("authRuntime" as never, { db, now: () => clock.t, proxyHops: 1 } as never);
      const id = users[c.req.header("x-user") ?? ""];
      c.set("user" as never, (id ? { id, email: "x", role: "user", plan: "free" } : null) as never);
      await next();
    })
    .post(
      "/run",
      rateLimit({ key: "backtest", limit: 3, windowS: 60, ipLimit: 5 }),
      (c) => c.json({ ok: true }),
    );
}

Deno.test("rateLimit() - per user and per IP across instances, 429 with Retry-After, then a new window", async () => {
  const db = await memoryDb();
  const u1 = await makeUser(db, "a@example.com");
  const u2 = await makeUser(db, "b@example.com");
  const clock = { t: Date.UTC(2024, 0, 1, 12, 0, 10) };
  const users = { u1: u1.id, u2: u2.id };
  const [a, b] = [instance(db, clock, users), instance(db, clock, users)];
  const hit = (app: Hono, user: string, ip: string) =>
    app.request("/run", { method: "POST", headers: { "x-user": user, "x-forwarded-for": ip } });
  // user 1 from three IPs, alternating instances: the 4th request is over its limit of 3
  assert.equal((await hit(a, "u1", "10.0.0.1")).status, 200);
  assert.equal((await hit(b, "u1", "10.0.0.2")).status, 200);
  assert.equal((await hit(a, "u1", "10.0.0.3")).status, 200);
  const over = await hit(b, "u1", "10.0.0.4");
  assert.equal(over.status, 429);
  assert.equal(over.headers.get("retry-after"), "50", "until the end of the minute");
  assert.equal((await over.json()).error.code, "rate_limited");
  // user 2 is not affected; anonymous callers from one IP share that IP's limit of 5
  assert.equal((await hit(a, "u2", "10.0.0.9")).status, 200);
  const anon = [];
  for (let i = 0; i < 5; i++) anon.push((await hit(i % 2 ? a : b, "", "10.0.0.9")).status);
  assert.deepEqual(anon, [200, 200, 200, 200, 429], "the IP had 1 + 4 requests");
  clock.t += 50_000;
  assert.equal((await hit(a, "u1", "10.0.0.1")).status, 200, "new window");
  await db.close();
});

Deno.test("clientIp() - trusts exactly the configured number of proxies", async () => {
  const app = new Hono().get(
    "/",
    (c) => c.text(`${clientIp(c, 0)}|${clientIp(c, 1)}|${clientIp(c, 2)}`),
  );
  const res = await app.request("/", {
    headers: { "x-forwarded-for": "6.6.6.6, 1.2.3.4, 10.0.0.2" },
  });
  assert.equal(await res.text(), "unknown|10.0.0.2|1.2.3.4");
});

Deno.test("rateLimit() - refuses nonsensical limits", () => {
  assert.throws(() => rateLimit({ key: "x", limit: 0, windowS: 60 }), RangeError);
});
