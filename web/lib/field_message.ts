/**
 * What a user reads about a refused field or a failed call: the server's validation messages
 * (zod's English, e.g. `Too small: expected string to have >=10 characters`) become one short
 * sentence in the UI language; text naming internals (environment variables, commands, field
 * paths such as `params.fast`, error codes) is never shown.
 *
 * @module
 */
import type { MessageKey, T } from "../i18n/mod.ts";

const RULES: [RegExp, MessageKey][] = [
  [/expected string to have >=\s*(\d+)|at least (\d+) characters/i, "field.tooShort"],
  [/expected string to have <=\s*(\d+)|at most (\d+) characters/i, "field.tooLong"],
  [/expected (?:number|int) to be >=?\s*(-?[\d.]+)/i, "bt.field.min"],
  [/expected (?:number|int) to be <=?\s*(-?[\d.]+)/i, "bt.field.max"],
  [/expected int, received number/i, "bt.field.integer"],
  [/expected number, received (?!undefined)/i, "bt.field.nan"],
  [/received undefined|required/i, "bt.field.missing"],
  [/invalid email/i, "field.email"],
  [/invalid (?:iso )?date/i, "field.date"],
];

/** True when `text` names something only a developer knows (a variable, command, code, path). */
export function looksInternal(text: string): boolean {
  // a lowercase service name first ("core did not answer in time") is web's own log wording
  return /`|\bdeno\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b|^[a-z_]+:|^(?:core|chart|web)\b/
    .test(text);
}

/**
 * The message to show for a field the server refused with `message`.
 *
 * @example
 * ```ts
 * import "../i18n/dictionaries.ts";
 * import { translator } from "../i18n/mod.ts";
 * import { fieldMessage } from "./field_message.ts";
 *
 * fieldMessage(translator("zh-TW"), "Too small: expected string to have >=10 characters");
 * // "至少 10 個字元。"
 * ```
 */
export function fieldMessage(t: T, message: string): string {
  for (const [re, key] of RULES) {
    const m = re.exec(message);
    if (m) return t(key, { n: m[1] ?? m[2] ?? "" });
  }
  // a sentence the server wrote for people, in English: kept for English readers
  if (t("lang.code") === "en" && !looksInternal(message)) {
    return message.charAt(0).toUpperCase() + message.slice(1).replace(/([^.])$/, "$1.");
  }
  return t("field.invalid");
}

/** The server's own words under a failure notice, or null when they would not help the user. */
export function serverDetail(t: T, status: number, message: string | null): string | null {
  if (!message || status === 400 || status === 422 || status === 401) return null;
  return t("lang.code") === "en" && !looksInternal(message) ? message : null;
}
