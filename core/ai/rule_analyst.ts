/**
 * The rule-based analyst: the same answer schema as the LLM, deterministically, from the facts
 * pack (composite score, indicators, levels, patterns). Used when no LLM is configured or when
 * the LLM fails, and labelled `source: "rules"` by the caller. Pure.
 *
 * Levels: entry = last close. BUY: stop at the nearest support minus ½ ATR when that lies 1–3
 * ATR below, else 2 ATR below; target at the nearest resistance when it lies 1.5–6 ATR above,
 * else a confirmed bullish pattern's target within that band, else 3 ATR above. SELL mirrors
 * it. HOLD: the range to watch over 5 days, nearest support/resistance within 1–4 ATR, else
 * ±2 ATR.
 *
 * @module
 */
import type { AiLanguage, AnalystOutput } from "@trading/shared/schemas";
import type { Fact, FactsPack } from "./facts.ts";
import { round } from "./facts.ts";
import { ruleTexts } from "./_rule_text.ts";

/** Version of the rule-based analyst (its "prompt version" in the cache and journal). */
export const RULES_VERSION = "rules-v1";

/** Horizon of a rule-based BUY or SELL call, in trading days. */
export const RULE_HORIZON_DAYS = 20;
/** Horizon of a HOLD call (its ±2 ATR range is a near-term range), in trading days. */
export const RULE_HOLD_HORIZON_DAYS = 5;
/** Band used when ATR is not available yet (fraction of the price). */
export const NO_ATR_BAND = 0.02;

function pick(
  levels: readonly { price: number }[],
  from: number,
  lo: number,
  hi: number,
): number | null {
  const l = levels.find((x) => Math.abs(x.price - from) >= lo && Math.abs(x.price - from) <= hi);
  return l ? l.price : null;
}

/** Entry, target and stop for `stance` from the pack (see the module doc). */
export function ruleLevels(
  pack: FactsPack,
  stance: "BUY" | "SELL" | "HOLD",
): { entry: number; target: number; stop: number } {
  const close = pack.last_price;
  const atr = pack.atr ?? close * NO_ATR_BAND;
  const sup = pick(pack.supports, close, atr, 3 * atr);
  const res = pick(pack.resistances, close, atr, 3 * atr);
  const entry = round(close);
  if (stance === "HOLD") {
    const lo = pick(pack.supports, close, atr, 4 * atr) ?? close - 2 * atr;
    const hi = pick(pack.resistances, close, atr, 4 * atr) ?? close + 2 * atr;
    return { entry, target: round(hi), stop: round(lo) };
  }
  const bull = stance === "BUY";
  const stop = bull
    ? (sup === null ? close - 2 * atr : sup - atr / 2)
    : res === null
    ? close + 2 * atr
    : res + atr / 2;
  const far = pick(bull ? pack.resistances : pack.supports, close, 1.5 * atr, 6 * atr);
  const pattern = pack.patterns.find((p) =>
    p.confirmed && p.target !== null && p.direction === (bull ? "bullish" : "bearish") &&
    Math.abs(p.target - close) >= 1.5 * atr && Math.abs(p.target - close) <= 6 * atr
  );
  const target = far ?? pattern?.target ?? (bull ? close + 3 * atr : close - 3 * atr);
  return { entry, target: round(target), stop: round(stop) };
}

/**
 * The rule-based analysis of `pack` in `language`.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { buildFactsPack } from "./facts.ts";
 * import { ruleAnalysis } from "./rule_analyst.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const cols = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const out = ruleAnalysis(buildFactsPack({ symbol: "AAPL", cols }), "en");
 * out.stance; // the composite score's stance
 * ```
 */
export function ruleAnalysis(pack: FactsPack, language: AiLanguage): AnalystOutput {
  const T = ruleTexts(language);
  const f = new Map<string, Fact>(pack.facts.map((x) => [x.id, x]));
  const v = (id: string) => f.get(id)?.value;
  const has = (...ids: string[]) => ids.every((id) => f.has(id));
  const stance = pack.score.stance;
  const { entry, target, stop } = ruleLevels(pack, stance);
  const reasons: AnalystOutput["reasons"] = [{
    text: T.composite(pack.score.value, T.stance[stance], pack.score.confidence, pack.data_date),
    fact_ids: ["score.value", "score.stance", "score.confidence"],
  }];
  const factors = pack.facts.filter((x) =>
    /^score\.[a-z]+$/.test(x.id) && x.id !== "score.value" &&
    x.id !== "score.stance" && x.id !== "score.confidence" && x.value !== 0
  )
    .sort((a, b) => Math.abs(Number(b.value)) - Math.abs(Number(a.value)));
  for (const factor of factors) {
    const name = factor.id.slice("score.".length);
    const r = factorReason(name, T, v, has, pack);
    if (r) reasons.push({ text: r.text, fact_ids: [factor.id, ...r.ids] });
    if (reasons.length >= 5) break;
  }
  const p = pack.patterns[0];
  if (p && reasons.length < 7) {
    const ids = [p.id, `${p.id}.breakout`, ...(p.target === null ? [] : [`${p.id}.target`])];
    reasons.push({
      text: T.pattern(p.kind.replaceAll("_", " "), p.confirmed, p.breakout, p.target),
      fact_ids: ids,
    });
  }
  const bt = pack.backtest;
  if (bt && reasons.length < 8) {
    reasons.push({
      text: T.backtest(
        round(bt.total_return_pct),
        bt.buy_hold_return_pct === null ? null : round(bt.buy_hold_return_pct),
        bt.trades,
        bt.from,
        bt.to,
      ),
      fact_ids: [
        "backtest.total_return_pct",
        "backtest.trades",
        ...(bt.buy_hold_return_pct === null ? [] : ["backtest.buy_hold_return_pct"]),
      ],
    });
  }
  return {
    stance,
    confidence: pack.score.confidence,
    horizon_days: stance === "HOLD" ? RULE_HOLD_HORIZON_DAYS : RULE_HORIZON_DAYS,
    entry,
    target,
    stop,
    summary: T.summary(pack.symbol, T.stance[stance], pack.score.value, entry, target, stop),
    reasons,
    risks: ruleRisks(pack, T, v, factors),
    invalidation: stance === "BUY"
      ? T.invalidBuy(stop, RULE_HORIZON_DAYS)
      : stance === "SELL"
      ? T.invalidSell(stop, RULE_HORIZON_DAYS)
      : T.invalidHold(stop, target),
  };
}

