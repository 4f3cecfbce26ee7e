/**
 * The indicator arrays the rules read, computed once per series.
 *
 * @module
 */
import { adx, bollinger, macd, obv, rsi, sma, stochastic, volumeRatio } from "../indicators/mod.ts";
import type { OhlcvColumns } from "./types.ts";

/** Every indicator the signal rules and the composite score use. */
export interface SignalInputs {
  /** Moving averages of the close. */
  ma5: Float64Array;
  /** MA10. */
  ma10: Float64Array;
  /** MA20. */
  ma20: Float64Array;
  /** MA50. */
  ma50: Float64Array;
  /** MA200. */
  ma200: Float64Array;
  /** RSI(14), Wilder. */
  rsi14: Float64Array;
  /** MACD(12, 26, 9). */
  macd: { macd: Float64Array; signal: Float64Array; histogram: Float64Array };
  /** Bollinger(20, 2). */
  bb: { upper: Float64Array; middle: Float64Array; lower: Float64Array };
  /** Stochastic KD(14, 3, 3). */
  kd: { k: Float64Array; d: Float64Array };
  /** ADX(14) with ±DI. */
  adx: { adx: Float64Array; plusDi: Float64Array; minusDi: Float64Array };
  /** On-balance volume. */
  obv: Float64Array;
  /** SMA(20) of OBV, for the OBV trend. */
  obvMa20: Float64Array;
  /** Volume / average volume of 20 bars. */
  volRatio: Float64Array;
}

/** Computes the {@link SignalInputs} of a series (O(n) per indicator). */
export function computeSignalInputs(c: OhlcvColumns): SignalInputs {
  const obvLine = obv(c.close, c.volume);
  return {
    ma5: sma(c.close, 5),
    ma10: sma(c.close, 10),
    ma20: sma(c.close, 20),
    ma50: sma(c.close, 50),
    ma200: sma(c.close, 200),
    rsi14: rsi(c.close, 14),
    macd: macd(c.close),
    bb: bollinger(c.close),
    kd: stochastic(c.high, c.low, c.close),
    adx: adx(c.high, c.low, c.close),
    obv: obvLine,
    obvMa20: sma(obvLine, 20),
    volRatio: volumeRatio(c.volume, 20),
  };
}
