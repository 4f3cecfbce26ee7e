import "../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../i18n/mod.ts";
import { rangeLabels } from "./quote_range.ts";

Deno.test("rangeLabels() - '52-week' only with 52 weeks of history, else the span covered", () => {
  const en = translator("en");
  assert.deepEqual(rangeLabels(en, "en", "2013-05-13", "2018-05-11"), {
    high: "52-week high",
    low: "52-week low",
    full: true,
  });
  assert.deepEqual(rangeLabels(en, "en", "2020-12-01", "2020-12-31"), {
    high: "High since Dec 1, 2020",
    low: "Low since Dec 1, 2020",
    full: false,
  });
  assert.equal(rangeLabels(en, "en", "2017-05-12", "2018-05-11").full, true, "exactly 52 weeks");
  assert.equal(rangeLabels(en, "en", "2017-05-13", "2018-05-11").full, false, "a day short");
  assert.match(rangeLabels(translator("zh-TW"), "zh-TW", "2020-12-01", "2020-12-31").high, /2020/);
});
