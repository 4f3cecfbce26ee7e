import assert from "node:assert/strict";
import { rsi, sma } from "../indicators/mod.ts";
import { compositeScore } from "../signals/mod.ts";
import { buildFactsPack, round } from "./facts.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import { realSeries } from "./_test_series.ts";

const aapl = realSeries("AAPL");

Deno.test("buildFactsPack() - AAPL on 2018-05-11: price, indicators and score with their dates", () => {
  const pack = buildFactsPack({ symbol: "AAPL", cols: aapl });
  const f = new Map(pack.facts.map((x) => [x.id, x]));
  assert.equal(pack.data_date, "2018-05-11");
  assert.equal(pack.last_price, 188.589996);
  assert.deepEqual(f.get("price.close"), {
    id: "price.close",
    label: "Close",
    value: 188.59,
    date: "2018-05-11",
  });
  assert.equal(f.get("price.prev_close")?.date, "2018-05-10");
  assert.equal(f.get("price.prev_close")?.value, 190.04);
  assert.equal(f.get("ind.rsi_14")?.value, round(rsi(aapl.close, 14).at(-1)!));
  assert.equal(f.get("ind.sma_200")?.value, round(sma(aapl.close, 200).at(-1)!));
  const score = compositeScore(aapl);
  assert.equal(f.get("score.value")?.value, round(score.score));
  assert.equal(f.get("score.stance")?.value, score.stance);
  assert.deepEqual(pack.score.stance, score.stance);
  const change = (188.589996 / aapl.close.at(-21)! - 1) * 100;
  assert.equal(f.get("price.change_20d_pct")?.value, round(change));
});

Deno.test("buildFactsPack() - ids are unique and every value is finite or a word", () => {
  const pack = factsFromBars("AAPL", aapl);
  const ids = pack.facts.map((x) => x.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const x of pack.facts) {
    assert.ok(typeof x.value !== "number" || Number.isFinite(x.value), x.id);
    assert.match(x.date, /^\d{4}-\d{2}-\d{2}$/, x.id);
    assert.ok(x.date <= pack.data_date, `${x.id} is not dated after the data`);
  }
});

Deno.test("factsFromBars() - patterns and levels are recent, with rounded prices", () => {
  const pack = factsFromBars("AAPL", aapl);
  assert.ok(pack.patterns.length >= 1, "AAPL has a pattern ending in its last 40 bars");
  assert.ok(pack.supports.length >= 1);
  assert.ok(pack.supports.every((s) => s.price < pack.last_price));
  assert.ok(pack.resistances.every((s) => s.price > pack.last_price));
  for (const p of pack.patterns) {
    const end = pack.facts.find((x) => x.id === p.id)!.date;
    assert.ok(end >= aapl.dates.at(-40)!, `${p.kind} ended within 40 bars`);
    assert.equal(p.breakout, round(p.breakout));
  }
});

Deno.test("buildFactsPack() - a 30-bar history omits warm-up indicators instead of NaN", () => {
  const short = realSeries("AAPL", 30);
  const pack = buildFactsPack({ symbol: "AAPL", cols: short });
  const ids = new Set(pack.facts.map((x) => x.id));
  assert.ok(ids.has("ind.rsi_14"));
  assert.ok(!ids.has("ind.sma_50") && !ids.has("ind.sma_200"));
  assert.equal(pack.data_date, short.dates.at(-1));
  assert.doesNotMatch(JSON.stringify(pack), /NaN|null,"date"/);
});

Deno.test("buildFactsPack() - refuses a one-bar history with a RangeError", () => {
  assert.throws(() => buildFactsPack({ symbol: "X", cols: realSeries("AAPL", 1) }), RangeError);
});

Deno.test("buildFactsPack() - backtest stats become citable facts", () => {
  const pack = buildFactsPack({
    symbol: "AAPL",
    cols: aapl,
    backtest: {
      strategy: "analyst_rules",
      from: "2013-05-13",
      to: "2018-05-11",
      total_return_pct: 41.2345,
      buy_hold_return_pct: 190.3,
      win_rate_pct: 55,
      trades: 31,
      max_drawdown_pct: 12.5,
      sharpe: null,
    },
  });
  const f = new Map(pack.facts.map((x) => [x.id, x]));
  assert.equal(f.get("backtest.total_return_pct")?.value, 41.23);
  assert.equal(f.get("backtest.trades")?.value, 31);
  assert.ok(!f.has("backtest.sharpe"), "null stats are left out");
});
