import assert from "node:assert/strict";
import { memoryDb } from "../auth/test_db.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { backfillRules, report } from "./evaluate_cli.ts";
import { hitRates, scoreCall } from "./evaluate.ts";
import { AiStore, type JournalEntry } from "./store.ts";
import { realSeries } from "./_test_series.ts";

// Hand-built bars for the scoring rules (test data only, never served).
const cols = seriesFromBars("T", [
  { date: "2020-01-01", open: 100, high: 101, low: 99, close: 100, volume: 1 },
  { date: "2020-01-02", open: 100, high: 103, low: 98, close: 102, volume: 1 },
  { date: "2020-01-03", open: 102, high: 107, low: 101, close: 106, volume: 1 },
  { date: "2020-01-06", open: 106, high: 106, low: 92, close: 93, volume: 1 },
  { date: "2020-01-07", open: 90, high: 91, low: 89, close: 90, volume: 1 },
]);

const call = (over: Partial<JournalEntry>): JournalEntry => ({
  symbol: "T",
  data_date: "2020-01-01",
  source: "rules",
  model: "rules",
  prompt_version: "rules-v1",
  stance: "BUY",
  confidence: 0.6,
  entry: 100,
  target: 105,
  stop: 97,
  horizon_days: 10,
  ...over,
});

Deno.test("scoreCall() - BUY reaches its target; the return is measured at the level", () => {
  const s = scoreCall(call({}), cols);
  assert.deepEqual([s.outcome, s.exit_date], ["target", "2020-01-03"]);
  assert.ok(Math.abs(s.return! - 0.05) < 1e-12);
});

Deno.test("scoreCall() - stop first when both levels are touched in one bar; gaps fill at the open", () => {
  const both = scoreCall(call({ target: 102.5, stop: 98 }), cols);
  assert.deepEqual([both.outcome, both.exit_date], ["stopped", "2020-01-02"]);
  const gap = scoreCall(call({ data_date: "2020-01-06", entry: 93, target: 99, stop: 91 }), cols);
  assert.deepEqual([gap.outcome, gap.exit_date], ["stopped", "2020-01-07"]);
  assert.ok(Math.abs(gap.return! - (90 - 93) / 93) < 1e-12, "exit at the 90 open, not at 91");
});

Deno.test("scoreCall() - SELL mirrors; expired at the horizon's close; pending without bars", () => {
  const sell = scoreCall(call({ stance: "SELL", target: 95, stop: 108 }), cols);
  assert.deepEqual([sell.outcome, sell.exit_date], ["target", "2020-01-06"]);
  const exp = scoreCall(call({ target: 120, stop: 80, horizon_days: 2 }), cols);
  assert.deepEqual([exp.outcome, exp.exit_date], ["expired", "2020-01-03"]);
  assert.ok(Math.abs(exp.return! - 0.06) < 1e-12);
  const pend = scoreCall(call({ target: 120, stop: 80, horizon_days: 10 }), cols);
  assert.equal(pend.outcome, "pending");
});

Deno.test("scoreCall() - HOLD holds its range or breaks out", () => {
  const held = scoreCall(call({ stance: "HOLD", target: 104, stop: 97, horizon_days: 1 }), cols);
  assert.equal(held.outcome, "held");
  const broke = scoreCall(call({ stance: "HOLD", target: 104, stop: 97, horizon_days: 3 }), cols);
  assert.deepEqual([broke.outcome, broke.exit_date], ["broke_out", "2020-01-03"]);
});

Deno.test("hitRates() - per group: decided calls only, returns of BUY/SELL", () => {
  const scored = [
    scoreCall(call({}), cols),
    scoreCall(call({ target: 102.5, stop: 98 }), cols),
    scoreCall(call({ target: 120, stop: 80 }), cols),
    scoreCall(call({ source: "llm" }), cols),
  ];
  const g = hitRates(scored, (s) => s.entry.source);
  const rules = g.get("rules")!;
  assert.equal(rules.calls, 3);
  assert.equal(rules.scored, 2);
  assert.equal(rules.hit_rate, 0.5);
  assert.ok(Math.abs(rules.avg_return! - (0.05 - 0.02) / 2) < 1e-12);
  assert.equal(g.get("llm")!.hit_rate, 1);
  assert.match(report(scored), /rules BUY\s+3\s+2\s+1\s+1\s+0/);
});

Deno.test("backfillRules() - journals the rules analyst walking forward, once per date", async () => {
  const db = await memoryDb();
  try {
    const store = new AiStore(db, () => Date.UTC(2024, 0, 1));
    const s = realSeries("AAPL", 400);
    assert.equal(await backfillRules(store, s, 50), 4);
    assert.equal(await backfillRules(store, s, 50), 4);
    const entries = await store.journalEntries();
    assert.equal(entries.length, 4, "a second run adds no duplicates");
    assert.deepEqual(entries.map((e) => e.data_date), [
      s.dates[249],
      s.dates[299],
      s.dates[349],
      s.dates[399],
    ]);
    const scored = entries.map((e) => scoreCall(e, realSeries("AAPL")));
    assert.ok(scored.every((x) => x.outcome !== "pending"));
  } finally {
    await db.close();
  }
});
