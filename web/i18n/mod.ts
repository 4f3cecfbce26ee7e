/**
 * Translations and language choice. Every user-visible string lives in `en.ts` and `zh-TW.ts`;
 * `zh-TW.ts` is typed against the English keys, and a test checks both are complete.
 *
 * The dictionaries are registered, not imported here: the server registers both
 * (`dictionaries.ts`), the browser only the page's language (`static/client.ts` loads it before
 * hydrating), so an island's bundle carries no dictionary and a page downloads one language.
 *
 * @module
 */
import type { BaseKey, MessageKey } from "./en.ts";

export type { MessageKey } from "./en.ts";

/** Languages of the UI. */
export const LANGS = ["en", "zh-TW"] as const;

/** A UI language. */
export type Lang = typeof LANGS[number];

/** One language's messages. */
export type Dictionary = Readonly<Record<BaseKey, string>>;

type Messages = Readonly<Record<string, string>>;
const registered: Partial<Record<Lang, Messages>> = {};
const sections: Partial<Record<Lang, Messages>> = {};

/** Makes `lang`'s messages available to {@link translator}. */
export function registerDictionary(lang: Lang, dictionary: Dictionary): void {
  registered[lang] = dictionary;
}

/**
 * Adds a section of `lang`'s messages that only some islands carry (e.g. the alerts pages'),
 * so every other page's dictionary stays light. Independent of {@link registerDictionary}'s
 * order.
 */
export function registerSection(lang: Lang, messages: Messages): void {
  sections[lang] = { ...sections[lang], ...messages };
}

/** Native name of each language, for the switcher. */
export const LANG_NAMES: Record<Lang, string> = { en: "English", "zh-TW": "繁體中文" };

/** A translate function bound to one language. */
export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Returns the translate function of `lang`; `{name}` placeholders are replaced from `vars`.
 *
 * @example
 * ```ts
 * import "./dictionaries.ts"; // registers en and zh-TW (the server does this once)
 * import { translator } from "./mod.ts";
 *
 * translator("en")("markets.watch", { symbol: "AAPL" }); // "Add AAPL to the watchlist"
 * ```
 */
export function translator(lang: Lang): T {
  return (key, vars) => {
    const text = registered[lang]?.[key] ?? sections[lang]?.[key] ?? registered.en?.[key] ??
      sections.en?.[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => name in vars ? String(vars[name]) : m);
  };
}

/** True when `v` names a UI language. */
export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}

/**
 * Picks the UI language: the `lang` cookie when valid, else the first supported language of
 * `Accept-Language` (any Chinese → zh-TW, the one Chinese of the UI), else English.
 */
export function pickLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(cookie)) return cookie;
  const prefs = (acceptLanguage ?? "").split(",").map((part) => {
    const [tag = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
  }).filter((p) => p.tag && p.q > 0).sort((a, b) => b.q - a.q);
  for (const { tag } of prefs) {
    if (tag.startsWith("zh")) return "zh-TW";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}
