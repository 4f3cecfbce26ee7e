/**
 * Traditional Chinese templates of the analysis texts (signal reasons, pattern criteria, factor texts); the
 * keys and placeholders are those of `analysis_en.ts` (a test checks them). Server-only.
 *
 * @module
 */
import type { CriterionKey, ReasonKey, ScoreTextKey } from "./analysis_en.ts";

/** Signal reasons by `reason_code`. */
export const reasonsZhTW: Record<ReasonKey, string> = {
  rsi_cross_up_30: "RSI(14) 向上穿越 30，來到 {rsi}",
  rsi_cross_down_70: "RSI(14) 向下跌破 70，來到 {rsi}",
  macd_cross_up: "MACD {macd} 向上穿越訊號線 {signal}",
  macd_cross_up_below_zero: "MACD {macd} 在零軸下方向上穿越訊號線 {signal}",
  macd_cross_down: "MACD {macd} 向下跌破訊號線 {signal}",
  macd_cross_down_above_zero: "MACD {macd} 在零軸上方向下跌破訊號線 {signal}",
  ma20_cross_above_ma50: "MA20 {ma20} 向上穿越 MA50 {ma50}",
  ma20_cross_below_ma50: "MA20 {ma20} 向下跌破 MA50 {ma50}",
  golden_cross_50_200: "黃金交叉：MA50 {ma50} 向上穿越 MA200 {ma200}",
  death_cross_50_200: "死亡交叉：MA50 {ma50} 向下跌破 MA200 {ma200}",
  close_above_upper_band: "收盤 {close} 以 {volume_ratio} 倍均量突破布林上軌 {band}",
  close_below_lower_band: "收盤 {close} 以 {volume_ratio} 倍均量跌破布林下軌 {band}",
  close_above_ma10: "收盤 {close} 站上 MA10 {ma10}",
  close_below_ma5: "收盤 {close} 跌破 MA5 {ma5}",
  rsi_kd_overbought: "RSI(14) {rsi} ≥ 80，且 %K {k} 向下跌破 %D {d}",
  rsi_kd_oversold: "RSI(14) {rsi} ≤ 20，且 %K {k} 向上穿越 %D {d}",
  three_white_soldiers_high: "三陽開泰：連三紅 K 收在 {close}，高於 {bars} 日高點 {high}",
  three_white_soldiers_high_volume:
    "三陽開泰：連三紅 K 收在 {close}，以 {volume_ratio} 倍均量站上 {bars} 日高點 {high}",
  close_above_high_volume: "收盤 {close} 以 {volume_ratio} 倍均量突破 {bars} 日高點 {high}",
  close_below_low_volume: "收盤 {close} 以 {volume_ratio} 倍均量跌破 {bars} 日低點 {low}",
};

/** Pattern criteria by code. */
export const criteriaZhTW: Record<CriterionKey, string> = {
  breakout_volume_pending: "突破量：尚未突破（待確認）",
  breakout_volume_no_history: "突破量：歷史資料不足",
  breakout_volume: "突破量為 {bars} 日均量的 {volume_ratio} 倍",
  closed_above: "{date} 收盤站上 {price}",
  closed_below: "{date} 收盤跌破 {price}",
  breaks_either_way: "可能雙向突破：站上 {upper} 或跌破 {lower}",
  tops_apart: "兩個頭部 {first} 與 {second}（相差 {apart_pct}%）",
  bottoms_apart: "兩個底部 {first} 與 {second}（相差 {apart_pct}%）",
  legs: "兩段分別為 {left_bars} 與 {right_bars} 根 K 棒",
  second_extreme_lower_volume: "第二個頭／底的成交量較小",
  second_extreme_volume_not_lower: "第二個頭／底的成交量未縮小",
  height: "型態高度 {height}",
  height_atr: "型態高度 {height}（{atr_multiple} 倍 ATR）",
  pole: "旗桿 {pole}，歷時 {bars} 根 K 棒（{atr_multiple} 倍 ATR）",
  pole_retrace: "回檔旗桿的 {retrace_pct}%",
  narrows: "區間由 {from} 收斂至 {to}",
  parallel_lines: "兩線平行",
  parallel_lines_height: "兩線平行，寬度由 {from} 至 {to}",
  consolidation_lower_volume: "整理期成交量低於旗桿期",
  consolidation_volume_not_lower: "整理期成交量未低於旗桿期",
  shoulders: "左肩 {left}、右肩 {right}，頭部 {head}",
  spans: "兩側分別為 {left_bars} 與 {right_bars} 根 K 棒",
  head_prominence: "頭部超出兩肩達型態高度的 {prominence_pct}%",
  neckline: "頸線由 {from} 至 {to}",
  right_shoulder_lower_volume: "右肩成交量低於頭部",
  right_shoulder_volume_not_lower: "右肩成交量未低於頭部",
  swing_points: "兩條趨勢線上共 {count} 個轉折點",
  largest_swing: "轉折點偏離趨勢線最多 {residual}",
  closes_inside: "{inside_pct}% 的收盤價在區間內",
  cup_rims: "杯緣 {left} 與 {right}，深度 {depth_pct}%",
  cup_round: "杯身 {lower_half_pct}% 的收盤價位於下半部",
  cup_bottom: "杯底位於杯身 {position_pct}% 處",
  handle_retrace: "杯柄回檔杯深的 {retrace_pct}%，歷時 {bars} 根 K 棒",
  handle_quieter: "杯柄量縮",
  handle_volume_not_lower: "杯柄成交量未低於杯身",
};

