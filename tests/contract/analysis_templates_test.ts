// Signal reasons and pattern criteria travel as codes with parameters (issue 19, finding 4):
// every code core can send has an English and a Traditional Chinese template in web with the
// same placeholders, and core's English sentence is the template filled with the parameters.
import assert from "node:assert/strict";
import { bundledSeries } from "../helpers/bundled.ts";
import { generateSignals } from "../../core/signals/mod.ts";
import { reasonText, SIGNAL_REASONS } from "../../core/signals/reasons.ts";
import { CRITERIA_TEMPLATES, criterionText } from "../../core/patterns/criteria.ts";
import { SCORE_TEXTS, scoreText } from "../../core/signals/score_texts.ts";
import { compositeScore } from "../../core/signals/mod.ts";
import { detectChartPatterns } from "../../core/patterns/mod.ts";
import { patternToWire } from "../../core/patterns/wire.ts";
import { criteriaEn, reasonsEn, scoreTextsEn } from "../../web/i18n/analysis_en.ts";
import { criteriaZhTW, reasonsZhTW, scoreTextsZhTW } from "../../web/i18n/analysis_zh-TW.ts";
import { factorText, patternCriteria, signalReason } from "../../web/components/analysis_text.ts";

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const LATIN_WORD = /\b[a-z]{4,}\b/; // an English word of 4+ lower-case letters

Deno.test("analysis templates - every reason, criterion and factor code has en and zh-TW text with core's placeholders", () => {
  const pairs = [
    [SIGNAL_REASONS, reasonsEn, reasonsZhTW],
    [CRITERIA_TEMPLATES, criteriaEn, criteriaZhTW],
    [SCORE_TEXTS, scoreTextsEn, scoreTextsZhTW],
  ] as const;
  for (const [core, en, zh] of pairs) {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(core).sort());
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(core).sort());
    for (const [code, text] of Object.entries(core)) {
      assert.deepEqual(holes((en as Record<string, string>)[code]!), holes(text), `en ${code}`);
      // a translation may leave a parameter out (the Chinese factor text counts the recent
      // signals instead of listing their English ids), never add one
      const zhHoles = holes((zh as Record<string, string>)[code]!);
      assert.ok(zhHoles.every((h) => holes(text).includes(h)), `zh-TW ${code}: ${zhHoles}`);
      const words = (zh as Record<string, string>)[code]!.replace(/\{\w+\}/g, "");
      assert.doesNotMatch(words, LATIN_WORD, `zh-TW ${code}`);
    }
  }
});

Deno.test("signals - each carries reason_code + reason_params, its English reason is the filled template, and zh-TW renders it in Chinese", () => {
  const signals = generateSignals(bundledSeries("AAPL"));
  const seen = new Set<string>();
  for (const s of signals) {
    assert.ok(s.reason_code in SIGNAL_REASONS, s.reason_code);
    assert.equal(s.reason, reasonText(s.reason_code, s.reason_params));
    const zh = signalReason("zh-TW", s);
    assert.notEqual(zh, s.reason);
    assert.doesNotMatch(zh, LATIN_WORD, zh);
    seen.add(s.reason_code);
  }
  assert.ok(seen.size >= 10, `codes seen on AAPL: ${[...seen].join(", ")}`);
});

Deno.test("patterns - criteria_codes on the wire fill to the English criteria, and zh-TW renders them in Chinese", () => {
  const patterns = detectChartPatterns(bundledSeries("AAPL")).map(patternToWire);
  assert.ok(patterns.length > 0);
  for (const p of patterns) {
    assert.equal(p.criteria_codes.length, p.criteria.length);
    p.criteria_codes.forEach((c, i) =>
      assert.equal(
        criterionText(c.code as keyof typeof CRITERIA_TEMPLATES, c.params),
        p.criteria[i],
      )
    );
    for (const text of patternCriteria("zh-TW", p)) assert.doesNotMatch(text, LATIN_WORD, text);
  }
});

Deno.test("composite score - each factor carries text_code + text_params, its English text is the filled template, and zh-TW renders it in Chinese", () => {
  const aapl = bundledSeries("AAPL");
  const seen = new Set<string>();
  for (const at of [10, 30, 60, 250, aapl.close.length - 1]) {
    for (const r of compositeScore(aapl, { at }).reasons) {
      assert.equal(r.text, scoreText(r.text_code, r.text_params));
      const zh = factorText("zh-TW", r);
      assert.doesNotMatch(zh, LATIN_WORD, zh);
      seen.add(r.text_code);
    }
  }
  assert.ok(seen.size >= 8, [...seen].join(", "));
});
