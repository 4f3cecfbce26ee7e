/**
 * Event facts of the facts pack (private to core/ai): recent signals, chart and candlestick
 * patterns, support and resistance. Pure.
 *
 * @module
 */
import type { Signal } from "../signals/mod.ts";
import type { FactsInput, FactsPack, PatternSummary } from "./facts.ts";
import { type AddFact, round } from "./_facts_price.ts";

/** Signals of the last this many bars are facts. */
export const RECENT_SIGNAL_BARS = 10;
/** Chart patterns ending within this many bars of the last one are facts. */
export const RECENT_PATTERN_BARS = 40;
/** Candlestick patterns of the last this many bars are facts. */
export const RECENT_CANDLE_BARS = 5;
/** At most this many chart patterns, signals and levels per side. */
export const MAX_PATTERNS = 3, MAX_SIGNALS = 6, MAX_LEVELS = 3;

/** Adds event facts; returns the structured parts the rule analyst reads. */
export function eventFacts(
  input: FactsInput,
  signals: readonly Signal[],
  add: AddFact,
): Pick<FactsPack, "supports" | "resistances" | "patterns"> {
  const { cols } = input;
  const t = cols.close.length - 1;
  const close = cols.close[t]!;

  const recent = signals.filter((s) => s.index > t - RECENT_SIGNAL_BARS && s.index <= t)
    .slice(-MAX_SIGNALS).reverse();
  recent.forEach((s, i) => {
    add(
      `signal.${i + 1}`,
      `${s.type.toUpperCase()} signal ${s.name} (strength ${s.strength.toFixed(2)}): ${s.reason}`,
      s.name,
      s.date,
    );
  });
  if (!recent.length) add("signal.none", `No signal in the last ${RECENT_SIGNAL_BARS} bars`, true);

  const patterns: PatternSummary[] = [];
  const chart = (input.chartPatterns ?? [])
    .filter((p) => p.endIndex > t - RECENT_PATTERN_BARS && p.endIndex <= t)
    .sort((a, b) => b.endIndex - a.endIndex || b.confidence - a.confidence)
    .slice(0, MAX_PATTERNS);
  chart.forEach((p, i) => {
    const id = `pattern.${i + 1}`;
    const state = p.confirmed ? "confirmed" : "not confirmed yet";
    const name = p.kind.replaceAll("_", " ");
    add(id, `${name} (${p.direction}, ${state}) ${p.startDate}..${p.endDate}`, p.kind, p.endDate);
    add(`${id}.breakout`, `${name}: breakout level`, p.breakoutLevel, p.endDate);
    add(`${id}.target`, `${name}: measured-move target`, p.target, p.endDate);
    add(`${id}.invalidation`, `${name}: invalidation price`, p.invalidation, p.endDate);
    add(`${id}.confidence`, `${name}: detector confidence (0..1)`, p.confidence, p.endDate);
    patterns.push({
      id,
      kind: p.kind,
      direction: p.direction,
      confirmed: p.confirmed,
      breakout: round(p.breakoutLevel),
      target: p.target === null ? null : round(p.target),
      invalidation: round(p.invalidation),
    });
  });

  const candles = (input.candlePatterns ?? [])
    .filter((m) => m.index > t - RECENT_CANDLE_BARS && m.index <= t)
    .sort((a, b) => b.index - a.index).slice(0, MAX_SIGNALS);
  candles.forEach((m, i) => {
    add(
      `candle.${i + 1}`,
      `${m.kind.replaceAll("_", " ")} candlestick (${m.direction}, after a ${m.trend} trend)`,
      m.kind,
      m.date,
    );
  });

  const levels = input.levels ?? [];
  const supports = levels.filter((l) => l.price < close).sort((a, b) => b.price - a.price)
    .slice(0, MAX_LEVELS).map((l, i) => {
      const id = `level.support_${i + 1}`;
      add(id, `Support (${l.touches} touches, last ${l.lastDate})`, l.price, l.lastDate);
      return { id, price: round(l.price) };
    });
  const resistances = levels.filter((l) => l.price > close).sort((a, b) => a.price - b.price)
    .slice(0, MAX_LEVELS).map((l, i) => {
      const id = `level.resistance_${i + 1}`;
      add(id, `Resistance (${l.touches} touches, last ${l.lastDate})`, l.price, l.lastDate);
      return { id, price: round(l.price) };
    });
  return { supports, resistances, patterns };
}
