/**
 * Price and indicator facts of the facts pack (private to core/ai). Pure.
 *
 * @module
 */
import type { LatestIndicators } from "../analysis/latest.ts";
import type { OhlcvColumns } from "../signals/mod.ts";

/** Adds one fact (skipping null and non-finite values). */
export type AddFact = (
  id: string,
  label: string,
  value: number | string | boolean | null,
  date?: string,
) => void;

/** Rounds for display: 2 decimals, or 4 below 1 in magnitude. */
export function round(x: number): number {
  const d = Math.abs(x) < 1 ? 10_000 : 100;
  return Math.round(x * d) / d;
}

/** Bars in 52 weeks of daily data. */
export const BARS_52W = 252;

const pct = (a: number, b: number) => (Number.isFinite(a) && b > 0 ? ((a - b) / b) * 100 : null);

/** Adds the last bar, changes over 1/5/20/60/250 bars, the 52-week range and the indicators. */
export function priceFacts(c: OhlcvColumns, ind: LatestIndicators, add: AddFact): void {
  const t = c.close.length - 1;
  const close = c.close[t]!;
  add("price.close", "Close", close);
  add("price.open", "Open", c.open[t]!);
  add("price.high", "High", c.high[t]!);
  add("price.low", "Low", c.low[t]!);
  add("price.volume", "Volume", c.volume[t]!);
  add("price.prev_close", "Previous close", c.close[t - 1]!, c.dates[t - 1]);
  for (const k of [1, 5, 20, 60, 250]) {
    if (t - k >= 0) {
      add(
        `price.change_${k}d_pct`,
        `Change over ${k} bar${k > 1 ? "s" : ""} %`,
        pct(close, c.close[t - k]!),
      );
    }
  }
  let hi = -Infinity, lo = Infinity;
  for (let i = Math.max(0, t - BARS_52W + 1); i <= t; i++) {
    if (c.high[i]! > hi) hi = c.high[i]!;
    if (c.low[i]! < lo) lo = c.low[i]!;
  }
  const span = t + 1 >= BARS_52W ? "52-week" : `${t + 1}-bar`;
  add("price.high_52w", `${span} high`, hi);
  add("price.low_52w", `${span} low`, lo);
  add("price.from_high_52w_pct", `Distance from the ${span} high %`, pct(close, hi));

  add("ind.sma_5", "SMA(5)", ind.sma_5);
  add("ind.sma_10", "SMA(10)", ind.sma_10);
  add("ind.sma_20", "SMA(20)", ind.sma_20);
  add("ind.sma_50", "SMA(50)", ind.sma_50);
  add("ind.sma_200", "SMA(200)", ind.sma_200);
  add("ind.ema_12", "EMA(12)", ind.ema_12);
  add("ind.ema_26", "EMA(26)", ind.ema_26);
  add("ind.rsi_14", "RSI(14)", ind.rsi_14);
  add("ind.macd", "MACD(12,26,9) line", ind.macd.macd);
  add("ind.macd_signal", "MACD(12,26,9) signal", ind.macd.signal);
  add("ind.macd_hist", "MACD(12,26,9) histogram", ind.macd.histogram);
  add("ind.bb_upper", "Bollinger(20,2) upper band", ind.bollinger.upper);
  add("ind.bb_middle", "Bollinger(20,2) middle band", ind.bollinger.middle);
  add("ind.bb_lower", "Bollinger(20,2) lower band", ind.bollinger.lower);
  const { upper, lower } = ind.bollinger;
  if (upper !== null && lower !== null && upper > lower) {
    add(
      "ind.bb_pct_b",
      "Bollinger %B (0 = lower band, 1 = upper band)",
      (close - lower) / (upper - lower),
    );
  }
  add("ind.stoch_k", "Stochastic %K(14,3,3)", ind.stochastic.k);
  add("ind.stoch_d", "Stochastic %D(14,3,3)", ind.stochastic.d);
  add("ind.williams_r", "Williams %R(14)", ind.williams_r);
  add("ind.atr_14", "ATR(14)", ind.atr_14);
  add(
    "ind.atr_14_pct",
    "ATR(14) as % of close",
    ind.atr_14 === null ? null : (ind.atr_14 / close) * 100,
  );
  add("ind.adx_14", "ADX(14)", ind.adx.adx);
  add("ind.plus_di", "+DI(14)", ind.adx.plus_di);
  add("ind.minus_di", "-DI(14)", ind.adx.minus_di);
  add("ind.volume_ratio", "Volume / 20-bar average volume", ind.volume_ratio);
  add("ind.vwap_20", "VWAP(20)", ind.vwap_20);
}
