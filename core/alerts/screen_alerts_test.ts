// Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { AlertEngine } from "./engine.ts";
import { alertsApp, appendBar, call } from "./test_kit.ts";

Deno.test("alerts on a saved screen - evaluated on the symbols the screen matches now, not on others; an unknown screen is a 422 naming screen", async () => {
  const t = await alertsApp();
  // matches the symbols whose latest close is above 10 000 — none until a bar makes it so
  const screen = await call(t.app, t.cookie, "POST", "/api/screens/saved", {
    name: "Jumpers",
    rule: "close > 10000",
    universe: ["AAPL", "MSFT", "NVDA"],
  });
  assert.equal(screen.status, 201, JSON.stringify(screen.body));
  const bad = await call(t.app, t.cookie, "POST", "/api/alerts", {
    screen: "no-such-screen",
    pct_move: { pct: 5, bars: 1, direction: "up" },
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details[0].field, "screen");
  const alert = await call(t.app, t.cookie, "POST", "/api/alerts", {
    screen: screen.body.id,
    pct_move: { pct: 5, bars: 1, direction: "up" },
  });
  assert.equal(alert.status, 201, JSON.stringify(alert.body));
  assert.equal(alert.body.target, "screen");
  assert.equal(alert.body.screen_id, screen.body.id);
  assert.deepEqual(alert.body.symbols, []);
  assert.match(alert.body.name, /^screen Jumpers: pct_move$/);

  const engine = new AlertEngine({ ...t.deps, hub: t.deps.notifications });
  await engine.evaluateNewBars();
  // AAPL jumps into the screen; MSFT jumps 20% but stays out of it; GOOG is not in its universe
  await appendBar(t.deps.market, t.deps, "AAPL", 20_000);
  const msft = (await t.deps.series.get("MSFT")).close.at(-1)!;
  await appendBar(t.deps.market, t.deps, "MSFT", msft * 1.2);
  await appendBar(t.deps.market, t.deps, "GOOG", 20_000);
  const pass = await engine.evaluateNewBars();
  assert.equal(pass.fired.length, 1);
  const ev = await call(t.app, t.cookie, "GET", `/api/alerts/${alert.body.id}/events`);
  assert.deepEqual(ev.body.firings.map((f: { symbol: string }) => f.symbol), ["AAPL"]);
  await t.deps.db.close();
});

Deno.test('alerts on a saved screen with universe "watchlist" - each evaluation screens the owner\'s watchlist as it is then', async () => {
  const t = await alertsApp();
  const wl = await call(t.app, t.cookie, "PUT", "/api/watchlist", { symbols: ["MSFT"] });
  assert.equal(wl.status, 200, JSON.stringify(wl.body));
  const screen = await call(t.app, t.cookie, "POST", "/api/screens/saved", {
    name: "Watched jumpers",
    rule: "close > 10000",
    universe: "watchlist",
  });
  assert.equal(screen.status, 201, JSON.stringify(screen.body));
  const alert = await call(t.app, t.cookie, "POST", "/api/alerts", {
    screen: screen.body.id,
    pct_move: { pct: 5, bars: 1, direction: "up" },
  });
  assert.equal(alert.status, 201, JSON.stringify(alert.body));
  const engine = new AlertEngine({ ...t.deps, hub: t.deps.notifications });
  await engine.evaluateNewBars();
  // AAPL jumps above 10 000 but is not on the watchlist: nothing fires
  await appendBar(t.deps.market, t.deps, "AAPL", 20_000);
  assert.equal((await engine.evaluateNewBars()).fired.length, 0);
  // once AAPL is on the watchlist, its next jump fires
  await call(t.app, t.cookie, "PUT", "/api/watchlist", { symbols: ["MSFT", "AAPL"] });
  await appendBar(t.deps.market, t.deps, "AAPL", 40_000);
  assert.equal((await engine.evaluateNewBars()).fired.length, 1);
  const ev = await call(t.app, t.cookie, "GET", `/api/alerts/${alert.body.id}/events`);
  assert.deepEqual(ev.body.firings.map((f: { symbol: string }) => f.symbol), ["AAPL"]);
  // an emptied watchlist watches nothing (and the engine keeps running)
  await call(t.app, t.cookie, "PUT", "/api/watchlist", { symbols: [] });
  await appendBar(t.deps.market, t.deps, "AAPL", 80_000);
  assert.equal((await engine.evaluateNewBars()).fired.length, 0);
  await t.deps.db.close();
});
