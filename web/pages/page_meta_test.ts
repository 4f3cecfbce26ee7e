import "../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { LANGS, translator } from "../i18n/mod.ts";
import { PAGES } from "../routes/mod.ts";
import { PAGE_DESCRIPTIONS, pageDescription } from "./page_meta.ts";

Deno.test("pageDescription() - every page has its own description in every language", () => {
  for (const lang of LANGS) {
    const t = translator(lang);
    const seen = new Set<string>();
    for (const { path } of PAGES) {
      assert.ok(PAGE_DESCRIPTIONS[path], `${path} has a description`);
      const text = pageDescription(t, path, { symbol: "2330.TW" });
      assert.ok(text.length >= 20 && text.length <= 170, `${lang} ${path}: ${text.length} chars`);
      assert.ok(!seen.has(text), `${lang} ${path}: not shared with another page`);
      seen.add(text);
    }
    assert.match(pageDescription(t, "/symbol/:symbol", { symbol: "2330.TW" }), /2330\.TW/);
  }
});
