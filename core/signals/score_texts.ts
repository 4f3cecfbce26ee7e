/**
 * The composite score's factor texts as templates with parameters: each factor carries a
 * `text_code` (a key of {@link SCORE_TEXTS}) and `text_params`, so a client renders it in its
 * own language; the English `text` is filled from the same template. Numbers are formatted as
 * the texts always were (2 decimals, 4 below 1); `bars` and `count` are integers; strings
 * (the comparison signs `>` and `<`) are inserted as they are.
 *
 * @module
 */
import { fmt } from "./_cross.ts";

/** English template of every factor text; `{name}` is replaced by the parameter `name`. */
export const SCORE_TEXTS = {
  trend_no_history: "Trend: not enough history for MA20",
  trend_ma20: "Trend: close {close} {vs_ma20} MA20 {ma20}",
  trend_ma20_ma50: "Trend: close {close} {vs_ma20} MA20 {ma20}, {vs_ma50} MA50 {ma50}",
  trend_all:
    "Trend: close {close} {vs_ma20} MA20 {ma20}, {vs_ma50} MA50 {ma50}, MA50 {vs_ma200} MA200 {ma200}",
  macd_no_history: "MACD: not enough history (needs {bars} bars)",
  macd_above_rising: "MACD histogram {histogram} (above zero, rising)",
  macd_above_falling: "MACD histogram {histogram} (above zero, falling)",
  macd_below_rising: "MACD histogram {histogram} (below zero, rising)",
  macd_below_falling: "MACD histogram {histogram} (below zero, falling)",
  rsi_no_history: "RSI(14): not enough history",
  rsi_overbought: "RSI(14) {rsi} is overbought (> 70)",
  rsi_oversold: "RSI(14) {rsi} is oversold (< 30)",
  rsi_positive: "RSI(14) {rsi} shows positive momentum",
  rsi_negative: "RSI(14) {rsi} shows negative momentum",
  kd_no_history: "KD: not enough history",
  kd: "%K {k} {vs_d} %D {d}",
  kd_oversold: "%K {k} {vs_d} %D {d}, oversold",
  kd_overbought: "%K {k} {vs_d} %D {d}, overbought",
  bollinger_no_history: "Bollinger: not enough history",
  bollinger: "Close at %B {percent_b} of the Bollinger(20, 2) band {lower}–{upper}",
  volume_no_history: "Volume: not enough history",
  obv_above: "OBV above its 20-day average",
  obv_below: "OBV below its 20-day average",
  obv_above_spike_up: "OBV above its 20-day average; {volume_ratio}× average volume on an up day",
  obv_above_spike_down:
    "OBV above its 20-day average; {volume_ratio}× average volume on a down day",
  obv_below_spike_up: "OBV below its 20-day average; {volume_ratio}× average volume on an up day",
  obv_below_spike_down:
    "OBV below its 20-day average; {volume_ratio}× average volume on a down day",
  signals_none: "No signals in the last {bars} bars",
  signals_recent: "Recent signals ({count} in the last {bars} bars): {list}",
} as const;

/** Code of a factor text. */
export type ScoreTextCode = keyof typeof SCORE_TEXTS;

/** Parameters of a factor text. */
export type ScoreTextParams = Record<string, number | string>;

/**
 * The English sentence of a factor text.
 *
 * @example
 * ```ts
 * import { scoreText } from "./score_texts.ts";
 *
 * scoreText("kd_oversold", { k: 12.5, vs_d: ">", d: 10.25 }); // "%K 12.50 > %D 10.25, oversold"
 * ```
 */
export function scoreText(code: ScoreTextCode, params: ScoreTextParams = {}): string {
  return SCORE_TEXTS[code].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new RangeError(`Cannot fill factor text ${code}: no parameter ${k}`);
    if (typeof v === "string") return v;
    return k === "bars" || k === "count" ? String(v) : fmt(v);
  });
}
