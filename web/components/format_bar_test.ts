import assert from "node:assert/strict";
import { fmtBarDate, withSentence } from "./format.ts";

Deno.test("fmtBarDate() - an intraday bar shows its date and its time on the exchange's clock; a day its date", () => {
  // 19:00 in New York is 23:00 UTC: the label's wall clock is kept, whatever the viewer's zone
  assert.equal(fmtBarDate("en", "2021-03-31T15:00:00-04:00"), "Mar 31, 2021 15:00");
  assert.equal(fmtBarDate("zh-TW", "2021-03-31T19:00:00-04:00"), "2021年3月31日 19:00");
  assert.equal(fmtBarDate("en", "2021-03-31"), "Mar 31, 2021");
  assert.equal(fmtBarDate("en", null), "–");
});

Deno.test("withSentence() - a space between English sentences, none after a Chinese full stop", () => {
  assert.equal(withSentence("en", "One.", "Two."), "One. Two.");
  assert.equal(withSentence("zh-TW", "一。", "二。"), "一。二。");
});