/** Composite-score factor texts by `text_code` (the signal list is shown below them). */
export const scoreTextsZhTW: Record<ScoreTextKey, string> = {
  trend_no_history: "趨勢：歷史資料不足，無法計算 MA20",
  trend_ma20: "趨勢：收盤 {close} {vs_ma20} MA20 {ma20}",
  trend_ma20_ma50: "趨勢：收盤 {close} {vs_ma20} MA20 {ma20}，{vs_ma50} MA50 {ma50}",
  trend_all:
    "趨勢：收盤 {close} {vs_ma20} MA20 {ma20}，{vs_ma50} MA50 {ma50}，MA50 {vs_ma200} MA200 {ma200}",
  macd_no_history: "MACD：歷史資料不足（需要 {bars} 根 K 棒）",
  macd_above_rising: "MACD 柱狀體 {histogram}（零軸之上，上升中）",
  macd_above_falling: "MACD 柱狀體 {histogram}（零軸之上，下降中）",
  macd_below_rising: "MACD 柱狀體 {histogram}（零軸之下，上升中）",
  macd_below_falling: "MACD 柱狀體 {histogram}（零軸之下，下降中）",
  rsi_no_history: "RSI(14)：歷史資料不足",
  rsi_overbought: "RSI(14) {rsi} 超買（> 70）",
  rsi_oversold: "RSI(14) {rsi} 超賣（< 30）",
  rsi_positive: "RSI(14) {rsi} 動能偏多",
  rsi_negative: "RSI(14) {rsi} 動能偏空",
  kd_no_history: "KD：歷史資料不足",
  kd: "%K {k} {vs_d} %D {d}",
  kd_oversold: "%K {k} {vs_d} %D {d}，超賣",
  kd_overbought: "%K {k} {vs_d} %D {d}，超買",
  bollinger_no_history: "布林通道：歷史資料不足",
  bollinger: "收盤位於布林通道(20, 2) {lower}–{upper} 的 %B {percent_b}",
  volume_no_history: "成交量：歷史資料不足",
  obv_above: "OBV 高於其 20 日均線",
  obv_below: "OBV 低於其 20 日均線",
  obv_above_spike_up: "OBV 高於其 20 日均線；上漲日成交量為均量的 {volume_ratio} 倍",
  obv_above_spike_down: "OBV 高於其 20 日均線；下跌日成交量為均量的 {volume_ratio} 倍",
  obv_below_spike_up: "OBV 低於其 20 日均線；上漲日成交量為均量的 {volume_ratio} 倍",
  obv_below_spike_down: "OBV 低於其 20 日均線；下跌日成交量為均量的 {volume_ratio} 倍",
  signals_none: "最近 {bars} 根 K 棒沒有訊號",
  signals_recent: "最近 {bars} 根 K 棒有 {count} 個訊號",
};
