/**
 * The original product's analyst rules, computed in code: buy when the close moves above MA10,
 * sell when it falls below MA5, RSI 80/20 confirmed by a KD cross when RSI saturates,
 * 三陽開泰 (three white soldiers) confirmed by a breakout of the 20-bar high, and volume on
 * breakouts. Each signal at bar i reads bars ≤ i only.
 *
 * @module
 */
import { crossDown, crossUp } from "./_cross.ts";
import { signalPusher } from "./reasons.ts";
import type { SignalInputs } from "./inputs.ts";
import { VOLUME_SPIKE } from "./technical.ts";
import type { OhlcvColumns, Signal } from "./types.ts";

/** Bars of the breakout look-back (highest high / lowest low before the bar). */
export const BREAKOUT_LOOKBACK = 20;

/**
 * True when bars i-2, i-1, i form three white soldiers (三陽開泰): three rising white candles,
 * each opening inside the previous body and closing near its high (body ≥ 50% of the range).
 */
export function isThreeWhiteSoldiers(c: OhlcvColumns, i: number): boolean {
  if (i < 2) return false;
  for (let j = i - 2; j <= i; j++) {
    const o = c.open[j]!, cl = c.close[j]!, range = c.high[j]! - c.low[j]!;
    if (!(cl > o) || range <= 0 || (cl - o) / range < 0.5) return false;
    if (j > i - 2) {
      const po = c.open[j - 1]!, pc = c.close[j - 1]!;
      if (!(cl > pc && o >= po && o <= pc)) return false;
    }
  }
  return true;
}

function priorExtremes(c: OhlcvColumns, i: number): { hi: number; lo: number } {
  let hi = -Infinity, lo = Infinity;
  for (let j = Math.max(0, i - BREAKOUT_LOOKBACK); j < i; j++) {
    if (c.high[j]! > hi) hi = c.high[j]!;
    if (c.low[j]! < lo) lo = c.low[j]!;
  }
  return { hi, lo };
}

/** Appends the analyst-rule signals of bars `from..n-1` to `out`. */
export function analystSignals(
  c: OhlcvColumns,
  x: SignalInputs,
  out: Signal[],
  from = 1,
): Signal[] {
  const n = c.close.length;
  const push = signalPusher(c.dates, out, "analyst");
  for (let i = Math.max(1, from); i < n; i++) {
    const close = c.close[i]!;
    if (crossUp(c.close, x.ma10, i)) {
      push(i, "buy", "close_above_ma10", 0.5, "close_above_ma10", { close, ma10: x.ma10[i]! });
    }
    if (crossDown(c.close, x.ma5, i)) {
      push(i, "sell", "close_below_ma5", 0.5, "close_below_ma5", { close, ma5: x.ma5[i]! });
    }
    const r = x.rsi14[i]!, k = x.kd.k[i]!, d = x.kd.d[i]!;
    if (r >= 80 && crossDown(x.kd.k, x.kd.d, i)) {
      push(i, "sell", "rsi_kd_overbought", 0.7, "rsi_kd_overbought", { rsi: r, k, d });
    } else if (r <= 20 && crossUp(x.kd.k, x.kd.d, i)) {
      push(i, "buy", "rsi_kd_oversold", 0.7, "rsi_kd_oversold", { rsi: r, k, d });
    }
    if (i < BREAKOUT_LOOKBACK) continue;
    const { hi, lo } = priorExtremes(c, i);
    const vr = x.volRatio[i]!;
    const bars = BREAKOUT_LOOKBACK;
    if (isThreeWhiteSoldiers(c, i) && close > hi) {
      const withVolume = vr >= 1.2;
      push(
        i,
        "buy",
        "three_white_soldiers_breakout",
        withVolume ? 0.8 : 0.65,
        withVolume ? "three_white_soldiers_high_volume" : "three_white_soldiers_high",
        withVolume ? { close, bars, high: hi, volume_ratio: vr } : { close, bars, high: hi },
      );
    }
    if (vr >= VOLUME_SPIKE && close > hi && c.close[i - 1]! <= hi) {
      push(i, "buy", "volume_breakout_up", 0.65, "close_above_high_volume", {
        close,
        bars,
        high: hi,
        volume_ratio: vr,
      });
    } else if (vr >= VOLUME_SPIKE && close < lo && c.close[i - 1]! >= lo) {
      push(i, "sell", "volume_breakdown", 0.65, "close_below_low_volume", {
        close,
        bars,
        low: lo,
        volume_ratio: vr,
      });
    }
  }
  return out;
}
