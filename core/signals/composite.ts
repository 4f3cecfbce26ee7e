/**
 * The composite score: one number in -100..100 from documented, weighted factors, read at a
 * single bar (never later bars), with the reasons behind it.
 *
 * | factor | weight | rule |
 * |---|---|---|
 * | trend | 25 | ⅓ each: close vs MA20, close vs MA50, MA50 vs MA200 (+ above, − below) |
 * | macd | 20 | ½ histogram sign, ½ histogram rising or falling vs the previous bar |
 * | rsi | 15 | > 70: overbought, −(RSI−70)/15; < 30: oversold, +(30−RSI)/15; between: momentum (RSI−50)/40 |
 * | kd | 10 | ½ %K vs %D; ½ %K < 20 (+) or > 80 (−) |
 * | bollinger | 10 | mean reversion on %B: (0.5 − %B) clamped to ±1 |
 * | volume | 10 | ½ OBV vs its MA20; ½ a ≥ 1.5× volume day in the direction of the close change |
 * | signals | 10 | strengths of the signals of the last 5 bars, buys + and sells −, clamped |
 *
 * Stance: BUY when score ≥ 25, SELL when score ≤ −25, else HOLD. Confidence: for BUY/SELL
 * 0.5 + (|score| − 25)/150, for HOLD 0.5 + (25 − |score|)/50, capped at 0.95.
 *
 * @module
 */
import { scoreText, type ScoreTextCode, type ScoreTextParams } from "./score_texts.ts";
import type { SignalInputs } from "./inputs.ts";
import type { CompositeScore, OhlcvColumns, ScoreReason, Signal } from "./types.ts";

/** Weights of the factors (they sum to 100). */
export const SCORE_WEIGHTS = {
  trend: 25,
  macd: 20,
  rsi: 15,
  kd: 10,
  bollinger: 10,
  volume: 10,
  signals: 10,
} as const;
/** Score at or above which the stance is BUY (and at or below its negative, SELL). */
export const STANCE_THRESHOLD = 25;
/** Bars of recent signals counted by the `signals` factor. */
export const RECENT_SIGNAL_BARS = 5;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const ok = (x: number) => Number.isFinite(x);

function reason(
  factor: keyof typeof SCORE_WEIGHTS,
  value: number | null,
  unit: number,
  code: ScoreTextCode,
  params: ScoreTextParams = {},
): ScoreReason {
  const weight = SCORE_WEIGHTS[factor];
  return {
    factor,
    value,
    weight,
    contribution: Math.round(clamp(unit, -1, 1) * weight * 100) / 100,
    text: scoreText(code, params),
    text_code: code,
    text_params: params,
  };
}

function trendFactor(c: OhlcvColumns, x: SignalInputs, t: number): ScoreReason {
  const close = c.close[t]!, m20 = x.ma20[t]!, m50 = x.ma50[t]!, m200 = x.ma200[t]!;
  const params: ScoreTextParams = {};
  let unit = 0;
  let code: ScoreTextCode = "trend_no_history";
  if (ok(m20)) {
    unit += close > m20 ? 1 / 3 : -1 / 3;
    Object.assign(params, { close, vs_ma20: close > m20 ? ">" : "<", ma20: m20 });
    code = "trend_ma20";
  }
  if (ok(m20) && ok(m50)) {
    unit += close > m50 ? 1 / 3 : -1 / 3;
    Object.assign(params, { vs_ma50: close > m50 ? ">" : "<", ma50: m50 });
    code = "trend_ma20_ma50";
  }
  if (ok(m20) && ok(m50) && ok(m200)) {
    unit += m50 > m200 ? 1 / 3 : -1 / 3;
    Object.assign(params, { vs_ma200: m50 > m200 ? ">" : "<", ma200: m200 });
    code = "trend_all";
  }
  return reason("trend", ok(m20) ? m20 : null, unit, code, params);
}

function macdFactor(x: SignalInputs, t: number): ScoreReason {
  const h = x.macd.histogram[t]!, hp = t > 0 ? x.macd.histogram[t - 1]! : NaN;
  if (!ok(h)) return reason("macd", null, 0, "macd_no_history", { bars: 34 });
  const unit = (h > 0 ? 0.5 : -0.5) + (ok(hp) ? (h > hp ? 0.5 : -0.5) : 0);
  const code = `macd_${h > 0 ? "above" : "below"}_${
    ok(hp) && h > hp ? "rising" : "falling"
  }` as const;
  return reason("macd", h, unit, code, { histogram: h });
}

