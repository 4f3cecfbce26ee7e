/**
 * kill -9 core during a burst of paper orders: after a restart on the same database, every
 * order core acknowledged (201) is there exactly once, and retrying every order with its
 * idempotency key (`client_order_id`) never creates a duplicate.
 *
 * @module
 */
import assert from "node:assert/strict";
import { removeSqlite, startService, tempSqliteUrl } from "../helpers/services.ts";

const N = 240;

async function post(url: string, cookie: string, body: unknown) {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await r.text();
  return {
    status: r.status,
    json: text.startsWith("{") ? JSON.parse(text) : null,
    headers: r.headers,
  };
}

Deno.test({
  name:
    "fault - kill -9 core during a burst of paper orders: acknowledged orders survive exactly once",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("fault-paper");
    let core = await startService("core", { DATABASE_URL: dbUrl, LOG_LEVEL: "warn" });
    try {
      const reg = await post(`${core.url}/api/auth/register`, "", {
        email: "kill9@example.com",
        password: "kill nine survives 123",
      });
      assert.equal(reg.status, 201, JSON.stringify(reg.json));
      const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
      const acct = await post(`${core.url}/api/paper/accounts`, cookie, { start: "2018-01-02" });
      assert.equal(acct.status, 201, JSON.stringify(acct.json));
      const orders = `/api/paper/accounts/${acct.json.id}/orders`;
      const order = (i: number) => ({
        client_order_id: `k9-${i}`,
        symbol: i % 2 ? "AAPL" : "MSFT",
        side: "buy",
        qty: 1 + (i % 3),
      });

      const acked = new Map<string, string>();
      let next = 0;
      let killed = false;
      const worker = async () => {
        while (next < N) {
          const i = next++;
          if (i === 90 && !killed) {
            killed = true;
            core.child.kill("SIGKILL");
          }
          try {
            const r = await post(core.url + orders, cookie, order(i));
            if (r.status === 201 || r.status === 200) acked.set(`k9-${i}`, r.json.id);
          } catch { /* the process died: not acknowledged */ }
        }
      };
      await Promise.all(Array.from({ length: 12 }, worker));
      await core.child.status;
      assert.ok(acked.size > 0, "some orders were acknowledged before the kill");

      core = await startService("core", { DATABASE_URL: dbUrl, LOG_LEVEL: "warn" }, {
        port: core.port,
      });
      const list = async () => {
        const r = await fetch(core.url + orders, { headers: { cookie } });
        assert.equal(r.status, 200);
        return (await r.json()).orders as { id: string; client_order_id: string }[];
      };
      const stored = await list();
      for (const [cid, id] of acked) {
        const found = stored.filter((o) => o.client_order_id === cid);
        assert.equal(found.length, 1, `${cid} stored ${found.length} times`);
        assert.equal(found[0]!.id, id, `${cid} kept its id`);
      }
      const ids = stored.map((o) => o.client_order_id);
      assert.equal(new Set(ids).size, ids.length, "no client_order_id stored twice");

      for (let i = 0; i < N; i++) {
        const r = await post(core.url + orders, cookie, order(i));
        assert.ok(r.status === 200 || r.status === 201, `retry k9-${i}: ${r.status}`);
        if (acked.has(`k9-${i}`)) {
          assert.equal(r.status, 200, "a retry of an acknowledged order replays it");
          assert.equal(r.json.id, acked.get(`k9-${i}`));
        }
      }
      const final = await list();
      assert.equal(final.length, N, "every order exactly once after the retries");
      // deno-lint-ignore no-console
      console.log(
        `paper kill -9: ${acked.size} acknowledged before the kill, all present once; ${N} after retries`,
      );
    } finally {
      await core.stop();
      removeSqlite(dbUrl);
    }
  },
});
