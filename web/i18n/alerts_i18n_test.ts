import assert from "node:assert/strict";
import { alertsEn } from "./alerts_en.ts";
import { alertsZhTW } from "./alerts_zh-TW.ts";
import { en } from "./en.ts";
import "./dictionaries.ts";
import { translator } from "./mod.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

Deno.test("i18n alerts section - zh-TW has every key, non-empty, with the same placeholders", () => {
  for (const key of Object.keys(alertsEn) as (keyof typeof alertsEn)[]) {
    const v = alertsZhTW[key];
    assert.ok(typeof v === "string" && v.trim().length > 0, `zh-TW is missing ${key}`);
    assert.deepEqual(placeholders(v), placeholders(alertsEn[key]), `zh-TW ${key} placeholders`);
  }
  assert.deepEqual(Object.keys(alertsZhTW).sort(), Object.keys(alertsEn).sort());
  const shared = Object.keys(alertsEn).filter((k) => k in en);
  assert.deepEqual(shared, [], "no key in both the section and the main dictionary");
});

Deno.test("i18n alerts section - the translator finds it beside the main dictionary", () => {
  assert.equal(translator("zh-TW")("alerts.title"), "警示");
  assert.equal(translator("zh-TW")("nav.markets"), "市場");
  assert.equal(
    translator("en")("alerts.usage", { active: 1, limit: 20 }),
    "1 of 20 active alerts in use.",
  );
});
