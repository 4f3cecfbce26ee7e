/**
 * Webhook delivery throughput (issue 16): N firings are recorded with one webhook endpoint
 * each (outbox rows + jobs, queue stopped), then the job queue starts and the time until a
 * local receiver (127.0.0.1, same process, answering 200 after verifying the signature with
 * `standardwebhooks`) has all N is measured. Target: ≥ 500 deliveries/s on this 2-core machine.
 * Run `deno run -A bench/webhook_delivery_load.ts [N] [postgres]` (SQLite file by default;
 * `postgres` uses a private cluster and graphile-worker, and also prints the transactions the
 * database committed per delivery: a count that does not depend on the machine's load).
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createCoreApp } from "../core/app.ts";
import { buildDeps } from "../core/deps.ts";
import { deliveryHandler } from "../core/alerts/deliver.ts";
import { DELIVER_TASK, recordFiring } from "../core/alerts/fire.ts";
import { call, receiver } from "../core/alerts/test_kit.ts";
import { sharedPostgres } from "../tests/helpers/postgres.ts";
import { DATA_DIR } from "../tests/helpers/backends.ts";

const N = Number(Deno.args[0] ?? 2000);
const pg = Deno.args[1] === "postgres";
const dir = await Deno.makeTempDir({ prefix: "webhook-load-" });
const url = pg ? await (await sharedPostgres()).createDatabase() : `sqlite:///${dir}/t.db`;
const config = loadConfig(CoreEnvSchema, {
  DATABASE_URL: url,
  DATA_DIR,
  ALLOW_PRIVATE_WEBHOOKS: "true",
  SEED_DATA: "none",
});
const deps = await buildDeps(config, createLogger({ service: "bench", write: () => {} }));
const app = createCoreApp(deps);
const reg = await app.request("/api/auth/register", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "load@example.com", password: "one two three four" }),
});
const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
let secret = "";
const rx = receiver(() => secret);
const ep = await call(app, cookie, "POST", "/api/notify/endpoints", {
  kind: "webhook",
  url: rx.url,
});
secret = ep.body.secret;
await deps.db.run(
  `INSERT INTO symbols (symbol, name, market, currency, source, in_universe, data_version, added_at)
   VALUES ('X', 'X', 'US', 'USD', 'bench', 0, 1, '2024-01-01')`,
);
const alert = await call(app, cookie, "POST", "/api/alerts", {
  symbol: "X",
  price: { crosses: "up", level: 1 },
  trigger: "once_per_bar",
  endpoints: [ep.body.id],
});
const def = {
  id: alert.body.id,
  userId: (await deps.db.query<{ id: string }>("SELECT id FROM users"))[0]!.id,
  name: "load",
  symbols: ["X"],
  condition: { type: "price" as const, crosses: "up" as const, level: 1 },
  trigger: "once_per_bar" as const,
  endpoints: [ep.body.id as string],
};
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  await recordFiring(deps.db, deps.jobs, {
    alert: def,
    symbol: "X",
    barDate: `d${i}`,
    source: "bar",
    values: { close: 2 },
  }, Date.now());
}
const recordMs = performance.now() - t0;
// PostgreSQL: transactions committed in the database (each autocommit statement is one), a
// load-independent count of the round trips a delivery costs (graphile-worker's included)
const commits = async () =>
  pg
    ? Number(
      (await deps.db.query<{ n: number }>(
        "SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()",
      ))[0]!.n,
    )
    : 0;
await new Promise((r) => setTimeout(r, 1500)); // statistics are flushed within a second
const commitsBefore = await commits();
const t1 = performance.now();
await deps.jobs.start({
  [DELIVER_TASK]: deliveryHandler(deps.db, deps.jobs, deps.logger, { allowPrivate: true }),
});
while (rx.accepted.length < N) await new Promise((r) => setTimeout(r, 5));
const sendMs = performance.now() - t1;
await new Promise((r) => setTimeout(r, 1500));
const perDelivery = (await commits() - commitsBefore) / N;
// deno-lint-ignore no-console
console.log(
  `${pg ? "postgres/graphile-worker" : "sqlite/in-process"}: ${N} firings recorded in ${
    recordMs.toFixed(0)
  } ms (${(N / recordMs * 1000).toFixed(0)}/s); delivered in ${sendMs.toFixed(0)} ms → ${
    (N / sendMs * 1000).toFixed(0)
  } deliveries/s (duplicates received: ${rx.seen.length - N})${
    pg ? `; ${perDelivery.toFixed(1)} PostgreSQL transactions per delivery` : ""
  }`,
);
await deps.jobs.stop();
await rx.close();
await deps.db.close();
await Deno.remove(dir, { recursive: true });
Deno.exit(0);
