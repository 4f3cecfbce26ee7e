import assert from "node:assert/strict";
import type { TrackAnalyst } from "@trading/shared/schemas";
import type { RatedCall } from "./baselines.ts";
import type { JournalEntry } from "./store.ts";
import { trackRecordPrompt } from "./track_prompt.ts";
import { trackReport } from "./track_record.ts";
import { CONFIDENCE_MARGIN, confidenceProblems, trackSummary } from "./track_summary.ts";

const RULES: TrackAnalyst = { source: "rules", model: "rules", prompt_version: "rules-v1" };
const LLM: TrackAnalyst = { source: "llm", model: "m1", prompt_version: "analyst-v2" };

/** A hand-built rated call: `hit` on day `i` of 2010 (decided 20 days later), 30% random hits. */
function rated(i: number, hit: boolean, over: Partial<JournalEntry> = {}): RatedCall {
  const d = (k: number) => new Date(Date.UTC(2010, 0, 1 + k)).toISOString().slice(0, 10);
  const entry: JournalEntry = {
    symbol: "X",
    data_date: d(i),
    ...RULES,
    stance: "BUY",
    confidence: 0.7,
    entry: 100,
    target: 104,
    stop: 96,
    horizon_days: 20,
    ...over,
  };
  return {
    entry,
    outcome: hit ? "target" : "stopped",
    exit_date: d(i + 20),
    return: hit ? 0.04 : -0.04,
    hit,
    pAnalytic: 0.5,
    randomDate: Uint8Array.from({ length: 10 }, (_, k) => ((k + i) % 10 < 3 ? 1 : 0)),
    randomSide: Uint8Array.from({ length: 10 }, (_, k) => (k < 5 ? 1 : 0)),
    buyHold: 0,
  };
}

// 40 rules BUY calls, 12 of them hits (30%), decided 2010-01-21 .. 2010-03-01.
const book = Array.from({ length: 40 }, (_, i) => rated(i, i % 10 < 3));
const answer = { stance: "BUY" as const, confidence: 0.9, entry: 100, target: 104, stop: 96 };

Deno.test("trackSummary() - the rules record for the call's kind, as of its date, with its baselines", () => {
  const s = trackSummary(book, RULES, RULES, "2010-12-31", answer);
  assert.equal(s.own_record, true);
  assert.equal(s.scored_calls, 40);
  assert.equal(s.hit_rate, 0.3);
  assert.equal(s.baseline_analytic, 0.5);
  assert.ok(Math.abs(s.baseline_random! - 0.3) < 1e-12);
  assert.equal(s.verdict, "no_measurable_edge");
  assert.deepEqual([s.period_from, s.period_to], ["2010-01-01", "2010-03-01"]);
  assert.ok(Math.abs(s.calibrated_confidence! - 0.3) < 1e-12, "every call sits in one bucket");
  assert.deepEqual([s.calibration_calls, s.calibration_min_calls], [40, 30]);
  const early = trackSummary(book, RULES, RULES, "2010-01-30", answer);
  assert.equal(early.scored_calls, 10, "only calls decided on or before the as-of date");
  assert.equal(trackSummary(book, RULES, RULES, "2009-12-31", answer).verdict, "too_few_calls");
});

Deno.test("trackSummary() - an LLM with fewer than 30 scored calls is shown the rules' record", () => {
  const llmCalls = Array.from({ length: 5 }, (_, i) => rated(i, true, { ...LLM }));
  const s = trackSummary([...book, ...llmCalls], LLM, RULES, "2010-12-31", answer);
  assert.equal(s.own_record, false);
  assert.equal(s.own_scored_calls, 5);
  assert.equal(s.source, "rules");
  assert.equal(s.scored_calls, 40);
  assert.equal(s.calibrated_confidence, null);
  assert.equal(s.confidence_ceiling, 0.5, "max(S/(S+T) of its levels 0.5, rules' hit rate 0.3)");
  assert.match(
    trackRecordPrompt([s]),
    /your model has 5 scored calls, fewer than 30, so it has no track record yet[\s\S]*BUY: 40 scored calls 2010-01-01..2010-03-01: target reached before stop 30.0%/,
  );
});

