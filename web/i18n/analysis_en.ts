/**
 * English templates of the analysis texts core sends as codes with parameters: signal reasons
 * (`reason_code`), pattern criteria (`criteria_codes[].code`) and the composite score's factor
 * texts (`text_code`). Server-only: the pages render
 * these texts, so no island bundle carries them. `zh-TW` is in `analysis_zh-TW.ts`.
 *
 * @module
 */

/** Signal reasons by `reason_code`. */
export const reasonsEn = {
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
    "Three white soldiers (三陽開泰) closing at {close} above the {bars}-day high {high}",
  three_white_soldiers_high_volume:
    "Three white soldiers (三陽開泰) closing at {close} above the {bars}-day high {high} on {volume_ratio}× average volume",
  close_above_high_volume:
    "Close {close} broke the {bars}-day high {high} on {volume_ratio}× average volume",
  close_below_low_volume:
    "Close {close} broke the {bars}-day low {low} on {volume_ratio}× average volume",
} as const;

/** Pattern criteria by code. */
export const criteriaEn = {
  breakout_volume_pending: "Breakout volume: not yet (pending)",
  breakout_volume_no_history: "Breakout volume: not enough history",
  breakout_volume: "Breakout volume {volume_ratio}× its {bars}-bar average",
  closed_above: "Closed above {price} on {date}",
  closed_below: "Closed below {price} on {date}",
  breaks_either_way: "Breaks either way: above {upper} or below {lower}",
  tops_apart: "Tops {first} and {second} ({apart_pct}% apart)",
  bottoms_apart: "Bottoms {first} and {second} ({apart_pct}% apart)",
  legs: "Legs of {left_bars} and {right_bars} bars",
  second_extreme_lower_volume: "Lower volume on the second extreme",
  second_extreme_volume_not_lower: "Volume not lower on the second extreme",
  height: "Height {height}",
  height_atr: "Height {height} ({atr_multiple} ATR)",
  pole: "Pole of {pole} in {bars} bars ({atr_multiple} ATR)",
  pole_retrace: "Retraces {retrace_pct}% of the pole",
  narrows: "Narrows from {from} to {to}",
  parallel_lines: "Parallel lines",
  parallel_lines_height: "Parallel lines, height {from} to {to}",
  consolidation_lower_volume: "Volume lower in the consolidation than in the pole",
  consolidation_volume_not_lower: "Volume not lower in the consolidation",
  shoulders: "Shoulders {left} and {right} around head {head}",
  spans: "Spans of {left_bars} and {right_bars} bars",
  head_prominence: "Head {prominence_pct}% of its height beyond the shoulders",
  neckline: "Neckline from {from} to {to}",
  right_shoulder_lower_volume: "Lower volume on the right shoulder than on the head",
  right_shoulder_volume_not_lower: "Volume not lower on the right shoulder",
  swing_points: "{count} swing points on the two lines",
  largest_swing: "Largest swing off its line {residual}",
  closes_inside: "{inside_pct}% of closes inside",
  cup_rims: "Rims {left} and {right}, depth {depth_pct}%",
  cup_round: "{lower_half_pct}% of the cup's closes in its lower half",
  cup_bottom: "Bottom at {position_pct}% of the cup",
  handle_retrace: "Handle retraces {retrace_pct}% of the depth in {bars} bars",
  handle_quieter: "Quieter handle",
  handle_volume_not_lower: "Handle volume not lower than the cup's",
} as const;

/** Composite-score factor texts by `text_code`. */
export const scoreTextsEn = {
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

/** A factor-text code the UI knows. */
export type ScoreTextKey = keyof typeof scoreTextsEn;

/** A signal-reason code the UI knows. */
export type ReasonKey = keyof typeof reasonsEn;
/** A criterion code the UI knows. */
export type CriterionKey = keyof typeof criteriaEn;
