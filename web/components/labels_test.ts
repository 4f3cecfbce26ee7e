import "../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { CANDLE_KIND_NAMES, CHART_PATTERN_KIND_NAMES } from "@trading/shared/schemas";
import { translator } from "../i18n/mod.ts";
import { candleLabel, patternLabel, signalLabel } from "./labels.ts";

Deno.test("patternLabel() / candleLabel() - every kind core can send has a translation", () => {
  const zh = translator("zh-TW");
  for (const k of CHART_PATTERN_KIND_NAMES) {
    assert.notEqual(patternLabel(zh, k), k.replace(/_/g, " "), `pattern ${k}`);
  }
  for (const k of CANDLE_KIND_NAMES) {
    assert.notEqual(candleLabel(zh, k), k.replace(/_/g, " "), `candle ${k}`);
  }
  assert.equal(patternLabel(translator("en"), "double_top"), "Double top");
});

Deno.test("signalLabel() - unknown names stay readable instead of disappearing", () => {
  assert.equal(signalLabel(translator("en"), "new_rule_x"), "new rule x");
  assert.equal(signalLabel(translator("zh-TW"), "macd_cross_up"), "MACD 向上交叉");
});