Deno.test("confidenceProblems() - refuses an answer more confident than the record supports", () => {
  const llmCalls = Array.from({ length: 5 }, (_, i) => rated(i, true, { ...LLM }));
  const s = trackSummary([...book, ...llmCalls], LLM, RULES, "2010-12-31", answer);
  const problems = confidenceProblems(answer, s);
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!,
    /confidence 0.9 exceeds what the track record supports \(0.50 \+ 0.15 margin\)/,
  );
  assert.deepEqual(confidenceProblems({ ...answer, confidence: 0.5 + CONFIDENCE_MARGIN }, s), []);
  assert.deepEqual(
    confidenceProblems(answer, { ...s, confidence_ceiling: null }),
    [],
    "no record: no check",
  );
  // With a record of its own (≥ 30 calls) the LLM is held to its calibrated rate.
  const own = Array.from({ length: 30 }, (_, i) => rated(i, i % 10 < 2, { ...LLM }));
  const o = trackSummary([...book, ...own], LLM, RULES, "2010-12-31", answer);
  assert.equal(o.own_record, true);
  assert.ok(Math.abs(o.confidence_ceiling! - 0.2) < 1e-12);
  assert.equal(confidenceProblems({ ...answer, confidence: 0.4 }, o).length, 1);
});

Deno.test("trackReport() - side by side only once rules and an LLM both have 30 scored calls", () => {
  const meta = {
    universe: ["X"],
    symbols: ["X"],
    dataVersion: "v",
    computedAt: "t",
    computeMs: 0,
    everyBars: 20,
    draws: 10,
    seed: 1,
  };
  const few = trackReport(
    [...book, ...Array.from({ length: 29 }, (_, i) => rated(i, true, LLM))],
    meta,
    { resamples: 200 },
  );
  assert.equal(few.side_by_side.ready, false);
  assert.deepEqual(few.analysts.map((a) => [a.source, a.scored]), [["rules", 40], ["llm", 29]]);
  const enough = trackReport(
    [
      ...book,
      ...Array.from({ length: 30 }, (_, i) => rated(i, true, LLM)),
    ],
    meta,
    { resamples: 200 },
  );
  assert.equal(enough.side_by_side.ready, true);
  const rules = enough.groups.find((g) => g.source === "rules" && g.stance === "BUY+SELL")!;
  assert.equal(rules.hit_rate, 0.3);
  assert.equal(rules.vs_analytic.baseline, 0.5);
  assert.equal(rules.vs_analytic.verdict, "below_baseline", "30% against a fair coin's 50%");
  const llm = enough.groups.find((g) => g.source === "llm" && g.stance === "BUY+SELL")!;
  assert.equal(llm.vs_random_date.verdict, "edge", "30 of 30 against 30% random hits");
});

Deno.test("trackSummary() - no calibrated confidence from fewer than 30 decided calls of the kind", () => {
  // 29 calls decided by 2010-02-18 (days 0..28, each decided 20 days later): too few to calibrate
  const few = trackSummary(book, RULES, RULES, "2010-02-18", answer);
  assert.equal(few.scored_calls, 29);
  assert.equal(few.calibration_calls, 29);
  assert.equal(few.calibrated_confidence, null, "too few calls: the stated value stands");
  assert.equal(few.confidence_ceiling, 0.5, "the check falls back to S/(S+T) and the hit rate");
  // the 30th decided call makes a calibration: the measured rate of the calls at 0.9 stated
  const enough = trackSummary(book, RULES, RULES, "2010-02-19", answer);
  assert.equal(enough.calibration_calls, 30);
  assert.ok(Math.abs(enough.calibrated_confidence! - 9 / 30) < 1e-12);
  assert.equal(enough.confidence_ceiling, enough.calibrated_confidence);
  // an LLM without a record of its own has no calibration, whatever the rules' record holds
  const llm = trackSummary(book, LLM, RULES, "2010-12-31", answer);
  assert.deepEqual([llm.own_record, llm.calibration_calls, llm.calibrated_confidence], [
    false,
    0,
    null,
  ]);
});