function rsiFactor(x: SignalInputs, t: number): ScoreReason {
  const r = x.rsi14[t]!;
  if (!ok(r)) return reason("rsi", null, 0, "rsi_no_history");
  if (r > 70) return reason("rsi", r, -(r - 70) / 15, "rsi_overbought", { rsi: r });
  if (r < 30) return reason("rsi", r, (30 - r) / 15, "rsi_oversold", { rsi: r });
  return reason("rsi", r, (r - 50) / 40, r >= 50 ? "rsi_positive" : "rsi_negative", { rsi: r });
}

function kdFactor(x: SignalInputs, t: number): ScoreReason {
  const k = x.kd.k[t]!, d = x.kd.d[t]!;
  if (!ok(k) || !ok(d)) return reason("kd", null, 0, "kd_no_history");
  const unit = (k > d ? 0.5 : -0.5) + (k < 20 ? 0.5 : k > 80 ? -0.5 : 0);
  const code = k < 20 ? "kd_oversold" : k > 80 ? "kd_overbought" : "kd";
  return reason("kd", k, unit, code, { k, vs_d: k > d ? ">" : "<", d });
}

function bollingerFactor(c: OhlcvColumns, x: SignalInputs, t: number): ScoreReason {
  const u = x.bb.upper[t]!, l = x.bb.lower[t]!;
  if (!ok(u) || !ok(l) || u === l) {
    return reason("bollinger", null, 0, "bollinger_no_history");
  }
  const pb = (c.close[t]! - l) / (u - l);
  return reason("bollinger", pb, 0.5 - pb, "bollinger", { percent_b: pb, lower: l, upper: u });
}

function volumeFactor(c: OhlcvColumns, x: SignalInputs, t: number): ScoreReason {
  const o = x.obv[t]!, om = x.obvMa20[t]!, vr = x.volRatio[t]!;
  if (!ok(om)) return reason("volume", null, 0, "volume_no_history");
  let unit = o > om ? 0.5 : -0.5;
  const obv = o > om ? "obv_above" : "obv_below";
  if (ok(vr) && vr >= 1.5 && t > 0) {
    const up = c.close[t]! >= c.close[t - 1]!;
    unit += up ? 0.5 : -0.5;
    const code = `${obv}_spike_${up ? "up" : "down"}` as const;
    return reason("volume", vr, unit, code, { volume_ratio: vr });
  }
  return reason("volume", ok(vr) ? vr : null, unit, obv);
}

function signalsFactor(signals: readonly Signal[], t: number): ScoreReason {
  let sum = 0;
  const names: string[] = [];
  let lo = 0, hi = signals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (signals[mid]!.index <= t - RECENT_SIGNAL_BARS) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < signals.length && signals[j]!.index <= t; j++) {
    const s = signals[j]!;
    sum += s.type === "buy" ? s.strength : -s.strength;
    names.push(`${s.type} ${s.name} (${s.date})`);
  }
  return names.length
    ? reason("signals", names.length, sum, "signals_recent", {
      list: names.join(", "),
      count: names.length,
      bars: RECENT_SIGNAL_BARS,
    })
    : reason("signals", 0, sum, "signals_none", { bars: RECENT_SIGNAL_BARS });
}

/**
 * Composite score at bar `t` from precomputed inputs and signals sorted by index (as
 * `generateSignals` returns them); reads bars ≤ t only.
 */
export function scoreAt(
  c: OhlcvColumns,
  x: SignalInputs,
  signals: readonly Signal[],
  t: number,
): CompositeScore {
  if (t < 0 || t >= c.close.length) {
    throw new RangeError(`Cannot score bar ${t}: series has ${c.close.length} bars`);
  }
  const reasons = [
    trendFactor(c, x, t),
    macdFactor(x, t),
    rsiFactor(x, t),
    kdFactor(x, t),
    bollingerFactor(c, x, t),
    volumeFactor(c, x, t),
    signalsFactor(signals, t),
  ].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const score =
    Math.round(clamp(reasons.reduce((a, r) => a + r.contribution, 0), -100, 100) * 100) / 100;
  const abs = Math.abs(score);
  const stance = score >= STANCE_THRESHOLD ? "BUY" : score <= -STANCE_THRESHOLD ? "SELL" : "HOLD";
  const conf = stance === "HOLD"
    ? 0.5 + (STANCE_THRESHOLD - abs) / 50
    : 0.5 + (abs - STANCE_THRESHOLD) / 150;
  return {
    index: t,
    date: c.dates[t]!,
    score,
    stance,
    confidence: Math.round(Math.min(0.95, conf) * 100) / 100,
    reasons,
  };
}
