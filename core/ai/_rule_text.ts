/**
 * Sentences of the rule-based analyst in English, Traditional and Simplified Chinese (private
 * to core/ai). Numbers are inserted exactly as the facts pack holds them. Pure.
 *
 * @module
 */
import type { AiLanguage } from "@trading/shared/schemas";

type V = string | number;

/** Every sentence template, by language. */
export interface RuleTexts {
  stance: Record<"BUY" | "SELL" | "HOLD", string>;
  factor: Record<string, string>;
  sep: string;
  above: string;
  below: string;
  rising: string;
  falling: string;
  composite: (score: V, stance: string, conf: V, date: string) => string;
  trend: (close: V, parts: string) => string;
  vsMa: (name: string, rel: string, v: V) => string;
  macd: (hist: V, rel: string, dir: string) => string;
  rsi: (v: V, date: string, zone: "overbought" | "oversold" | "neutral") => string;
  kd: (k: V, d: V) => string;
  bollinger: (pb: V, lo: V, hi: V) => string;
  volume: (ratio: V, obvRel: string) => string;
  signals: (list: string) => string;
  pattern: (kind: string, confirmed: boolean, breakout: V, target: V | null) => string;
  backtest: (ret: V, bh: V | null, trades: V, from: string, to: string) => string;
  riskRsi: (v: V) => string;
  riskAdx: (v: V) => string;
  riskAtr: (v: V) => string;
  riskNoAtr: string;
  riskAgainst: (factor: string) => string;
  riskScope: string;
  invalidBuy: (stop: V, days: V) => string;
  invalidSell: (stop: V, days: V) => string;
  invalidHold: (lo: V, hi: V) => string;
  summary: (symbol: string, stance: string, score: V, entry: V, target: V, stop: V) => string;
}

const en: RuleTexts = {
  stance: { BUY: "BUY", SELL: "SELL", HOLD: "HOLD" },
  factor: {
    trend: "trend",
    macd: "MACD",
    rsi: "RSI",
    kd: "stochastic",
    bollinger: "Bollinger",
    volume: "volume",
    signals: "recent signals",
  },
  sep: ", ",
  above: "above",
  below: "below",
  rising: "rising",
  falling: "falling",
  composite: (s, st, c, d) => `Composite score ${s} on ${d} gives ${st} (confidence ${c}).`,
  trend: (close, parts) => `Close ${close} is ${parts}.`,
  vsMa: (n, rel, v) => `${rel} ${n} ${v}`,
  macd: (h, rel, dir) => `MACD histogram ${h} is ${rel} zero and ${dir}.`,
  rsi: (v, d, z) =>
    `RSI(14) = ${v} on ${d}${
      z === "overbought" ? ", overbought" : z === "oversold" ? ", oversold" : ""
    }.`,
  kd: (k, d) => `Stochastic %K ${k} vs %D ${d}.`,
  bollinger: (pb, lo, hi) => `Close at %B ${pb} of the Bollinger band ${lo}–${hi}.`,
  volume: (r, rel) => `Volume is ${r}× its 20-bar average; OBV is ${rel} its 20-bar average.`,
  signals: (l) => `Recent signals: ${l}.`,
  pattern: (k, c, b, t) =>
    `${k} ${c ? "confirmed" : "not confirmed yet"}, breakout level ${b}${
      t === null ? "" : `, measured target ${t}`
    }.`,
  backtest: (r, bh, n, a, b) =>
    `The analyst-rules strategy returned ${r}% from ${a} to ${b} over ${n} trades${
      bh === null ? "" : ` (buy-and-hold ${bh}%)`
    }.`,
  riskRsi: (v) => `RSI(14) ${v} is stretched; a pullback is common from here.`,
  riskAdx: (v) => `ADX(14) ${v} shows a weak trend; signals fail more often in ranges.`,
  riskAtr: (v) => `Volatility is high: ATR(14) is ${v}% of the price.`,
  riskNoAtr: "History is too short for ATR(14); levels use a fixed 2% band.",
  riskAgainst: (f) => `The ${f} factor points the other way.`,
  riskScope: "Rule-based view from price and volume only: no news, earnings or fundamentals.",
  invalidBuy: (s, d) => `A close below ${s}, or no progress within ${d} trading days.`,
  invalidSell: (s, d) => `A close above ${s}, or no progress within ${d} trading days.`,
  invalidHold: (lo, hi) => `A close below ${lo} or above ${hi} ends the range view.`,
  summary: (sym, st, s, e, t, p) =>
    `${sym}: ${st} from the composite score ${s}; entry ${e}, target ${t}, stop ${p}.`,
};