type Get = (id: string) => Fact["value"] | undefined;
type Texts = ReturnType<typeof ruleTexts>;

function factorReason(
  name: string,
  T: Texts,
  v: Get,
  has: (...ids: string[]) => boolean,
  pack: FactsPack,
): { text: string; ids: string[] } | null {
  const close = pack.last_price;
  switch (name) {
    case "trend": {
      const parts: string[] = [];
      const ids = ["price.close"];
      for (
        const [id, label] of [["ind.sma_20", "SMA(20)"], ["ind.sma_50", "SMA(50)"], [
          "ind.sma_200",
          "SMA(200)",
        ]] as const
      ) {
        const m = v(id);
        if (typeof m !== "number") continue;
        parts.push(T.vsMa(label, close > m ? T.above : T.below, m));
        ids.push(id);
      }
      return parts.length
        ? { text: T.trend(v("price.close")!.toString(), parts.join(T.sep)), ids }
        : null;
    }
    case "macd": {
      if (!has("ind.macd_hist")) return null;
      const h = Number(v("ind.macd_hist"));
      const rising = Number(v("score.macd")) > (h > 0 ? 10 : -10);
      return {
        text: T.macd(h, h > 0 ? T.above : T.below, rising ? T.rising : T.falling),
        ids: ["ind.macd_hist"],
      };
    }
    case "rsi": {
      if (!has("ind.rsi_14")) return null;
      const r = Number(v("ind.rsi_14"));
      const zone = r > 70 ? "overbought" : r < 30 ? "oversold" : "neutral";
      return { text: T.rsi(r, pack.data_date, zone), ids: ["ind.rsi_14"] };
    }
    case "kd":
      return has("ind.stoch_k", "ind.stoch_d")
        ? {
          text: T.kd(v("ind.stoch_k")!.toString(), v("ind.stoch_d")!.toString()),
          ids: ["ind.stoch_k", "ind.stoch_d"],
        }
        : null;
    case "bollinger":
      return has("ind.bb_pct_b", "ind.bb_lower", "ind.bb_upper")
        ? {
          text: T.bollinger(
            v("ind.bb_pct_b")!.toString(),
            v("ind.bb_lower")!.toString(),
            v("ind.bb_upper")!.toString(),
          ),
          ids: ["ind.bb_pct_b", "ind.bb_lower", "ind.bb_upper"],
        }
        : null;
    case "volume":
      return has("ind.volume_ratio")
        ? {
          text: T.volume(
            v("ind.volume_ratio")!.toString(),
            Number(v("score.volume")) > 0 ? T.above : T.below,
          ),
          ids: ["ind.volume_ratio"],
        }
        : null;
    case "signals": {
      const sig = pack.facts.filter((x) => /^signal\.\d+$/.test(x.id)).slice(0, 3);
      return sig.length
        ? {
          text: T.signals(sig.map((s) => `${s.value} (${s.date})`).join(T.sep)),
          ids: sig.map((s) => s.id),
        }
        : null;
    }
  }
  return null;
}

function ruleRisks(pack: FactsPack, T: Texts, v: Get, factors: readonly Fact[]): string[] {
  const risks: string[] = [];
  const stance = pack.score.stance;
  const rsiV = v("ind.rsi_14");
  if (
    typeof rsiV === "number" &&
    ((stance !== "SELL" && rsiV > 65) || (stance !== "BUY" && rsiV < 35))
  ) {
    risks.push(T.riskRsi(rsiV));
  }
  const adxV = v("ind.adx_14");
  if (typeof adxV === "number" && adxV < 20) risks.push(T.riskAdx(adxV));
  const atrPct = v("ind.atr_14_pct");
  if (typeof atrPct === "number" && atrPct > 3) risks.push(T.riskAtr(atrPct));
  if (pack.atr === null) risks.push(T.riskNoAtr);
  if (stance !== "HOLD") {
    const sign = stance === "BUY" ? -1 : 1;
    for (const x of factors) {
      if (Math.sign(Number(x.value)) === sign && risks.length < 4) {
        const name = x.id.slice("score.".length);
        risks.push(T.riskAgainst(T.factor[name] ?? name));
      }
    }
  }
  risks.push(T.riskScope);
  return risks.slice(0, 6);
}
