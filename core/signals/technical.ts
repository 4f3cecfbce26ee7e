/**
 * Classic technical signals: RSI 30/70, MACD cross, golden/death crosses (MA20/50, MA50/200),
 * Bollinger breaks confirmed by a volume spike. Each signal at bar i reads bars ≤ i only.
 *
 * @module
 */
import { crossDown, crossDownLevel, crossUp, crossUpLevel, fmt } from "./_cross.ts";
import type { SignalInputs } from "./inputs.ts";
import type { OhlcvColumns, Signal } from "./types.ts";

/** Volume ratio (volume / 20-bar average) that counts as a spike. */
export const VOLUME_SPIKE = 1.5;

/**
 * Appends the classic technical signals of bars `from..n-1` to `out`.
 * RSI: a buy when RSI(14) crosses back up through 30, a sell when it crosses back down through
 * 70 (TradingView's "RSI Strategy" convention).
 */
export function technicalSignals(
  c: OhlcvColumns,
  x: SignalInputs,
  out: Signal[],
  from = 1,
): Signal[] {
  const n = c.close.length;
  const push = (i: number, type: "buy" | "sell", name: string, strength: number, reason: string) =>
    out.push({ index: i, date: c.dates[i]!, type, name, family: "technical", reason, strength });
  for (let i = Math.max(1, from); i < n; i++) {
    const close = c.close[i]!;
    const r = x.rsi14[i]!;
    if (crossUpLevel(x.rsi14, 30, i)) {
      push(i, "buy", "rsi_oversold_exit", 0.6, `RSI(14) crossed up through 30 to ${fmt(r)}`);
    } else if (crossDownLevel(x.rsi14, 70, i)) {
      push(i, "sell", "rsi_overbought_exit", 0.6, `RSI(14) crossed down through 70 to ${fmt(r)}`);
    }
    const m = x.macd.macd[i]!, s = x.macd.signal[i]!;
    if (crossUp(x.macd.macd, x.macd.signal, i)) {
      push(
        i,
        "buy",
        "macd_cross_up",
        m < 0 ? 0.6 : 0.5,
        `MACD ${fmt(m)} crossed above its signal ${fmt(s)}${m < 0 ? " below zero" : ""}`,
      );
    } else if (crossDown(x.macd.macd, x.macd.signal, i)) {
      push(
        i,
        "sell",
        "macd_cross_down",
        m > 0 ? 0.6 : 0.5,
        `MACD ${fmt(m)} crossed below its signal ${fmt(s)}${m > 0 ? " above zero" : ""}`,
      );
    }
    if (crossUp(x.ma20, x.ma50, i)) {
      push(
        i,
        "buy",
        "golden_cross_20_50",
        0.55,
        `MA20 ${fmt(x.ma20[i]!)} crossed above MA50 ${fmt(x.ma50[i]!)}`,
      );
    } else if (crossDown(x.ma20, x.ma50, i)) {
      push(
        i,
        "sell",
        "death_cross_20_50",
        0.55,
        `MA20 ${fmt(x.ma20[i]!)} crossed below MA50 ${fmt(x.ma50[i]!)}`,
      );
    }
    if (crossUp(x.ma50, x.ma200, i)) {
      push(
        i,
        "buy",
        "golden_cross_50_200",
        0.75,
        `Golden cross: MA50 ${fmt(x.ma50[i]!)} crossed above MA200 ${fmt(x.ma200[i]!)}`,
      );
    } else if (crossDown(x.ma50, x.ma200, i)) {
      push(
        i,
        "sell",
        "death_cross_50_200",
        0.75,
        `Death cross: MA50 ${fmt(x.ma50[i]!)} crossed below MA200 ${fmt(x.ma200[i]!)}`,
      );
    }
    const vr = x.volRatio[i]!;
    if (vr >= VOLUME_SPIKE) {
      if (crossUp(c.close, x.bb.upper, i)) {
        push(
          i,
          "buy",
          "bollinger_breakout_up",
          0.6,
          `Close ${fmt(close)} broke above the upper Bollinger band ${fmt(x.bb.upper[i]!)} on ${
            fmt(vr)
          }× average volume`,
        );
      } else if (crossDown(c.close, x.bb.lower, i)) {
        push(
          i,
          "sell",
          "bollinger_breakdown",
          0.6,
          `Close ${fmt(close)} broke below the lower Bollinger band ${fmt(x.bb.lower[i]!)} on ${
            fmt(vr)
          }× average volume`,
        );
      }
    }
  }
  return out;
}