const zhTW: RuleTexts = {
  stance: { BUY: "買進", SELL: "賣出", HOLD: "觀望" },
  factor: {
    trend: "趨勢",
    macd: "MACD",
    rsi: "RSI",
    kd: "KD 隨機指標",
    bollinger: "布林通道",
    volume: "成交量",
    signals: "近期訊號",
  },
  sep: "、",
  above: "高於",
  below: "低於",
  rising: "上升",
  falling: "下降",
  composite: (s, st, c, d) => `${d} 綜合評分 ${s}，結論為${st}（信心 ${c}）。`,
  trend: (close, parts) => `收盤價 ${close}，${parts}。`,
  vsMa: (n, rel, v) => `${rel} ${n} ${v}`,
  macd: (h, rel, dir) => `MACD 柱狀值 ${h}，${rel}零軸且${dir}中。`,
  rsi: (v, d, z) =>
    `${d} RSI(14) = ${v}${
      z === "overbought" ? "，處於超買區" : z === "oversold" ? "，處於超賣區" : ""
    }。`,
  kd: (k, d) => `隨機指標 %K ${k}，%D ${d}。`,
  bollinger: (pb, lo, hi) => `收盤價位於布林通道 ${lo}–${hi} 的 %B ${pb}。`,
  volume: (r, rel) => `成交量為 20 日均量的 ${r} 倍；OBV ${rel}其 20 日均線。`,
  signals: (l) => `近期訊號：${l}。`,
  pattern: (k, c, b, t) =>
    `${k}${c ? "已確認" : "尚未確認"}，突破價位 ${b}${t === null ? "" : `，量測目標 ${t}`}。`,
  backtest: (r, bh, n, a, b) =>
    `分析師規則策略 ${a} 至 ${b} 報酬 ${r}%，共 ${n} 筆交易${
      bh === null ? "" : `（買進持有 ${bh}%）`
    }。`,
  riskRsi: (v) => `RSI(14) ${v} 已偏離，常見拉回。`,
  riskAdx: (v) => `ADX(14) ${v} 顯示趨勢偏弱，盤整時訊號較易失效。`,
  riskAtr: (v) => `波動偏高：ATR(14) 為股價的 ${v}%。`,
  riskNoAtr: "歷史資料不足以計算 ATR(14)；價位採固定 2% 區間。",
  riskAgainst: (f) => `${f} 因子方向相反。`,
  riskScope: "僅依價量的規則式觀點：未納入新聞、財報或基本面。",
  invalidBuy: (s, d) => `收盤跌破 ${s}，或 ${d} 個交易日內未見進展。`,
  invalidSell: (s, d) => `收盤站上 ${s}，或 ${d} 個交易日內未見進展。`,
  invalidHold: (lo, hi) => `收盤跌破 ${lo} 或突破 ${hi}，區間觀點即失效。`,
  summary: (sym, st, s, e, t, p) =>
    `${sym}：綜合評分 ${s}，結論${st}；進場 ${e}，目標 ${t}，停損 ${p}。`,
};

const zhCN: RuleTexts = {
  ...zhTW,
  stance: { BUY: "买入", SELL: "卖出", HOLD: "观望" },
  factor: {
    trend: "趋势",
    macd: "MACD",
    rsi: "RSI",
    kd: "KD 随机指标",
    bollinger: "布林通道",
    volume: "成交量",
    signals: "近期信号",
  },
  above: "高于",
  below: "低于",
  composite: (s, st, c, d) => `${d} 综合评分 ${s}，结论为${st}（信心 ${c}）。`,
  trend: (close, parts) => `收盘价 ${close}，${parts}。`,
  macd: (h, rel, dir) => `MACD 柱状值 ${h}，${rel}零轴且${dir}中。`,
  rsi: (v, d, z) =>
    `${d} RSI(14) = ${v}${
      z === "overbought" ? "，处于超买区" : z === "oversold" ? "，处于超卖区" : ""
    }。`,
  kd: (k, d) => `随机指标 %K ${k}，%D ${d}。`,
  bollinger: (pb, lo, hi) => `收盘价位于布林通道 ${lo}–${hi} 的 %B ${pb}。`,
  volume: (r, rel) => `成交量为 20 日均量的 ${r} 倍；OBV ${rel}其 20 日均线。`,
  signals: (l) => `近期信号：${l}。`,
  pattern: (k, c, b, t) =>
    `${k}${c ? "已确认" : "尚未确认"}，突破价位 ${b}${t === null ? "" : `，量度目标 ${t}`}。`,
  backtest: (r, bh, n, a, b) =>
    `分析师规则策略 ${a} 至 ${b} 收益 ${r}%，共 ${n} 笔交易${
      bh === null ? "" : `（买入持有 ${bh}%）`
    }。`,
  riskRsi: (v) => `RSI(14) ${v} 已偏离，常见回调。`,
  riskAdx: (v) => `ADX(14) ${v} 显示趋势偏弱，震荡时信号较易失效。`,
  riskAtr: (v) => `波动偏高：ATR(14) 为股价的 ${v}%。`,
  riskNoAtr: "历史数据不足以计算 ATR(14)；价位采用固定 2% 区间。",
  riskAgainst: (f) => `${f} 因子方向相反。`,
  riskScope: "仅依据价量的规则式观点：未纳入新闻、财报或基本面。",
  invalidBuy: (s, d) => `收盘跌破 ${s}，或 ${d} 个交易日内未见进展。`,
  invalidSell: (s, d) => `收盘站上 ${s}，或 ${d} 个交易日内未见进展。`,
  invalidHold: (lo, hi) => `收盘跌破 ${lo} 或突破 ${hi}，区间观点即失效。`,
  summary: (sym, st, s, e, t, p) =>
    `${sym}：综合评分 ${s}，结论${st}；进场 ${e}，目标 ${t}，止损 ${p}。`,
};

/** The templates of `language`. */
export function ruleTexts(language: AiLanguage): RuleTexts {
  return language === "zh-TW" ? zhTW : language === "zh-CN" ? zhCN : en;
}
