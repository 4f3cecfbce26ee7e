// Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { QuoteHub, REPLAY_WINDOW } from "../market_data/quote_hub.ts";
import { AlertEngine } from "./engine.ts";
import { alertsApp, call } from "./test_kit.ts";

Deno.test("alerts - offline, price alerts fire on the replay clock's bars (once per bar; the clock starting its window again is no crossing)", async () => {
  const t = await alertsApp();
  const s = await t.deps.series.get("AAPL");
  const n = s.dates.length;
  const first = n - REPLAY_WINDOW;
  // the first step of the window where the close rises: the level sits between the two closes
  let k = 1;
  while (!(s.close[first + k]! > s.close[first + k - 1]!)) k++;
  const level = (s.close[first + k - 1]! + s.close[first + k]!) / 2;
  const stepMs = 1000;
  let clock = (k - 1) * stepMs; // the replay shows bar first + k - 1
  const hub = new QuoteHub({
    series: t.deps.series,
    providers: t.deps.providers,
    online: false,
    pollMs: 15_000,
    replayStepMs: stepMs,
    now: () => clock,
  });
  const engine = new AlertEngine({ ...t.deps, quote: (sym) => hub.quote(sym) });
  const alert = await call(t.app, t.cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    price: { crosses: "up", level },
    trigger: "once_per_bar",
  });
  assert.equal(alert.status, 201, JSON.stringify(alert.body));
  assert.deepEqual(await engine.evaluateQuotes(), [], "the first quote only sets the price");
  clock += stepMs; // bar first + k: the close crosses the level upwards
  const fired = await engine.evaluateQuotes();
  assert.equal(fired.length, 1);
  const ev = await call(t.app, t.cookie, "GET", `/api/alerts/${alert.body.id}/events`);
  const f = ev.body.firings[0];
  assert.equal(f.bar_date, s.dates[first + k]);
  assert.equal(f.source, "quote");
  assert.equal(f.values.quote, "replay");
  assert.equal(f.values.price, s.close[first + k]);
  assert.deepEqual(await engine.evaluateQuotes(), [], "the same bar again: nothing");
  // the window starts again at its first bar: a jump back, not a crossing
  clock = REPLAY_WINDOW * stepMs;
  assert.deepEqual(await engine.evaluateQuotes(), []);
  await t.deps.db.close();
});
