/**
 * Evaluating alerts at one bar of one symbol: price crossings, % moves, rules of the rule
 * language, confirmed patterns and fired signals. Everything a bar's alerts share (indicator
 * values, the pattern scan, the signals) is computed once. Reads bars up to the evaluated one
 * only. Pure.
 *
 * @module
 */
import { detectCandlestickPatterns } from "../patterns/candlesticks.ts";
import { detectChartPatterns } from "../patterns/detect_chart_patterns.ts";
import { firstBars, type OhlcvColumns } from "../market_data/series.ts";
import { type CompiledRule, compileRule } from "../rules/mod.ts";
import { T } from "../rules/kernels.ts";
import { PointRule } from "../rules/pointwise.ts";
import { generateSignals } from "../signals/mod.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import type { AlertCondition, AlertDef, CrossDirection } from "./types.ts";

/** Values that made an alert true, sent with its notification (snake_case keys: wire). */
export type HitValues = Record<string, number | string | boolean | null>;

/** An alert ready to evaluate: its definition and, for a rule, the compiled rule. */
export interface CompiledAlert {
  /** The definition. */
  def: AlertDef;
  /** The compiled condition of a `rule` alert. */
  rule: CompiledRule | null;
}

/** An alert whose condition holds at the bar. */
export interface BarHit {
  /** The alert. */
  alert: AlertDef;
  /** What made it true. */
  values: HitValues;
}

/**
 * Compiles a rule alert's rule (throws `RuleError`, a 422, when it is invalid).
 *
 * @example
 * ```ts
 * import { compileAlert } from "./check_bar.ts";
 * const a = compileAlert({
 *   id: "a1", userId: "u1", name: "RSI", symbols: ["AAPL"], trigger: "once_per_bar_close",
 *   endpoints: [], condition: { type: "rule", rule: "rsi(14) crosses_above 30" },
 * });
 * a.rule?.kind; // "condition"
 * ```
 */
export function compileAlert(def: AlertDef): CompiledAlert {
  const c = def.condition;
  return {
    def,
    rule: c.type === "rule" ? compileRule(c.rule, { expect: "condition" }) : null,
  };
}

/**
 * True when a price moving from `prev` to `cur` crosses `level` in `dir` (TradingView's
 * crossing: on the other side before, at or beyond the level now).
 *
 * @example
 * ```ts
 * import { crossed } from "./check_bar.ts";
 * crossed(99, 100.5, 100, "up"); // true
 * crossed(101, 100.5, 100, "up"); // false
 * ```
 */
export function crossed(prev: number, cur: number, level: number, dir: CrossDirection): boolean {
  if (!Number.isFinite(prev) || !Number.isFinite(cur)) return false;
  const up = prev < level && cur >= level;
  const down = prev > level && cur <= level;
  return dir === "up" ? up : dir === "down" ? down : up || down;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Shared, lazily computed facts of one bar. */
class BarFacts {
  readonly cache = new IndicatorCache();
  #head: OhlcvColumns | null = null;
  #chart: ReturnType<typeof detectChartPatterns> | null = null;
  #candles: ReturnType<typeof detectCandlestickPatterns> | null = null;
  #signals: ReturnType<typeof generateSignals> | null = null;
  constructor(readonly cols: OhlcvColumns, readonly i: number) {}
  get head(): OhlcvColumns {
    return this.#head ??= firstBars(this.cols, this.i + 1);
  }
  get chart() {
    return this.#chart ??= detectChartPatterns(this.head);
  }
  get candles() {
    return this.#candles ??= detectCandlestickPatterns(this.head, { fromIndex: this.i });
  }
  get signals() {
    return this.#signals ??= generateSignals(this.head);
  }
}

function check(c: AlertCondition, rule: CompiledRule | null, f: BarFacts): HitValues | null {
  const { close } = f.cols;
  const i = f.i;
  const cur = close[i]!;
  switch (c.type) {
    case "price": {
      if (i < 1) return null;
      const prev = close[i - 1]!;
      return crossed(prev, cur, c.level, c.crosses)
        ? { close: cur, previous_close: prev, level: c.level }
        : null;
    }
    case "pct_move": {
      if (i < c.bars) return null;
      const from = close[i - c.bars]!;
      if (!(from > 0)) return null;
      const change = (cur / from - 1) * 100;
      const hit = c.direction === "up"
        ? change >= c.pct
        : c.direction === "down"
        ? change <= -c.pct
        : Math.abs(change) >= c.pct;
      return hit ? { close: cur, from_close: from, change_pct: round(change), bars: c.bars } : null;
    }
    case "rule": {
      if (!rule) return null;
      const point = PointRule.of(rule, f.head, f.cache);
      return point.at(rule.root, i) === T ? { close: cur, rule: c.rule } : null;
    }
    case "pattern": {
      const p = f.chart.find((m) => m.kind === c.kind && m.confirmed && m.endIndex === i);
      if (p) {
        return {
          close: cur,
          pattern: p.kind,
          direction: p.direction,
          breakout_level: round(p.breakoutLevel),
          target: p.target === null ? null : round(p.target),
          confidence: round(p.confidence),
        };
      }
      const k = f.candles.find((m) => m.kind === c.kind && m.index === i);
      return k
        ? { close: cur, pattern: k.kind, direction: k.direction, confidence: round(k.confidence) }
        : null;
    }
    case "signal": {
      const s = f.signals.find((x) => x.index === i && x.name === c.name);
      return s
        ? { close: cur, signal: s.name, side: s.type, reason: s.reason, strength: s.strength }
        : null;
    }
  }
}

/**
 * The alerts of `alerts` whose condition holds at bar `i` of `cols` (default: the last bar),
 * each with the values that made it true. The alerts are assumed to watch this symbol.
 *
 * @example
 * ```ts
 * import { compileAlert, hitsAtBar } from "./check_bar.ts";
 * const cols = {
 *   dates: ["2024-01-02", "2024-01-03"], open: new Float64Array([99, 99]),
 *   high: new Float64Array([100, 102]), low: new Float64Array([98, 98]),
 *   close: new Float64Array([99, 101]), volume: new Float64Array([1, 1]),
 * };
 * const alert = compileAlert({
 *   id: "a1", userId: "u1", name: "100", symbols: ["X"], trigger: "once", endpoints: [],
 *   condition: { type: "price", crosses: "up", level: 100 },
 * });
 * hitsAtBar([alert], cols).length; // 1
 * ```
 */
export function hitsAtBar(
  alerts: readonly CompiledAlert[],
  cols: OhlcvColumns,
  i: number = cols.close.length - 1,
): BarHit[] {
  if (i < 0 || i >= cols.close.length) return [];
  const facts = new BarFacts(cols, i);
  const out: BarHit[] = [];
  for (const a of alerts) {
    const values = check(a.def.condition, a.rule, facts);
    if (values) out.push({ alert: a.def, values });
  }
  return out;
}
