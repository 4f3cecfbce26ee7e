import assert from "node:assert/strict";
import { bundledSeries, seriesFromCloses } from "../../tests/helpers/bundled.ts";
import { firstBars } from "../market_data/series.ts";
import {
  compositeScore,
  compositeScoreSeries,
  generateSignals,
  isThreeWhiteSoldiers,
  SCORE_WEIGHTS,
} from "./mod.ts";
import { seriesFromBars } from "../market_data/series.ts";

const spx = bundledSeries("SPX");

Deno.test("generateSignals() - no look-ahead: signals up to bar t do not change when later bars are removed", () => {
  const full = generateSignals(spx);
  for (const t of [300, 1200, 2500, 4000]) {
    const cut = generateSignals(firstBars(spx, t + 1));
    assert.deepEqual(cut, full.filter((s) => s.index <= t), `cut at ${t}`);
  }
});

Deno.test("generateSignals() - golden cross 50/200 on the bar where MA50 first exceeds MA200", () => {
  const closes = [
    ...Array.from({ length: 220 }, (_, i) => 200 - i * 0.5),
    ...Array.from({ length: 200 }, (_, i) => 90 + i * 1.5),
  ];
  const s = seriesFromCloses(closes);
  const golden = generateSignals(s).filter((x) => x.name === "golden_cross_50_200");
  assert.equal(golden.length, 1);
  const t = golden[0]!.index;
  const ma = (p: number, i: number) =>
    closes.slice(i - p + 1, i + 1).reduce((a, b) => a + b, 0) / p;
  assert.ok(
    ma(50, t) > ma(200, t) && ma(50, t - 1) <= ma(200, t - 1),
    "cross happens exactly at t",
  );
  assert.equal(golden[0]!.type, "buy");
});

Deno.test("generateSignals() - analyst rule: buy when the close moves above MA10, sell below MA5", () => {
  const closes = [...Array(30).fill(100), 105, 106, 107, 100];
  const sig = generateSignals(seriesFromCloses(closes), { families: ["analyst"] });
  const above = sig.find((x) => x.name === "close_above_ma10")!;
  assert.equal(above.index, 30);
  assert.match(above.reason, /MA10/);
  const below = sig.find((x) => x.name === "close_below_ma5")!;
  assert.equal(below.index, 33);
  assert.equal(below.type, "sell");
});

Deno.test("isThreeWhiteSoldiers() - three rising white bodies opening inside the previous body", () => {
  const bars = [
    { date: "2020-01-01", open: 10, high: 10.2, low: 9.8, close: 10, volume: 1 },
    { date: "2020-01-02", open: 10, high: 11.1, low: 9.9, close: 11, volume: 1 },
    { date: "2020-01-03", open: 10.5, high: 12.1, low: 10.4, close: 12, volume: 1 },
    { date: "2020-01-06", open: 11.5, high: 13.1, low: 11.4, close: 13, volume: 1 },
  ];
  const s = seriesFromBars("T", bars);
  assert.equal(isThreeWhiteSoldiers(s, 3), true);
  const gapped = seriesFromBars("T", bars.map((b, i) => (i === 3 ? { ...b, open: 12.5 } : b)));
  assert.equal(isThreeWhiteSoldiers(gapped, 3), false, "third opens above the second body");
});

Deno.test("compositeScore() - contributions sum to the score, stay within their weights, stance follows the threshold", () => {
  assert.equal(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0), 100);
  for (const at of [50, 300, 2000, spx.close.length - 1]) {
    const v = compositeScore(spx, { at });
    const sum = v.reasons.reduce((a, r) => a + r.contribution, 0);
    assert.ok(Math.abs(sum - v.score) < 0.05, `sum ${sum} vs ${v.score}`);
    for (const r of v.reasons) assert.ok(Math.abs(r.contribution) <= r.weight + 1e-9, r.factor);
    assert.equal(v.stance, v.score >= 25 ? "BUY" : v.score <= -25 ? "SELL" : "HOLD");
    assert.ok(v.confidence > 0 && v.confidence <= 0.95);
  }
});

Deno.test("compositeScore() - a steady uptrend scores BUY-side, a steady downtrend SELL-side", () => {
  const up = seriesFromCloses(Array.from({ length: 260 }, (_, i) => 100 * 1.004 ** i));
  const down = seriesFromCloses(Array.from({ length: 260 }, (_, i) => 100 * 0.996 ** i));
  const u = compositeScore(up), d = compositeScore(down);
  assert.ok(u.reasons.find((r) => r.factor === "trend")!.contribution > 20);
  assert.ok(d.reasons.find((r) => r.factor === "trend")!.contribution < -20);
  assert.ok(u.score > d.score);
});

Deno.test("compositeScoreSeries() - equals compositeScore() at every bar and does not look ahead", () => {
  const s = firstBars(spx, 600);
  const series = compositeScoreSeries(s);
  for (const t of [10, 250, 599]) assert.equal(series[t], compositeScore(s, { at: t }).score);
  const cut = compositeScoreSeries(firstBars(spx, 400));
  assert.deepEqual(Array.from(cut), Array.from(series.slice(0, 400)));
});
