/**
 * Classic technical signals: RSI 30/70, MACD cross, golden/death crosses (MA20/50, MA50/200),
 * Bollinger breaks confirmed by a volume spike. Each signal at bar i reads bars ≤ i only.
 *
 * @module
 */
import { crossDown, crossDownLevel, crossUp, crossUpLevel } from "./_cross.ts";
import { signalPusher } from "./reasons.ts";
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
  const push = signalPusher(c.dates, out, "technical");
  for (let i = Math.max(1, from); i < n; i++) {
    const close = c.close[i]!;
    const r = x.rsi14[i]!;
    if (crossUpLevel(x.rsi14, 30, i)) {
      push(i, "buy", "rsi_oversold_exit", 0.6, "rsi_cross_up_30", { rsi: r });
    } else if (crossDownLevel(x.rsi14, 70, i)) {
      push(i, "sell", "rsi_overbought_exit", 0.6, "rsi_cross_down_70", { rsi: r });
    }
    const m = x.macd.macd[i]!, s = x.macd.signal[i]!;
    if (crossUp(x.macd.macd, x.macd.signal, i)) {
      const code = m < 0 ? "macd_cross_up_below_zero" : "macd_cross_up";
      push(i, "buy", "macd_cross_up", m < 0 ? 0.6 : 0.5, code, { macd: m, signal: s });
    } else if (crossDown(x.macd.macd, x.macd.signal, i)) {
      const code = m > 0 ? "macd_cross_down_above_zero" : "macd_cross_down";
      push(i, "sell", "macd_cross_down", m > 0 ? 0.6 : 0.5, code, { macd: m, signal: s });
    }
    const ma = { ma20: x.ma20[i]!, ma50: x.ma50[i]! };
    if (crossUp(x.ma20, x.ma50, i)) {
      push(i, "buy", "golden_cross_20_50", 0.55, "ma20_cross_above_ma50", ma);
    } else if (crossDown(x.ma20, x.ma50, i)) {
      push(i, "sell", "death_cross_20_50", 0.55, "ma20_cross_below_ma50", ma);
    }
    const long = { ma50: x.ma50[i]!, ma200: x.ma200[i]! };
    if (crossUp(x.ma50, x.ma200, i)) {
      push(i, "buy", "golden_cross_50_200", 0.75, "golden_cross_50_200", long);
    } else if (crossDown(x.ma50, x.ma200, i)) {
      push(i, "sell", "death_cross_50_200", 0.75, "death_cross_50_200", long);
    }
    const vr = x.volRatio[i]!;
    if (vr >= VOLUME_SPIKE) {
      if (crossUp(c.close, x.bb.upper, i)) {
        push(i, "buy", "bollinger_breakout_up", 0.6, "close_above_upper_band", {
          close,
          band: x.bb.upper[i]!,
          volume_ratio: vr,
        });
      } else if (crossDown(c.close, x.bb.lower, i)) {
        push(i, "sell", "bollinger_breakdown", 0.6, "close_below_lower_band", {
          close,
          band: x.bb.lower[i]!,
          volume_ratio: vr,
        });
      }
    }
  }
  return out;
}
