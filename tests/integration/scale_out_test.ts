/**
 * Scale-out: two core processes on one PostgreSQL behave as one system under requests spread
 * over both — a session made on one is valid on the other, rate limits are shared, concurrent
 * paper orders with one idempotency key create one order, and every order is visible from both.
 *
 * @module
 */
import assert from "node:assert/strict";
import { sharedPostgres } from "../helpers/postgres.ts";
import { type RunningService, startService } from "../helpers/services.ts";

async function call(
  base: string,
  path: string,
  { cookie = "", body }: { cookie?: string; body?: unknown } = {},
) {
  const r = await fetch(base + path, {
    signal: AbortSignal.timeout(15_000),
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return {
    status: r.status,
    json: text.startsWith("{") ? JSON.parse(text) : null,
    headers: r.headers,
  };
}

Deno.test({
  name: "scale-out - two core instances on one PostgreSQL act as one system",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const pg = await sharedPostgres();
    const url = await pg.createDatabase();
    const running: RunningService[] = [];
    try {
      // the first instance migrates and seeds; the second finds everything in place
      running.push(
        await startService("core", { DATABASE_URL: url, LOG_LEVEL: "warn" }, {
          readyPath: "/health",
        }),
      );
      running.push(
        await startService("core", { DATABASE_URL: url, LOG_LEVEL: "warn" }, {
          readyPath: "/health",
        }),
      );
      const [a, b] = running.map((s) => s.url) as [string, string];
      const pick = (i: number) => (i % 2 ? b : a);

      for (const base of [a, b]) assert.equal((await call(base, "/symbols")).json.total, 13);

      // sessions: sign up on A, use the cookie on B, sign out on B, refused on A
      const reg = await call(a, "/api/auth/register", {
        body: { email: "scale@example.com", password: "two cores one database" },
      });
      assert.equal(reg.status, 201, JSON.stringify(reg.json));
      const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
      assert.equal(
        (await call(b, "/api/me", { cookie })).status,
        200,
        "session made on A valid on B",
      );

      // paper orders spread over both, then 8 concurrent retries of one key over both
      const acct = await call(b, "/api/paper/accounts", { cookie, body: { start: "2018-01-02" } });
      assert.equal(acct.status, 201, JSON.stringify(acct.json));
      const orders = `/api/paper/accounts/${acct.json.id}/orders`;
      const placed = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          call(pick(i), orders, {
            cookie,
            body: { client_order_id: `so-${i}`, symbol: "AAPL", side: "buy", qty: 1 },
          })),
      );
      assert.ok(placed.every((r) => r.status === 201), placed.map((r) => r.status).join(","));
      const same = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call(pick(i), orders, {
            cookie,
            body: { client_order_id: "so-dup", symbol: "MSFT", side: "buy", qty: 2 },
          })),
      );
      assert.ok(
        same.every((r) => r.status === 200 || r.status === 201),
        same.map((r) => `${r.status} ${JSON.stringify(r.json)}`).join("\n"),
      );
      assert.equal(
        new Set(same.map((r) => r.json.id)).size,
        1,
        "one order for one idempotency key",
      );
      assert.equal(
        same.filter((r) => r.status === 201).length,
        1,
        "created once, replayed elsewhere",
      );
      for (const base of [a, b]) {
        const list = (await call(base, orders, { cookie })).json.orders as unknown[];
        assert.equal(list.length, 41, `${base} sees every order`);
      }

      // rate limit shared: registrations are limited per client over both instances
      const statuses: number[] = [];
      for (let i = 0; i < 14; i++) {
        statuses.push(
          (await call(pick(i), "/api/auth/register", {
            body: { email: `rl${i}@example.com`, password: "rate limited together" },
          })).status,
        );
      }
      const allowed = statuses.filter((s) => s === 201).length;
      assert.ok(statuses.includes(429), `limit reached across instances: ${statuses.join(",")}`);
      assert.ok(
        allowed <= 10,
        `at most the limit was allowed in total (${allowed}), not per instance`,
      );

      // sign out on B ends the session on A too
      assert.equal((await call(b, "/api/auth/logout", { cookie, body: {} })).status < 300, true);
      assert.equal((await call(a, "/api/me", { cookie })).status, 401, "revoked everywhere");
    } finally {
      for (const s of running) await s.stop();
    }
  },
});
