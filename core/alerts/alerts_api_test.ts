// Apps from testCoreApp() (tests/helpers/core_app.ts): postgres_suites_test.ts runs this file again on PostgreSQL.
import assert from "node:assert/strict";
import { AlertEngine } from "./engine.ts";
import { alertsApp, appendBar, call } from "./test_kit.ts";

Deno.test("POST /api/alerts - creates, lists, pauses and deletes an alert", async () => {
  const { app, deps, cookie } = await alertsApp();
  const created = await call(app, cookie, "POST", "/api/alerts", {
    symbol: "aapl",
    price: { crosses: "up", level: 200 },
    trigger: "once",
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.deepEqual(created.body.symbols, ["AAPL"]);
  assert.deepEqual(created.body.condition, { type: "price", crosses: "up", level: 200 });
  const id = created.body.id as string;
  const list = await call(app, cookie, "GET", "/api/alerts");
  assert.equal(list.body.active, 1);
  assert.equal(list.body.limit, 20);
  const paused = await call(app, cookie, "PATCH", `/api/alerts/${id}`, { status: "paused" });
  assert.equal(paused.body.status, "paused");
  assert.equal((await call(app, cookie, "DELETE", `/api/alerts/${id}`)).status, 200);
  assert.equal((await call(app, cookie, "GET", `/api/alerts/${id}`)).status, 404);
  await deps.db.close();
});

Deno.test("POST /api/alerts - 422 names the field: no target, two conditions, a bad rule, an unknown symbol", async () => {
  const { app, deps, cookie } = await alertsApp();
  const none = await call(app, cookie, "POST", "/api/alerts", { rule: "close > 1" });
  assert.equal(none.status, 422);
  assert.match(JSON.stringify(none.body), /"field":"symbol"/);
  const two = await call(app, cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    rule: "close > 1",
    price: { crosses: "up", level: 1 },
  });
  assert.equal(two.status, 422);
  assert.match(JSON.stringify(two.body), /"field":"rule"/);
  const bad = await call(app, cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    rule: "rsl(14) > 3",
  });
  assert.equal(bad.status, 422);
  assert.equal((bad.body.error as { code: string }).code, "rule_invalid");
  assert.equal((bad.body.error as { details: { field: string } }).details.field, "rule");
  const unknown = await call(app, cookie, "POST", "/api/alerts", {
    watchlist: ["AAPL", "NOPE"],
    price: { crosses: "up", level: 1 },
  });
  assert.equal(unknown.status, 422);
  assert.match(JSON.stringify(unknown.body), /watchlist\.1/);
  await deps.db.close();
});

Deno.test("POST /api/alerts - the plan's active-alert limit answers 429 with a clear message; pausing frees a slot", async () => {
  const { app, deps, cookie } = await alertsApp({ ALERTS_MAX_ACTIVE_FREE: "2" });
  const make = () =>
    call(app, cookie, "POST", "/api/alerts", {
      symbol: "AAPL",
      price: { crosses: "up", level: 1 },
    });
  const a = await make();
  assert.equal((await make()).status, 201);
  const third = await make();
  assert.equal(third.status, 429);
  assert.match(
    (third.body.error as { message: string }).message,
    /free plan allows 2 active alerts/,
  );
  await call(app, cookie, "PATCH", `/api/alerts/${a.body.id}`, { status: "paused" });
  assert.equal((await make()).status, 201);
  const resume = await call(app, cookie, "PATCH", `/api/alerts/${a.body.id}`, { status: "active" });
  assert.equal(resume.status, 429);
  await deps.db.close();
});

Deno.test("alerts - a new bar fires a price alert once: in-app notification, history, no second firing on re-evaluation", async () => {
  const { app, deps, cookie } = await alertsApp();
  const engine = new AlertEngine({ ...deps, jobs: deps.jobs, hub: deps.notifications });
  await engine.evaluateNewBars(); // first pass: watermarks only
  const created = await call(app, cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    price: { crosses: "up", level: 200 },
    trigger: "once_per_bar_close",
  });
  const id = created.body.id as string;
  const date = await appendBar(deps.market, deps, "AAPL", 201);
  const pass = await engine.evaluateNewBars();
  assert.equal(pass.fired.length, 1);
  assert.equal((await engine.evaluateNewBars()).fired.length, 0);
  const other = new AlertEngine({ ...deps, jobs: deps.jobs }); // a second instance, fresh memory
  assert.equal((await other.evaluateNewBars()).fired.length, 0);
  const events = await call(app, cookie, "GET", `/api/alerts/${id}/events`);
  const firings = events.body.firings as { bar_date: string; values: { close: number } }[];
  assert.equal(firings.length, 1);
  assert.equal(firings[0]!.bar_date, date);
  assert.equal(firings[0]!.values.close, 201);
  const inbox = await call(app, cookie, "GET", "/api/notifications");
  assert.equal(inbox.body.unread, 1);
  const read = await call(app, cookie, "POST", "/api/notifications/read", { all: true });
  assert.equal(read.body.unread, 0);
  await deps.db.close();
});
