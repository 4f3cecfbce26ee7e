// Apps from testCoreApp() (tests/helpers/core_app.ts): postgres_suites_test.ts runs this file again on PostgreSQL.
import assert from "node:assert/strict";
import { AlertEngine } from "./engine.ts";
import { DELIVER_TASK } from "./fire.ts";
import { deliveryHandler } from "./deliver.ts";
import { alertsApp, appendBar, call, receiver } from "./test_kit.ts";

const until = async (ok: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function setup(answer: (n: number) => number) {
  const t = await alertsApp();
  let secret = "";
  const rx = receiver(() => secret, answer);
  const ep = await call(t.app, t.cookie, "POST", "/api/notify/endpoints", {
    kind: "webhook",
    url: rx.url,
  });
  assert.equal(ep.status, 201, JSON.stringify(ep.body));
  secret = ep.body.secret;
  assert.match(secret, /^whsec_/);
  const listed = await call(t.app, t.cookie, "GET", "/api/notify/endpoints");
  assert.equal(JSON.stringify(listed.body).includes(secret), false, "the secret is shown once");
  const engine = new AlertEngine({ ...t.deps, hub: t.deps.notifications });
  await engine.evaluateNewBars();
  const alert = await call(t.app, t.cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    price: { crosses: "up", level: 200 },
    endpoints: [ep.body.id],
  });
  await t.deps.jobs.start({
    [DELIVER_TASK]: deliveryHandler(t.deps.db, t.deps.jobs, t.deps.logger, {
      allowPrivate: true,
      schedule: [0.05, 0.05, 0.05],
    }),
  });
  return { ...t, rx, engine, endpointId: ep.body.id as string, alertId: alert.body.id as string };
}

Deno.test("webhooks - 500 twice then 200: one accepted delivery with one webhook-id, verified by standardwebhooks; the attempts are in the history", async () => {
  const t = await setup((n) => (n <= 2 ? 500 : 200));
  await appendBar(t.deps.market, t.deps, "AAPL", 201);
  const pass = await t.engine.evaluateNewBars();
  assert.equal(pass.fired.length, 1);
  await until(() => t.rx.accepted.length === 1);
  await new Promise((r) => setTimeout(r, 300)); // no further attempt arrives
  assert.equal(t.rx.seen.length, 3);
  assert.equal(new Set(t.rx.seen).size, 1, "every attempt carries the same webhook-id");
  assert.equal(t.rx.accepted[0]!.id, pass.fired[0]!.deliveries[0]);
  const data = t.rx.accepted[0]!.body.data as { symbol: string; values: { close: number } };
  assert.equal(data.symbol, "AAPL");
  assert.equal(data.values.close, 201);
  const ev = await call(t.app, t.cookie, "GET", `/api/alerts/${t.alertId}/events`);
  const d = ev.body.firings[0].deliveries[0];
  assert.equal(d.status, "delivered");
  assert.deepEqual(d.attempt_log.map((a: { status_code: number }) => a.status_code), [
    500,
    500,
    200,
  ]);
  await t.deps.jobs.stop();
  await t.rx.close();
  await t.deps.db.close();
});

Deno.test("webhooks - 410 Gone disables the endpoint; a receiver that always fails is dead-lettered, then resent", async () => {
  const t = await setup(() => 410);
  await appendBar(t.deps.market, t.deps, "AAPL", 201);
  await t.engine.evaluateNewBars();
  await until(async () =>
    (await call(t.app, t.cookie, "GET", "/api/notify/endpoints")).body.endpoints[0].status ===
      "disabled"
  );
  const ev = await call(t.app, t.cookie, "GET", `/api/alerts/${t.alertId}/events`);
  assert.equal(ev.body.firings[0].deliveries[0].status, "dead");
  assert.equal(t.rx.seen.length, 1);
  await t.deps.jobs.stop();
  await t.rx.close();
  await t.deps.db.close();

  const u = await setup(() => 503);
  await appendBar(u.deps.market, u.deps, "AAPL", 201);
  const fired = (await u.engine.evaluateNewBars()).fired[0]!;
  const deliveryId = fired.deliveries[0]!;
  const status = async () =>
    (await call(u.app, u.cookie, "GET", `/api/alerts/${u.alertId}/events`)).body.firings[0]
      .deliveries[0].status;
  await until(async () => (await status()) === "dead");
  assert.equal(u.rx.seen.length, 4, "first attempt + 3 retries");
  const resend = await call(u.app, u.cookie, "POST", `/api/notify/deliveries/${deliveryId}/resend`);
  assert.equal(resend.status, 202);
  await until(() => u.rx.seen.length > 4);
  await u.deps.jobs.stop();
  await u.rx.close();
  await u.deps.db.close();
});
