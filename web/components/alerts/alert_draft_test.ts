import "../../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { CreateAlertBodySchema } from "@trading/shared/schemas";
import { translator } from "../../i18n/mod.ts";
import {
  alertBody,
  type AlertDraft,
  draftFromQuery,
  emptyDraft,
  formFieldOf,
  priceText,
} from "./alert_draft.ts";
import { describeFailure } from "./alert_failure.ts";
import { conditionText, defaultName } from "./alert_text.ts";

const NOW = Date.parse("2026-12-03T12:00:00Z");
const draft = (patch: Partial<AlertDraft>): AlertDraft => ({
  ...emptyDraft(),
  symbol: "AAPL",
  level: "200",
  ...patch,
});

Deno.test("alertBody() - every condition and target gives a body core's schema accepts", () => {
  const drafts: Partial<AlertDraft>[] = [
    { kind: "price", direction: "up" },
    { kind: "pct_move", pct: "2.5", bars: "3", direction: "down" },
    { kind: "rule", rule: "rsi(14) crosses_above 30" },
    { kind: "pattern", pattern: "double_bottom" },
    { kind: "pattern", pattern: "hammer" },
    { kind: "signal", signal: "golden_cross_50_200" },
    { target: "list", list: "aapl, msft  nvda,AAPL", trigger: "once", cooldown: 3600 },
    { target: "screen", screen: "scr_1", kind: "pct_move", pct: "3", bars: "5" },
    { expires: "2027-01-01T09:30", endpoints: ["nep_1"], name: " Mine " },
  ];
  for (const d of drafts) {
    const r = alertBody(draft(d), NOW);
    assert.ok(r.ok, JSON.stringify(d));
    const parsed = CreateAlertBodySchema.safeParse(r.body);
    assert.ok(parsed.success, `${JSON.stringify(r.body)}: ${parsed.error?.message}`);
  }
  const list = alertBody(draft({ target: "list", list: "aapl, msft  nvda,AAPL" }), NOW);
  assert.ok(list.ok);
  assert.deepEqual(list.body.watchlist, ["AAPL", "MSFT", "NVDA"]);
  const named = alertBody(draft({ name: " Mine " }), NOW);
  assert.ok(named.ok);
  assert.equal(named.body.name, "Mine");
});

Deno.test("alertBody() - each bad field is named once, with a message in both languages", () => {
  const cases: [Partial<AlertDraft>, string][] = [
    [{ symbol: "A.." }, "symbol"],
    [{ level: "0" }, "level"],
    [{ level: "" }, "level"],
    [{ kind: "pct_move", pct: "-1" }, "pct"],
    [{ kind: "pct_move", bars: "1.5" }, "bars"],
    [{ kind: "pct_move", bars: "251" }, "bars"],
    [{ kind: "rule", rule: "  " }, "rule"],
    [{ target: "list", list: " , " }, "list"],
    [{ target: "screen", screen: "" }, "screen"],
    [{ target: "list", list: Array.from({ length: 51 }, (_, i) => `S${i}`).join(",") }, "list"],
    [{ expires: "2026-12-01T09:30" }, "expires"],
  ];
  for (const [patch, field] of cases) {
    const r = alertBody(draft(patch), NOW);
    assert.ok(!r.ok, JSON.stringify(patch));
    assert.deepEqual(r.issues.map((i) => i.field), [field]);
    for (const lang of ["en", "zh-TW"] as const) {
      const text = translator(lang)(r.issues[0]!.key);
      assert.notEqual(text, r.issues[0]!.key, `${lang} has ${r.issues[0]!.key}`);
    }
  }
});

