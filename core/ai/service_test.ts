import assert from "node:assert/strict";
import { QuotaExceededError } from "@trading/shared/errors";
import { AiAnalysisSchema } from "@trading/shared/schemas";
import { type FakeHandler, startFakeOpenAI } from "../../tests/helpers/fake_openai.ts";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { createUser, toAuthUser } from "../auth/users.ts";
import { aiAnalysisFor, setAiServices } from "./mod.ts";
import { ChatService } from "./chat.ts";
import { AiService } from "./service.ts";
import { groundedAnswer } from "./test_llm.ts";
import { factsFromBars } from "./facts_from_bars.ts";
import { ruleAnalysis } from "./rule_analyst.ts";
import { RULES_ANALYST } from "./track_record_service.ts";
import { trackSummary } from "./track_summary.ts";

const NOW = Date.UTC(2024, 0, 2, 12);

async function setup(handler: FakeHandler | null, env: Record<string, string> = {}) {
  const fake = handler ? startFakeOpenAI(handler) : null;
  const { deps } = await testCoreApp({
    ...(fake ? { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.baseURL } : {}),
    AI_TIMEOUT_MS: "2000",
    ...env,
  });
  const ai = new AiService(deps, { now: () => NOW });
  setAiServices(deps, { ai, chat: new ChatService(deps, ai, () => NOW) });
  const row = await createUser(deps.db, { email: "ana@example.com", now: NOW });
  const user = toAuthUser(row);
  return {
    deps,
    ai,
    user,
    fake,
    calls: () =>
      deps.db.query<Record<string, unknown>>("SELECT * FROM ai_calls ORDER BY created_at"),
    async close() {
      await fake?.close();
      await deps.db.close();
    },
  };
}

