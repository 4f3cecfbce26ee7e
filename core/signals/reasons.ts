/**
 * Signal reasons as templates with parameters: each signal carries a `reason_code` (a key of
 * {@link SIGNAL_REASONS}) and its `reason_params`, so a client renders the sentence in its own
 * language; the English `reason` text is filled from the same template (kept for API
 * compatibility). Numbers are formatted as the reason texts always were (2 decimals, 4 below 1).
 *
 * @module
 */
import { fmt } from "./_cross.ts";
import type { Signal } from "./types.ts";

/** English template of every signal reason; `{name}` is replaced by the parameter `name`. */
export const SIGNAL_REASONS = {
  rsi_cross_up_30: "RSI(14) crossed up through 30 to {rsi}",
  rsi_cross_down_70: "RSI(14) crossed down through 70 to {rsi}",
  macd_cross_up: "MACD {macd} crossed above its signal {signal}",
  macd_cross_up_below_zero: "MACD {macd} crossed above its signal {signal} below zero",
  macd_cross_down: "MACD {macd} crossed below its signal {signal}",
  macd_cross_down_above_zero: "MACD {macd} crossed below its signal {signal} above zero",
  ma20_cross_above_ma50: "MA20 {ma20} crossed above MA50 {ma50}",
  ma20_cross_below_ma50: "MA20 {ma20} crossed below MA50 {ma50}",
  golden_cross_50_200: "Golden cross: MA50 {ma50} crossed above MA200 {ma200}",
  death_cross_50_200: "Death cross: MA50 {ma50} crossed below MA200 {ma200}",
  close_above_upper_band:
    "Close {close} broke above the upper Bollinger band {band} on {volume_ratio}× average volume",
  close_below_lower_band:
    "Close {close} broke below the lower Bollinger band {band} on {volume_ratio}× average volume",
  close_above_ma10: "Close {close} moved above MA10 {ma10}",
  close_below_ma5: "Close {close} fell below MA5 {ma5}",
  rsi_kd_overbought: "RSI(14) {rsi} ≥ 80 and %K {k} crossed below %D {d}",
  rsi_kd_oversold: "RSI(14) {rsi} ≤ 20 and %K {k} crossed above %D {d}",
  three_white_soldiers_high:
    "三陽開泰: three white soldiers closing at {close} above the {bars}-day high {high}",
  three_white_soldiers_high_volume:
    "三陽開泰: three white soldiers closing at {close} above the {bars}-day high {high} on {volume_ratio}× average volume",
  close_above_high_volume:
    "Close {close} broke the {bars}-day high {high} on {volume_ratio}× average volume",
  close_below_low_volume:
    "Close {close} broke the {bars}-day low {low} on {volume_ratio}× average volume",
} as const;

/** Code of a signal reason template. */
export type SignalReasonCode = keyof typeof SIGNAL_REASONS;

/** Parameters of a reason: numbers (bar counts are integers) by snake_case name. */
export type ReasonParams = Record<string, number>;

/** Parameter names whose values are counts, printed without decimals. */
const COUNTS: ReadonlySet<string> = new Set(["bars"]);

/**
 * The English sentence of a reason template.
 *
 * @example
 * ```ts
 * import { reasonText } from "./reasons.ts";
 *
 * reasonText("close_above_ma10", { close: 101.5, ma10: 100.25 });
 * // "Close 101.50 moved above MA10 100.25"
 * ```
 */
export function reasonText(code: SignalReasonCode, params: ReasonParams): string {
  return SIGNAL_REASONS[code].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new RangeError(`Cannot fill reason ${code}: no parameter ${k}`);
    return COUNTS.has(k) ? String(v) : fmt(v);
  });
}

/**
 * A function appending one signal of `family` to `out`: on bar `i` of `dates`, its English
 * reason filled from `code` and `params` (the technical and the analyst rules both use it).
 */
export function signalPusher(dates: readonly string[], out: Signal[], family: Signal["family"]) {
  return (
    i: number,
    type: "buy" | "sell",
    name: string,
    strength: number,
    code: SignalReasonCode,
    params: ReasonParams,
  ): void => {
    out.push({
      index: i,
      date: dates[i]!,
      type,
      name,
      family,
      reason: reasonText(code, params),
      reason_code: code,
      reason_params: params,
      strength,
    });
  };
}
