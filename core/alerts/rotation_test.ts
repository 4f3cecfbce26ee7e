// Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { AlertEngine } from "./engine.ts";
import { DELIVER_TASK } from "./fire.ts";
import { deliveryHandler, signingSecrets } from "./deliver.ts";
import { alertsApp, appendBar, call } from "./test_kit.ts";

const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A receiver keeping each request's raw body and headers (verified by the test). */
function rawReceiver() {
  const got: { body: string; headers: Record<string, string> }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    got.push({ body: await req.text(), headers: Object.fromEntries(req.headers) });
    return new Response(null, { status: 204 });
  });
  return { url: `http://127.0.0.1:${server.addr.port}/hook`, got, close: () => server.shutdown() };
}

const verifies = (secret: string, m: { body: string; headers: Record<string, string> }) => {
  try {
    new Webhook(secret).verify(m.body, m.headers);
    return true;
  } catch {
    return false;
  }
};

Deno.test("signingSecrets - the previous secret signs only until its grace period ends", () => {
  const c = { secret: "whsec_new", previous_secret: "whsec_old", previous_secret_until: 1000 };
  assert.deepEqual(signingSecrets(c, 999), ["whsec_new", "whsec_old"]);
  assert.deepEqual(signingSecrets(c, 1000), ["whsec_new"]);
  assert.deepEqual(signingSecrets({ ...c, previous_secret: null }, 0), ["whsec_new"]);
});

Deno.test("POST /api/notify/endpoints/{id}/rotate - new secret shown once; during the grace period deliveries verify (standardwebhooks) with either secret, after it only with the new one", async () => {
  const t = await alertsApp();
  const rx = rawReceiver();
  const ep = await call(t.app, t.cookie, "POST", "/api/notify/endpoints", {
    kind: "webhook",
    url: rx.url,
  });
  const oldSecret = ep.body.secret as string;
  const rot = await call(t.app, t.cookie, "POST", `/api/notify/endpoints/${ep.body.id}/rotate`);
  assert.equal(rot.status, 200, JSON.stringify(rot.body));
  const newSecret = rot.body.secret as string;
  assert.match(newSecret, /^whsec_/);
  assert.notEqual(newSecret, oldSecret);
  const expires = Date.parse(rot.body.previous_secret_expires_at);
  assert.ok(Math.abs(expires - (Date.now() + 86_400_000)) < 60_000, "24 h grace by default");
  const listed = await call(t.app, t.cookie, "GET", "/api/notify/endpoints");
  const text = JSON.stringify(listed.body);
  assert.ok(!text.includes(newSecret) && !text.includes(oldSecret), "secrets are never listed");
  assert.equal(
    listed.body.endpoints[0].previous_secret_expires_at,
    rot.body.previous_secret_expires_at,
  );
  const missing = await call(t.app, t.cookie, "POST", "/api/notify/endpoints/nep_nope/rotate");
  assert.equal(missing.status, 404);

  const engine = new AlertEngine({ ...t.deps, hub: t.deps.notifications });
  await engine.evaluateNewBars();
  await call(t.app, t.cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    price: { crosses: "either", level: 200 },
    trigger: "once_per_bar_close",
    endpoints: [ep.body.id],
  });
  await t.deps.jobs.start({
    [DELIVER_TASK]: deliveryHandler(t.deps.db, t.deps.jobs, t.deps.logger, { allowPrivate: true }),
  });
  await appendBar(t.deps.market, t.deps, "AAPL", 150);
  await engine.evaluateNewBars();
  await appendBar(t.deps.market, t.deps, "AAPL", 201);
  await engine.evaluateNewBars();
  await until(() => rx.got.length === 1);
  const during = rx.got[0]!;
  assert.equal(during.headers["webhook-signature"]!.split(" ").length, 2, "v1,<new> v1,<old>");
  assert.ok(verifies(newSecret, during), "verifies with the new secret");
  assert.ok(verifies(oldSecret, during), "verifies with the previous secret");

  await t.deps.db.run("UPDATE notify_endpoints SET previous_secret_until = ?", [Date.now() - 1]);
  await appendBar(t.deps.market, t.deps, "AAPL", 150);
  await engine.evaluateNewBars();
  await until(() => rx.got.length === 2);
  const after = rx.got[1]!;
  assert.equal(after.headers["webhook-signature"]!.split(" ").length, 1);
  assert.ok(verifies(newSecret, after));
  assert.ok(!verifies(oldSecret, after), "the previous secret no longer signs");
  await t.deps.jobs.stop();
  await rx.close();
  await t.deps.db.close();
});