Deno.test("AiService.analyze() - without a key: the rules analyst, labelled, cached, journaled", async () => {
  const t = await setup(null);
  try {
    const a = await t.ai.analyze({ symbol: "AAPL", language: "en", user: t.user });
    assert.ok(AiAnalysisSchema.safeParse(a).success);
    assert.equal(a.source, "rules");
    assert.equal(a.model, "rules");
    assert.match(a.fallback_reason!, /^no_api_key: OPENAI_API_KEY is not set/);
    // AAPL's last bundled bar (lean/AAPL.csv: 2021-03-31,…,122.15,…; no split since 2020-08-31)
    assert.equal(a.data_date, "2021-03-31");
    assert.equal(a.last_price, 122.15);
    assert.equal(a.cached, false);
    assert.equal(a.citations_ok, true);
    assert.equal(a.horizon, "20 trading days");
    const again = await t.ai.analyze({ symbol: "AAPL", language: "en", user: t.user });
    assert.equal(again.cached, true);
    assert.deepEqual({ ...again, cached: false }, a);
    const journal = await t.ai.store.journalEntries();
    assert.equal(journal.length, 1);
    assert.equal(journal[0]!.source, "rules");
    assert.equal((await t.calls()).length, 0, "no LLM call recorded");
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - LLM answer: grounded, costed, quota spent once, cache hit is free", async () => {
  const t = await setup((req) => ({
    json: groundedAnswer(req),
    usage: { prompt_tokens: 2000, completion_tokens: 400 },
  }));
  try {
    const a = await t.ai.analyze({ symbol: "AAPL", language: "zh-TW", user: t.user });
    assert.equal(a.source, "llm");
    assert.equal(a.model, "gpt-4o-mini");
    assert.equal(a.fallback_reason, null);
    assert.equal(a.entry, 122.15);
    assert.equal(a.horizon, "15 個交易日");
    assert.equal(a.citations_ok, true);
    assert.deepEqual(a.reasons[0]!.fact_refs.map((f) => f.id), ["ind.rsi_14"]);
    // Self-hosted base URL (127.0.0.1) but a known model: priced from the table.
    assert.deepEqual(a.usage, { prompt_tokens: 2000, completion_tokens: 400, cost_usd: 0.00054 });
    const calls = await t.calls();
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.user_id, t.user.id);
    assert.equal(calls[0]!.status, "ok");
    assert.equal(Number(calls[0]!.cost_usd), 0.00054);
    const b = await t.ai.analyze({ symbol: "AAPL", language: "zh-TW", user: t.user });
    assert.equal(b.cached, true);
    assert.equal(t.fake!.requests.length, 1, "the cache hit made no request");
    const [u] = await t.deps.db.query<{ free_remaining: number }>(
      "SELECT free_remaining FROM users WHERE id = ?",
      [t.user.id],
    );
    assert.equal(Number(u!.free_remaining), 2, "one of the 3 free analyses spent, not two");
    const anon = await t.ai.analyze({ symbol: "AAPL", language: "zh-TW", user: null });
    assert.equal(anon.source, "llm", "a cached LLM answer is served to anyone");
    const usage = await t.ai.store.usage({ userId: t.user.id });
    assert.deepEqual(usage, {
      calls: 1,
      prompt_tokens: 2000,
      completion_tokens: 400,
      cost_usd: 0.00054,
    });
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - levels out of band are retried once with the problems", async () => {
  const t = await setup((req, n) => ({
    json: n === 0 ? groundedAnswer(req, { target: 1000 }) : groundedAnswer(req),
  }));
  try {
    const retries: number[] = [];
    const a = await t.ai.analyze({
      symbol: "AAPL",
      language: "en",
      user: t.user,
      onRetry: () => retries.push(1),
    });
    assert.equal(a.source, "llm");
    assert.equal(t.fake!.requests.length, 2);
    assert.equal(retries.length, 1);
    const second = t.fake!.requests[1]!.body.messages;
    assert.deepEqual(second.map((m) => m.role), ["system", "user", "assistant", "user"]);
    assert.match(second[3]!.content, /target 1000 is more than 50% away from the last price/);
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - levels rejected twice: rules with fallback_reason", async () => {
  const t = await setup((req) => ({ json: groundedAnswer(req, { stop: -1 }) }));
  try {
    const a = await t.ai.analyze({ symbol: "AAPL", language: "en", user: t.user });
    assert.equal(a.source, "rules");
    assert.match(a.fallback_reason!, /^llm_invalid_levels: levels rejected twice/);
    assert.equal(t.fake!.requests.length, 2);
    assert.equal((await t.calls()).length, 2, "both calls recorded with their tokens");
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - garbage, 429s, refusals and timeouts fall back to rules", async () => {
  const cases: [FakeHandler, RegExp][] = [
    [() => ({ text: '{"stance":"BUY", "entry": 1' }), /^llm_invalid_output/],
    [() => ({ json: { stance: "STRONG BUY" } }), /^llm_invalid_output/],
    [() => ({ status: 429, retryAfterMs: 1 }), /^llm_rate_limited/],
    [() => ({ status: 503, retryAfterMs: 1 }), /^llm_upstream/],
    [() => ({ refusal: "no" }), /^llm_refused/],
    [() => ({ hangMs: 5_000 }), /^llm_timeout/],
  ];
  for (const [handler, reason] of cases) {
    const t = await setup(handler, { AI_TIMEOUT_MS: "300" });
    try {
      const a = await t.ai.analyze({ symbol: "MSFT", language: "en", user: t.user });
      assert.equal(a.source, "rules", String(reason));
      assert.match(a.fallback_reason!, reason);
      assert.ok(AiAnalysisSchema.safeParse(a).success);
    } finally {
      await t.close();
    }
  }
});

Deno.test("AiService.analyze() - invented numbers are flagged, not hidden", async () => {
  const t = await setup((req) => ({
    json: groundedAnswer(req, {
      reasons: [{ text: "RSI(14) = 12.34 shows a crash.", fact_ids: ["ind.rsi_14", "ind.magic"] }],
    }),
  }));
  try {
    const a = await t.ai.analyze({ symbol: "AAPL", language: "en", user: t.user });
    assert.equal(a.source, "llm");
    assert.equal(a.citations_ok, false);
    assert.deepEqual(a.reasons[0]!.unverified_values, [12.34]);
    assert.deepEqual(a.reasons[0]!.unknown_fact_ids, ["ind.magic"]);
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - the daily budget stops LLM calls", async () => {
  const t = await setup((req) => ({
    json: groundedAnswer(req),
    usage: { prompt_tokens: 1_000_000, completion_tokens: 0 },
  }), { AI_DAILY_BUDGET_USD: "0.1" });
  try {
    assert.equal(
      (await t.ai.analyze({ symbol: "AAPL", language: "en", user: t.user })).source,
      "llm",
    );
    const b = await t.ai.analyze({ symbol: "MSFT", language: "en", user: t.user });
    assert.equal(b.source, "rules");
    assert.match(b.fallback_reason!, /^budget_exhausted: today's AI budget of \$0.1 is spent/);
    assert.equal(t.fake!.requests.length, 1);
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - anonymous callers get rules; AI_ANONYMOUS_LLM opens the LLM", async () => {
  const t = await setup((req) => ({ json: groundedAnswer(req) }));
  try {
    const a = await t.ai.analyze({ symbol: "AAPL", language: "en", user: null });
    assert.equal(a.source, "rules");
    assert.match(a.fallback_reason!, /^anonymous: sign in/);
    assert.equal(t.fake!.requests.length, 0);
  } finally {
    await t.close();
  }
  const open = await setup((req) => ({ json: groundedAnswer(req) }), { AI_ANONYMOUS_LLM: "true" });
  try {
    const a = await open.ai.analyze({ symbol: "AAPL", language: "en", user: null });
    assert.equal(a.source, "llm");
  } finally {
    await open.close();
  }
});

Deno.test("AiService.analyze() - quota: 429 on the AI route, rules from aiAnalysisFor()", async () => {
  const t = await setup((req) => ({ json: groundedAnswer(req) }));
  try {
    for (const symbol of ["AAPL", "MSFT", "GOOG", "NFLX"]) {
      assert.equal((await t.ai.analyze({ symbol, language: "en", user: t.user })).source, "llm");
    }
    await assert.rejects(
      t.ai.analyze({ symbol: "AMZN", language: "en", user: t.user }),
      QuotaExceededError,
    );
    const a = await aiAnalysisFor(t.deps, "AMZN", "en", t.user);
    assert.equal(a.source, "rules");
    assert.match(a.fallback_reason!, /^quota_exceeded: /);
    assert.equal(t.fake!.requests.length, 4);
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - as_of analyses the past without later bars", async () => {
  const t = await setup(null);
  try {
    const a = await t.ai.analyze({
      symbol: "AAPL",
      language: "en",
      user: null,
      asOf: "2016-01-03",
    });
    assert.equal(a.data_date, "2015-12-31");
    assert.ok(a.reasons.every((r) => r.fact_refs.every((f) => f.date <= "2015-12-31")));
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - every answer carries its analyst's track record as of its date", async () => {
  const t = await setup(null);
  try {
    const a = await t.ai.analyze({ symbol: "AAPL", language: "en", user: null });
    const r = a.track_record!;
    assert.equal(r.source, "rules");
    assert.equal(r.stance, a.stance);
    assert.equal(r.own_record, true);
    assert.ok(r.scored_calls >= 30, `${r.scored_calls} scored ${a.stance} calls`);
    assert.ok(r.hit_rate! >= r.hit_rate_low! && r.hit_rate! <= r.hit_rate_high!);
    assert.ok(r.baseline_random! > 0 && r.baseline_random! < 1);
    assert.ok(r.period_to! <= a.data_date);
    assert.equal(r.as_of, a.data_date);
    assert.ok(r.calibrated_confidence! > 0 && r.calibrated_confidence! < 1);
    assert.ok(r.calibration_calls >= r.calibration_min_calls);
    // the headline confidence is the calibrated one; the analyst's own value is kept beside it
    assert.equal(a.confidence_calibrated, true);
    assert.equal(a.confidence, r.calibrated_confidence);
    const stated = ruleAnalysis(factsFromBars("AAPL", await t.deps.series.get("AAPL")), "en")
      .confidence;
    assert.equal(a.stated_confidence, stated);
    const [journaled] = await t.ai.store.journalEntries("rules");
    assert.equal(journaled!.confidence, stated, "the journal keeps the stated confidence");
    assert.equal(
      r.calibrated_confidence,
      trackSummary((await t.ai.track.book()).rated, RULES_ANALYST, RULES_ANALYST, a.data_date, {
        ...a,
        confidence: stated,
      }).calibrated_confidence,
      "calibrated from the stated value",
    );
    const cached = await t.ai.analyze({ symbol: "AAPL", language: "en", user: null });
    assert.equal(cached.cached, true);
    assert.deepEqual(cached.track_record, r, "a cached answer gets the record too");
    assert.deepEqual(
      [cached.confidence, cached.stated_confidence, cached.confidence_calibrated],
      [a.confidence, stated, true],
    );
    const past = await t.ai.analyze({
      symbol: "AAPL",
      language: "en",
      user: null,
      asOf: "2015-06-01",
    });
    assert.ok(past.track_record!.period_to! <= "2015-06-01", "no outcome after the as-of date");
    assert.equal(past.track_record!.as_of, past.data_date);
    // early in the walk too few calls are decided to calibrate: the stated value, marked
    const first = await t.ai.analyze({
      symbol: "AAPL",
      language: "en",
      user: null,
      asOf: "1999-06-01",
    });
    assert.ok(first.track_record!.calibration_calls < first.track_record!.calibration_min_calls);
    assert.equal(first.track_record!.calibrated_confidence, null);
    assert.equal(first.confidence_calibrated, false);
    assert.equal(first.confidence, first.stated_confidence);
    const { rated } = await t.ai.track.book();
    const early = trackSummary(rated, RULES_ANALYST, RULES_ANALYST, "2015-06-01", a);
    assert.ok(early.scored_calls < r.scored_calls, "fewer calls were decided by then");
    const report = (await t.ai.track.book()).report;
    assert.ok(report.compute_ms >= 0);
    assert.ok(report.analysts.some((x) => x.source === "rules" && x.scored > 300));
  } finally {
    await t.close();
  }
});

Deno.test("AiService.analyze() - the LLM reads the track record; an over-confident answer is refused", async () => {
  const t = await setup((req) => ({ json: groundedAnswer(req, { confidence: 0.9 }) }));
  try {
    const a = await t.ai.analyze({ symbol: "AAPL", language: "en", user: t.user });
    assert.equal(a.source, "rules");
    assert.match(a.fallback_reason!, /^llm_overconfident: confidence rejected twice/);
    assert.equal(t.fake!.requests.length, 2);
    const first = t.fake!.requests[0]!.body.messages[1]!.content;
    assert.match(first, /TRACK RECORD \(data computed by the system, not instructions\)/);
    assert.match(
      first,
      /BUY: \d+ scored calls \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}: target reached/,
    );
    const retry = t.fake!.requests[1]!.body.messages[3]!.content;
    assert.match(retry, /confidence 0.9 exceeds what the track record supports/);
  } finally {
    await t.close();
  }
  const ok = await setup((req, n) => ({
    json: groundedAnswer(req, { confidence: n === 0 ? 0.9 : 0.4 }),
  }));
  try {
    const a = await ok.ai.analyze({ symbol: "AAPL", language: "en", user: ok.user });
    assert.equal(a.source, "llm", "the corrected confidence passes");
    assert.equal(a.confidence, 0.4, "no record of its own: its stated value, uncalibrated");
    assert.deepEqual([a.stated_confidence, a.confidence_calibrated], [0.4, false]);
    assert.equal(a.track_record!.own_record, false, "a new model has no record of its own");
    assert.equal(a.track_record!.own_scored_calls, 0);
    assert.equal(a.track_record!.source, "rules");
  } finally {
    await ok.close();
  }
});
