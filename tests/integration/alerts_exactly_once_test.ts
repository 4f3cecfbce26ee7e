/**
 * Alerts' guarantees across instances and crashes: two core instances (two sets of deps, two
 * alert engines, two graphile-worker runners) on one PostgreSQL evaluate the same new bar
 * concurrently → each of 1,000 alerts fires once and each delivery reaches the receiver once;
 * on SQLite, a process that stops right after a firing committed (before any delivery) leaves
 * the outbox and its job, and the next start delivers it once.
 *
 * @module
 */
import assert from "node:assert/strict";
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createCoreApp } from "../../core/app.ts";
import { buildDeps, type CoreDeps } from "../../core/deps.ts";
import { AlertEngine } from "../../core/alerts/engine.ts";
import { deliveryHandler } from "../../core/alerts/deliver.ts";
import { DELIVER_TASK } from "../../core/alerts/fire.ts";
import { appendBar, call, receiver } from "../../core/alerts/test_kit.ts";
import { sharedPostgres } from "../helpers/postgres.ts";
import { DATA_DIR } from "../helpers/backends.ts";

const quiet = () =>
  createLogger({
    service: "test",
    level: "debug",
    // deno-lint-ignore no-console
    write: (l) => Deno.env.get("ALERTS_DEBUG") && console.error(l),
  });

async function instance(url: string): Promise<CoreDeps> {
  const config = loadConfig(CoreEnvSchema, {
    DATABASE_URL: url,
    DATA_DIR,
    ALLOW_PRIVATE_WEBHOOKS: "true",
    ALERTS_MAX_ACTIVE_FREE: "5000",
  });
  return await buildDeps(config, quiet());
}

const startDelivery = (d: CoreDeps) =>
  d.jobs.start({
    [DELIVER_TASK]: deliveryHandler(d.db, d.jobs, d.logger, {
      allowPrivate: true,
      schedule: [0.2, 0.2],
    }),
  });

async function until(ok: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function userWithEndpoint(deps: CoreDeps, url: string) {
  const app = createCoreApp(deps);
  const res = await app.request("/api/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `u${crypto.randomUUID()}@example.com`,
      password: "one two three four",
    }),
  });
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const ep = await call(app, cookie, "POST", "/api/notify/endpoints", { kind: "webhook", url });
  assert.equal(ep.status, 201, JSON.stringify(ep.body));
  return { app, cookie, endpoint: ep.body.id as string, secret: ep.body.secret as string };
}

Deno.test({
  name:
    "alerts - two instances on one PostgreSQL, 1,000 alerts, one new bar: each fires once, each delivery arrives once",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const pg = await sharedPostgres();
    const url = await pg.createDatabase();
    const a = await instance(url);
    const b = await instance(url);
    let secret = "";
    const rx = receiver(() => secret);
    try {
      const u = await userWithEndpoint(a, rx.url);
      secret = u.secret;
      const engines = [a, b].map((d) => new AlertEngine(d));
      for (const e of engines) await e.evaluateNewBars(); // watermarks
      const N = Number(Deno.env.get("ALERTS_N") ?? 1000);
      for (let i = 0; i < N; i++) {
        const r = await call(u.app, u.cookie, "POST", "/api/alerts", {
          symbol: "AAPL",
          price: { crosses: "up", level: 190 + (i % 50) },
          trigger: "once_per_bar_close",
          endpoints: [u.endpoint],
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      await Promise.all([startDelivery(a), startDelivery(b)]);
      await appendBar(a.market, a, "AAPL", 250);
      const t0 = performance.now();
      const [pa, pb] = await Promise.all(engines.map((e) => e.evaluateNewBars()));
      const evalMs = performance.now() - t0;
      assert.equal(pa!.fired.length + pb!.fired.length, N, "every alert fired, by one instance");
      await until(() => rx.accepted.length >= N, 60_000).catch(async (e) => {
        // deno-lint-ignore no-console
        console.error(
          await a.db.query(
            "SELECT id, status, attempts, last_status, last_error FROM alert_deliveries LIMIT 3",
          ),
          rx.seen.length,
        );
        throw e;
      });
      await new Promise((r) => setTimeout(r, 500));
      const count = async (sql: string) => Number((await a.db.query<{ n: number }>(sql))[0]!.n);
      assert.equal(await count("SELECT COUNT(*) AS n FROM alert_firings"), N);
      assert.equal(await count("SELECT COUNT(*) AS n FROM alert_deliveries"), N);
      assert.equal(
        await count("SELECT COUNT(*) AS n FROM alert_deliveries WHERE status = 'delivered'"),
        N,
      );
      assert.equal(new Set(rx.accepted.map((x) => x.id)).size, N);
      assert.equal(rx.seen.length, N, "no delivery was sent twice");
      // deno-lint-ignore no-console
      console.log(
        `two instances: ${N} alerts fired in ${evalMs.toFixed(0)} ms (a ${pa!.fired.length}, b ${
          pb!.fired.length
        })`,
      );
      // a later pass on either instance fires nothing more
      assert.equal((await engines[1]!.evaluateNewBars()).fired.length, 0);
    } finally {
      await a.jobs.stop();
      await b.jobs.stop();
      await rx.close();
      await a.db.close();
      await b.db.close();
    }
  },
});

Deno.test({
  name:
    "alerts - a process that stops right after a firing commits leaves its outbox; the next start delivers it once (SQLite file)",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "alerts-crash-" });
    const url = `sqlite:///${dir}/trading.db`;
    let secret = "";
    const rx = receiver(() => secret);
    try {
      const first = await instance(url);
      const u = await userWithEndpoint(first, rx.url);
      secret = u.secret;
      const engine = new AlertEngine(first);
      await engine.evaluateNewBars();
      await call(u.app, u.cookie, "POST", "/api/alerts", {
        symbol: "AAPL",
        price: { crosses: "up", level: 200 },
        endpoints: [u.endpoint],
      });
      await appendBar(first.market, first, "AAPL", 201);
      assert.equal((await engine.evaluateNewBars()).fired.length, 1);
      // "crash": the delivery worker never ran in this process; nothing else is flushed
      await first.db.close();
      assert.equal(rx.seen.length, 0);

      const second = await instance(url);
      await startDelivery(second);
      await until(() => rx.accepted.length === 1, 10_000);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(rx.seen.length, 1);
      // the restarted engine does not fire the same bar again
      assert.equal((await new AlertEngine(second).evaluateNewBars()).fired.length, 0);
      await second.jobs.stop();
      await second.db.close();
    } finally {
      await rx.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
