/**
 * Registers every language's messages (the server and tests import this once; the browser loads
 * only the page's language instead, see `static/client.ts`).
 *
 * @module
 */
import "./alerts_dictionaries.ts"; // the alerts pages' section
import "./lab_dictionaries.ts"; // the backtest lab's section
import { en } from "./en.ts";
import { type Dictionary, type Lang, registerDictionary, registerSection } from "./mod.ts";
import { zhTW } from "./zh-TW.ts";
import { serverEn } from "./server_en.ts";
import { serverZhTW } from "./server_zh-TW.ts";

/** Every dictionary by language. */
export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { en, "zh-TW": zhTW };

for (const [lang, dictionary] of Object.entries(DICTIONARIES)) {
  registerDictionary(lang as Lang, dictionary);
}

// strings only the server renders (no page downloads them)
registerSection("en", serverEn);
registerSection("zh-TW", serverZhTW);
