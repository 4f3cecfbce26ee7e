/**
 * The latest value of every standard indicator, as the `/analyze` answer and the AI facts pack
 * show them. Pure.
 *
 * @module
 */
import { atr, ema, vwap, williamsR } from "../indicators/mod.ts";
import type { SignalInputs } from "../signals/mod.ts";
import type { OhlcvColumns } from "../signals/mod.ts";

/** A number rounded for display, or null when not computable (warm-up). */
export type Num = number | null;

/** Latest indicator values at one bar. */
export interface LatestIndicators {
  /** Date of the bar. */
  date: string;
  /** Moving averages of the close. */
  sma_5: Num;
  /** MA10. */
  sma_10: Num;
  /** MA20. */
  sma_20: Num;
  /** MA50. */
  sma_50: Num;
  /** MA200. */
  sma_200: Num;
  /** EMA12. */
  ema_12: Num;
  /** EMA26. */
  ema_26: Num;
  /** RSI(14). */
  rsi_14: Num;
  /** MACD(12, 26, 9). */
  macd: { macd: Num; signal: Num; histogram: Num };
  /** Bollinger(20, 2). */
  bollinger: { upper: Num; middle: Num; lower: Num };
  /** Stochastic KD(14, 3, 3). */
  stochastic: { k: Num; d: Num };
  /** Williams %R(14). */
  williams_r: Num;
  /** ATR(14). */
  atr_14: Num;
  /** ADX(14) and ±DI. */
  adx: { adx: Num; plus_di: Num; minus_di: Num };
  /** On-balance volume. */
  obv: Num;
  /** Volume / 20-bar average. */
  volume_ratio: Num;
  /** Rolling 20-bar VWAP. */
  vwap_20: Num;
}

/** Rounds to 4 decimals; NaN and ±Infinity become null. */
export function num(x: number | undefined): Num {
  return x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 10_000;
}

/** The latest indicator values at bar `t`. */
export function latestIndicators(c: OhlcvColumns, x: SignalInputs, t: number): LatestIndicators {
  const e12 = ema(c.close, 12), e26 = ema(c.close, 26);
  const wr = williamsR(c.high, c.low, c.close, 14);
  const a = atr(c.high, c.low, c.close, 14);
  const vw = vwap(c.high, c.low, c.close, c.volume, 20);
  return {
    date: c.dates[t]!,
    sma_5: num(x.ma5[t]),
    sma_10: num(x.ma10[t]),
    sma_20: num(x.ma20[t]),
    sma_50: num(x.ma50[t]),
    sma_200: num(x.ma200[t]),
    ema_12: num(e12[t]),
    ema_26: num(e26[t]),
    rsi_14: num(x.rsi14[t]),
    macd: {
      macd: num(x.macd.macd[t]),
      signal: num(x.macd.signal[t]),
      histogram: num(x.macd.histogram[t]),
    },
    bollinger: {
      upper: num(x.bb.upper[t]),
      middle: num(x.bb.middle[t]),
      lower: num(x.bb.lower[t]),
    },
    stochastic: { k: num(x.kd.k[t]), d: num(x.kd.d[t]) },
    williams_r: num(wr[t]),
    atr_14: num(a[t]),
    adx: { adx: num(x.adx.adx[t]), plus_di: num(x.adx.plusDi[t]), minus_di: num(x.adx.minusDi[t]) },
    obv: num(x.obv[t]),
    volume_ratio: num(x.volRatio[t]),
    vwap_20: num(vw[t]),
  };
}
