import assert from "node:assert/strict";
import { seriesFromBars } from "../market_data/series.ts";
import { analyticBaseline, rateCalls } from "./baselines.ts";
import { scoreCall } from "./evaluate.ts";
import type { JournalEntry } from "./store.ts";
import { mean, seededRandom } from "./track_stats.ts";

const call = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  symbol: "W",
  data_date: "2020-01-01",
  source: "rules",
  model: "rules",
  prompt_version: "rules-v1",
  stance: "BUY",
  confidence: 0.6,
  entry: 100,
  target: 104,
  stop: 96,
  horizon_days: 20,
  ...over,
});

Deno.test("analyticBaseline() - equidistant target and stop: 50%; S/(S+T) otherwise; none for HOLD", () => {
  assert.equal(analyticBaseline(call()), 0.5);
  assert.equal(analyticBaseline(call({ stance: "SELL", target: 96, stop: 104 })), 0.5);
  assert.equal(analyticBaseline(call({ target: 106, stop: 97 })), 1 / 3);
  assert.equal(analyticBaseline(call({ target: 102, stop: 96 })), 2 / 3);
  assert.equal(analyticBaseline(call({ stance: "HOLD" })), null);
  assert.equal(analyticBaseline(call({ target: 100, stop: 100 })), null);
});

/** A driftless random walk of daily bars (test data only, never served): ±1% a day. */
function walk(n: number, seed: number) {
  const r = seededRandom(seed);
  let px = 100;
  const bars = [];
  for (let i = 0; i < n; i++) {
    const next = px * (r() < 0.5 ? 1.01 : 1 / 1.01);
    const d = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    bars.push({
      date: d,
      open: px,
      high: Math.max(px, next),
      low: Math.min(px, next),
      close: next,
      volume: 1,
    });
    px = next;
  }
  return seriesFromBars("W", bars);
}

Deno.test("rateCalls() - on a driftless walk random entries with equidistant levels hit ~S/(S+T)", () => {
  const s = walk(4000, 11);
  const calls = [500, 1500, 2500, 3500].map((i) =>
    call({
      data_date: s.dates[i]!,
      entry: s.close[i]!,
      target: s.close[i]! * 1.03,
      stop: s.close[i]! / 1.03,
      horizon_days: 200,
    })
  );
  const rated = rateCalls(calls.map((c) => scoreCall(c, s)), () => s, { draws: 2000 });
  const pooled = mean(rated.flatMap((r) => [...r.randomDate!]));
  assert.ok(Math.abs(pooled - 0.5) < 0.04, `random-date hit rate ${pooled} ≈ 0.5`);
  const side = mean(rated.flatMap((r) => [...r.randomSide!]));
  assert.ok(Math.abs(side - 0.5) < 0.1, `random-side hit rate ${side}`);
  assert.ok(rated.every((r) => r.pAnalytic !== null && Math.abs(r.pAnalytic - 0.5) < 0.01));
  const again = rateCalls(calls.map((c) => scoreCall(c, s)), () => s, { draws: 2000 });
  assert.deepEqual(again[0]!.randomDate, rated[0]!.randomDate, "seeded: reproducible");
});

const bars = seriesFromBars("T", [
  { date: "2020-01-01", open: 100, high: 101, low: 99, close: 100, volume: 1 },
  { date: "2020-01-02", open: 100, high: 103, low: 98, close: 102, volume: 1 },
  { date: "2020-01-03", open: 102, high: 107, low: 101, close: 106, volume: 1 },
  { date: "2020-01-06", open: 106, high: 106, low: 92, close: 93, volume: 1 },
  { date: "2020-01-07", open: 90, high: 91, low: 89, close: 90, volume: 1 },
]);

Deno.test("rateCalls() - the flipped side and buy-and-hold over the horizon from the call's close", () => {
  const buy = call({ symbol: "T", entry: 100, target: 105, stop: 97, horizon_days: 2 });
  const [r] = rateCalls([scoreCall(buy, bars)], () => bars, { draws: 400 });
  assert.equal(r!.hit, true, "BUY reaches 105 on 01-03");
  // Flipped: SELL with target 95 and stop 103 — the 01-03 high of 107 stops it.
  const side = mean(r!.randomSide!);
  assert.ok(side > 0.4 && side < 0.6, `half own hit, half flipped miss: ${side}`);
  assert.ok(Math.abs(r!.buyHold! - 0.06) < 1e-12, "100 → 106 over two bars");
  const pending = call({
    symbol: "T",
    data_date: "2020-01-06",
    target: 200,
    stop: 10,
    horizon_days: 5,
  });
  const [p] = rateCalls([scoreCall(pending, bars)], () => bars);
  assert.deepEqual([p!.hit, p!.randomDate, p!.buyHold], [null, null, null]);
  const hold = call({ symbol: "T", stance: "HOLD", target: 104, stop: 97, horizon_days: 1 });
  const [h] = rateCalls([scoreCall(hold, bars)], () => bars, { draws: 10 });
  assert.deepEqual([h!.hit, h!.pAnalytic, h!.randomSide, h!.buyHold], [true, null, null, null]);
});
