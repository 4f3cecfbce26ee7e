/**
 * Translated labels of the identifiers core sends (pattern kinds, candlestick kinds, signal
 * names, directions): a known id gets its dictionary entry, an unknown one is shown readable
 * (`cup_and_handle` → `cup and handle`) rather than hidden.
 *
 * @module
 */
import type { MessageKey, T } from "../i18n/mod.ts";

function label(t: T, prefix: string, id: string): string {
  const key = `${prefix}.${id}`;
  const text = t(key as MessageKey); // the key itself when there is no entry
  return text === key ? id.replace(/_/g, " ") : text;
}

/**
 * Label of a chart-pattern kind.
 *
 * @example
 * ```ts
 * import "../i18n/dictionaries.ts";
 * import { translator } from "../i18n/mod.ts";
 * import { patternLabel } from "./labels.ts";
 *
 * patternLabel(translator("en"), "double_top"); // "Double top"
 * patternLabel(translator("en"), "rounding_bottom"); // "rounding bottom" (no dictionary entry)
 * ```
 */
export function patternLabel(t: T, kind: string): string {
  return label(t, "pattern", kind);
}

/** Label of a candlestick-pattern kind. */
export function candleLabel(t: T, kind: string): string {
  return label(t, "candle", kind);
}

/** Label of a signal rule name. */
export function signalLabel(t: T, name: string): string {
  return label(t, "signal", name);
}

/** Label of a direction (bullish/bearish/neutral). */
export function directionLabel(t: T, direction: string): string {
  return label(t, "direction", direction);
}

/** Label of a level kind (support/resistance). */
export function levelLabel(t: T, kind: string): string {
  return label(t, "level", kind);
}

/**
 * Name of a strategy in the UI language: its dictionary entry (`strategy.<id>`), else the name
 * core gives (`fallback`), else the id made readable. Never the bare id when a name is known.
 */
export function strategyLabel(t: T, id: string, fallback?: string): string {
  const key = `strategy.${id}`;
  const text = t(key as MessageKey);
  return text !== key ? text : fallback ?? id.replace(/_/g, " ");
}

const FALLBACKS = ["no_api_key", "anonymous", "budget_exhausted", "quota_exceeded"];

/**
 * Why the rule-based analyst answered instead of the AI model, in user terms: core's
 * `fallback_reason` starts with a code (`no_api_key: OPENAI_API_KEY is not set…`) whose
 * explanation names server settings, so only the code is read.
 */
export function fallbackText(t: T, reason: string): string {
  const code = reason.split(":")[0]?.trim() ?? "";
  return t((FALLBACKS.includes(code) ? `ai.fallback.${code}` : "ai.fallback.other") as MessageKey);
}

/** Translated stance label (buy/sell/hold/…); unknown stances are shown as sent. */
export function stanceLabel(t: T, stance: string): string {
  const s = stance.toLowerCase();
  if (s.includes("buy") || s === "bullish") return t("stance.buy");
  if (s.includes("sell") || s === "bearish") return t("stance.sell");
  if (s === "hold" || s === "neutral") return t("stance.hold");
  return stance;
}
