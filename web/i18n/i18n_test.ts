import assert from "node:assert/strict";
import { en } from "./en.ts";
import { alertsEn } from "./alerts_en.ts";
import { serverEn } from "./server_en.ts";
import { labEn } from "./lab_en.ts";
import { labZhTW } from "./lab_zh-TW.ts";
import { serverZhTW } from "./server_zh-TW.ts";
import { zhTW } from "./zh-TW.ts";
import { DICTIONARIES } from "./dictionaries.ts";
import { pickLang, translator } from "./mod.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

Deno.test("i18n - every language has every English key, non-empty, with the same placeholders", () => {
  for (const [lang, dict] of Object.entries(DICTIONARIES)) {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const v = dict[key];
      assert.ok(typeof v === "string" && v.trim().length > 0, `${lang} is missing ${key}`);
      assert.deepEqual(placeholders(v), placeholders(en[key]), `${lang} ${key} placeholders`);
    }
    assert.deepEqual(Object.keys(dict).sort(), Object.keys(en).sort(), `${lang} has no extra keys`);
  }
  assert.equal(zhTW["nav.markets"], "市場");
});

Deno.test("i18n - every key used in web/ exists in the dictionaries", async () => {
  const used = new Set<string>();
  const walk = async (dir: URL) => {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory && e.name !== "build") await walk(new URL(e.name + "/", dir));
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith("_test.ts")) {
        const src = await Deno.readTextFile(new URL(e.name, dir));
        for (const m of src.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) used.add(m[1]!);
        for (const m of src.matchAll(/(?:title|body)="([a-z]+\.[a-zA-Z0-9_.]+)"/g)) used.add(m[1]!);
      }
    }
  };
  await walk(new URL("../", import.meta.url));
  assert.ok(used.size > 50, `found ${used.size} keys`);
  const missing = [...used].filter((k) =>
    !(k in en) && !(k in alertsEn) && !(k in serverEn) && !(k in labEn)
  );
  assert.deepEqual(missing, []);
});

Deno.test("pickLang() - cookie first, then Accept-Language (any Chinese → zh-TW), else English", () => {
  assert.equal(pickLang("zh-TW", "en-US"), "zh-TW");
  assert.equal(pickLang("xx", "zh-HK,zh;q=0.9"), "zh-TW");
  assert.equal(pickLang(undefined, "fr-FR, en;q=0.5, zh;q=0.8"), "zh-TW");
  assert.equal(pickLang(undefined, "en-GB,en;q=0.9"), "en");
  assert.equal(pickLang(undefined, "fr-FR"), "en");
  assert.equal(pickLang(undefined, undefined), "en");
});

Deno.test("translator() - fills placeholders", () => {
  assert.equal(translator("en")("markets.intro", { n: 13 }).startsWith("13 symbols"), true);
  assert.equal(translator("zh-TW")("markets.open", { symbol: "AAPL" }), "開啟 AAPL");
});

Deno.test("i18n - the server-only and lab sections: both languages, same placeholders, no key of the main one", () => {
  const sections: [Record<string, string>, Record<string, string>][] = [
    [serverEn, serverZhTW],
    [labEn, labZhTW],
  ];
  for (const [english, chinese] of sections) {
    for (const key of Object.keys(english)) {
      assert.ok(chinese[key]?.trim(), `zh-TW is missing ${key}`);
      assert.deepEqual(placeholders(chinese[key]!), placeholders(english[key]!), key);
      assert.ok(!(key in en), `${key} is in the main dictionary too`);
    }
  }
  assert.equal(translator("zh-TW")("session.signout"), "登出");
  assert.equal(translator("zh-TW")("strategy.rule"), "自訂規則");
});
