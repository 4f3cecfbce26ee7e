/**
 * Labels drawn on charts, in English and Traditional Chinese.
 *
 * @module
 */
import type { ChartLang } from "@trading/shared/schemas";

const EN = {
  volume: "Volume",
  rsi: "RSI",
  macd: "MACD",
  signal: "Signal",
  histogram: "Hist",
  stochastic: "Stoch",
  sma: "SMA",
  ema: "EMA",
  bollinger: "BB",
  vwap: "VWAP",
  support: "Support",
  resistance: "Resistance",
  target: "Target",
  breakout: "Breakout",
  buy: "Buy",
  sell: "Sell",
  equity: "Strategy",
  benchmark: "Buy & hold",
  drawdown: "Drawdown",
  note: "Note",
  best: "best",
  open: "O",
  high: "H",
  low: "L",
  close: "C",
};

/** The label keys. */
export type LabelKey = keyof typeof EN;

const ZH_TW: Record<LabelKey, string> = {
  volume: "成交量",
  rsi: "RSI",
  macd: "MACD",
  signal: "訊號",
  histogram: "柱狀",
  stochastic: "KD",
  sma: "SMA",
  ema: "EMA",
  bollinger: "布林",
  vwap: "VWAP",
  support: "支撐",
  resistance: "壓力",
  target: "目標",
  breakout: "突破",
  buy: "買",
  sell: "賣",
  equity: "策略",
  benchmark: "買入持有",
  drawdown: "回撤",
  note: "注意",
  best: "最佳",
  open: "開",
  high: "高",
  low: "低",
  close: "收",
};

const PATTERNS_ZH: Record<string, string> = {
  head_and_shoulders: "頭肩頂",
  inverse_head_and_shoulders: "頭肩底",
  double_top: "雙重頂",
  double_bottom: "雙重底",
  triple_top: "三重頂",
  triple_bottom: "三重底",
  ascending_triangle: "上升三角形",
  descending_triangle: "下降三角形",
  symmetrical_triangle: "對稱三角形",
  rising_wedge: "上升楔形",
  falling_wedge: "下降楔形",
  bull_flag: "多頭旗形",
  bear_flag: "空頭旗形",
  channel_up: "上升通道",
  channel_down: "下降通道",
  cup_and_handle: "杯柄",
};

/** A label in `lang`. */
export function label(key: LabelKey, lang: ChartLang): string {
  return lang === "zh-TW" ? ZH_TW[key] : EN[key];
}

/** A pattern kind (`double_bottom`) as a readable name in `lang`. */
export function patternName(kind: string, lang: ChartLang): string {
  if (lang === "zh-TW" && PATTERNS_ZH[kind]) return PATTERNS_ZH[kind];
  const words = kind.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A month label: `Mar` / `3月`. */
export function monthName(month1: number, lang: ChartLang): string {
  return lang === "zh-TW" ? `${month1}月` : MONTHS[month1 - 1] ?? String(month1);
}

/** A year label: `2018` / `2018年`. */
export function yearName(year: number, lang: ChartLang): string {
  return lang === "zh-TW" ? `${year}年` : String(year);
}

/** A day label: `Mar 5` / `3/5`. */
export function dayName(month1: number, day: number, lang: ChartLang): string {
  return lang === "zh-TW" ? `${month1}/${day}` : `${monthName(month1, lang)} ${day}`;
}