Deno.test("draftFromQuery() - links from the symbol page, a chart level and the screener", () => {
  const fromSymbol = draftFromQuery(new URLSearchParams("symbol=aapl&price=188.589996"));
  assert.equal(fromSymbol.symbol, "AAPL");
  assert.equal(fromSymbol.kind, "price");
  assert.equal(fromSymbol.level, "188.59");
  const fromScreener = draftFromQuery(
    new URLSearchParams({ rule: "rsi(14) < 30", symbols: "AAPL,msft" }),
  );
  assert.equal(fromScreener.target, "list");
  assert.equal(fromScreener.list, "AAPL, MSFT");
  assert.equal(fromScreener.kind, "rule");
  assert.equal(fromScreener.rule, "rsi(14) < 30");
  const fromScreen = draftFromQuery(new URLSearchParams({ screen: "scr_1", rule: "rsi(14) < 30" }));
  assert.deepEqual([fromScreen.target, fromScreen.screen, fromScreen.kind], [
    "screen",
    "scr_1",
    "rule",
  ]);
  assert.equal(draftFromQuery(new URLSearchParams("pattern=double_top")).kind, "pattern");
  assert.equal(draftFromQuery(new URLSearchParams("pattern=<script>")).kind, "price");
  assert.equal(priceText(0.123456), "0.1235");
});

Deno.test("formFieldOf() - core's wire fields map to the form's fields", () => {
  assert.equal(formFieldOf("watchlist.3"), "list");
  assert.equal(formFieldOf("price.level"), "level");
  assert.equal(formFieldOf("pct_move.bars"), "bars");
  assert.equal(formFieldOf("expires_at"), "expires");
  assert.equal(formFieldOf("endpoints.0"), "endpoints");
});

Deno.test("describeFailure() - the plan's limit, unknown symbols and rules in user terms", () => {
  const zh = translator("zh-TW");
  const limit = describeFailure(
    zh,
    { ok: false, status: 429, message: "Cannot activate another alert", details: [] },
    { active: 20, limit: 20 },
  );
  assert.match(limit.general ?? "", /20.*上限（20）/);
  const unknown = describeFailure(translator("en"), {
    ok: false,
    status: 422,
    message: "Invalid body: watchlist.3: no stored data for ZZZ",
    details: [{ field: "watchlist.3", message: "unknown symbol ZZZ: load it first" }],
  }, null);
  assert.equal(unknown.general, null, "the field message says it all");
  assert.deepEqual(Object.keys(unknown.fields), ["list"]);
  assert.doesNotMatch(unknown.fields.list!, /watchlist|load it first/);
  const span = { line: 1, column: 5, end_line: 1, end_column: 9 };
  const rule = describeFailure(translator("en"), {
    ok: false,
    status: 422,
    message: "unknown function foo",
    details: [{ field: "rule", message: "unknown function foo", span } as never],
  }, null);
  assert.deepEqual(rule.rule, { message: "unknown function foo", span });
  const url = describeFailure(
    zh,
    {
      ok: false,
      status: 422,
      message: "Cannot use this webhook URL: 10.0.0.1 is a private address",
      details: [{ field: "url", message: "a private address is not allowed" }],
    },
    null,
    "endpoint",
  );
  assert.match(url.fields.url!, /私人網路/);
  const down = describeFailure(zh, { ok: false, status: 0, message: null, details: [] }, null);
  assert.equal(down.general, zh("error.core.body"));
});

Deno.test("defaultName() / conditionText() - alerts are named in the user's language", () => {
  const zh = translator("zh-TW");
  const r = alertBody(draft({ direction: "up" }), NOW);
  assert.ok(r.ok);
  assert.equal(defaultName(zh, "zh-TW", r.body), "AAPL: 向上穿越 200.00");
  const list = alertBody(draft({ target: "list", list: "AAPL,MSFT", kind: "rule", rule: "x" }), 0);
  assert.ok(list.ok);
  assert.equal(defaultName(translator("en"), "en", list.body), "2 symbols: x");
  const onScreen = alertBody(draft({ target: "screen", screen: "scr_1", direction: "down" }), 0);
  assert.ok(onScreen.ok);
  assert.equal(
    defaultName(zh, "zh-TW", onScreen.body, [{ id: "scr_1", name: "超賣" }]),
    "選股「超賣」: 向下穿越 200.00",
  );
  assert.equal(
    conditionText(translator("en"), "en", { type: "pattern", kind: "hammer" }),
    "Hammer confirmed",
  );
});
