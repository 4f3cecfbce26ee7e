/**
 * The facts pack: everything the analyst may rely on, computed from the bars by the analysis
 * engine (price summary, indicators, composite score, signals, patterns, levels, the
 * analyst-rules backtest), each fact with an id, a label, a rounded value and its data date.
 * The model sees only these facts; its reasons cite them by id and are checked against them.
 * Pure: bars in, facts out (the caller truncates the bars to the "as of" date).
 *
 * @module
 */
import { latestIndicators } from "../analysis/latest.ts";
import type { CandleMatch, Level, PatternMatch } from "../patterns/types.ts";
import {
  compositeScore,
  computeSignalInputs,
  generateSignals,
  type OhlcvColumns,
} from "../signals/mod.ts";
import { eventFacts } from "./_facts_events.ts";
import { priceFacts, round } from "./_facts_price.ts";

export { round };

/** One citable fact. */
export interface Fact {
  /** Stable id the model cites, e.g. `ind.rsi_14`. */
  id: string;
  /** What it is, e.g. `RSI(14)`. */
  label: string;
  /** Rounded value (as shown to the model) or a word. */
  value: number | string | boolean;
  /** Date of the data it was computed from. */
  date: string;
}

/** Stats of the analyst-rules strategy backtest (from core/backtest), when available. */
export interface BacktestFacts {
  /** Strategy name. */
  strategy: string;
  /** First bar tested. */
  from: string;
  /** Last bar tested. */
  to: string;
  /** Total return, percent. */
  total_return_pct: number;
  /** Buy-and-hold return over the same bars, percent. */
  buy_hold_return_pct: number | null;
  /** Winning trades, percent. */
  win_rate_pct: number | null;
  /** Closed trades. */
  trades: number;
  /** Maximum drawdown, percent (positive). */
  max_drawdown_pct: number;
  /** Annualised Sharpe ratio. */
  sharpe: number | null;
}

/** Inputs of {@link buildFactsPack}. */
export interface FactsInput {
  /** Ticker. */
  symbol: string;
  /** Bars up to and including the "as of" bar. */
  cols: OhlcvColumns;
  /** Chart patterns detected on the same bars. */
  chartPatterns?: readonly PatternMatch[];
  /** Candlestick patterns detected on the same bars. */
  candlePatterns?: readonly CandleMatch[];
  /** Support and resistance levels. */
  levels?: readonly Level[];
  /** Analyst-rules backtest stats over the same bars. */
  backtest?: BacktestFacts | null;
}

/** A recent chart pattern as the rule analyst reads it. */
export interface PatternSummary {
  /** Fact id prefix. */
  id: string;
  /** Pattern kind. */
  kind: string;
  /** Expected move. */
  direction: "bullish" | "bearish" | "neutral";
  /** Breakout confirmed. */
  confirmed: boolean;
  /** Breakout level. */
  breakout: number;
  /** Measured-move target. */
  target: number | null;
  /** Invalidation price. */
  invalidation: number;
}

/** The facts pack. */
export interface FactsPack {
  /** Ticker. */
  symbol: string;
  /** Date of the last bar used. */
  data_date: string;
  /** Last close. */
  last_price: number;
  /** Bars available up to `data_date`. */
  bars: number;
  /** Every citable fact. */
  facts: Fact[];
  /** Composite score at `data_date`. */
  score: { value: number; stance: "BUY" | "SELL" | "HOLD"; confidence: number };
  /** ATR(14) at `data_date`, null during warm-up. */
  atr: number | null;
  /** Support prices below the close, nearest first (with their fact ids). */
  supports: { id: string; price: number }[];
  /** Resistance prices above the close, nearest first. */
  resistances: { id: string; price: number }[];
  /** Recent chart patterns, most recent first. */
  patterns: PatternSummary[];
  /** Analyst-rules backtest stats, when given. */
  backtest: BacktestFacts | null;
}

/**
 * Builds the facts pack at the last bar of `cols`.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { buildFactsPack } from "./facts.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const pack = buildFactsPack({ symbol: "AAPL", cols: series });
 * pack.facts.find((f) => f.id === "ind.rsi_14"); // { label: "RSI(14)", value: 69.24, … }
 * ```
 */
export function buildFactsPack(input: FactsInput): FactsPack {
  const { symbol, cols } = input;
  const n = cols.close.length;
  if (n < 2) throw new RangeError(`Cannot build facts for ${symbol}: needs 2 bars, has ${n}`);
  const t = n - 1;
  const date = cols.dates[t]!;
  const inputs = computeSignalInputs(cols);
  const signals = generateSignals(cols, { inputs });
  const score = compositeScore(cols, { inputs, signals });
  const ind = latestIndicators(cols, inputs, t);
  const facts: Fact[] = [];
  const add = (id: string, label: string, value: number | string | boolean | null, d = date) => {
    if (value === null || (typeof value === "number" && !Number.isFinite(value))) return;
    facts.push({ id, label, value: typeof value === "number" ? round(value) : value, date: d });
  };
  add("data.bars", "Daily bars of history available", n);
  add("data.first_date", "First bar of the history", cols.dates[0]!);
  priceFacts(cols, ind, add);
  add("score.value", "Composite score (-100..100)", score.score);
  add("score.stance", "Composite stance", score.stance);
  add("score.confidence", "Composite confidence (0..1)", score.confidence);
  for (const r of score.reasons) {
    add(
      `score.${r.factor}`,
      `Composite factor ${r.factor} (±${r.weight}): ${r.text}`,
      r.contribution,
    );
  }
  const events = eventFacts(input, signals, add);
  const bt = input.backtest ?? null;
  if (bt) {
    const span = `${bt.strategy} backtest ${bt.from}..${bt.to}`;
    add("backtest.total_return_pct", `${span}: total return %`, bt.total_return_pct, bt.to);
    add(
      "backtest.buy_hold_return_pct",
      `${span}: buy-and-hold return %`,
      bt.buy_hold_return_pct,
      bt.to,
    );
    add("backtest.win_rate_pct", `${span}: winning trades %`, bt.win_rate_pct, bt.to);
    add("backtest.trades", `${span}: closed trades`, bt.trades, bt.to);
    add("backtest.max_drawdown_pct", `${span}: maximum drawdown %`, bt.max_drawdown_pct, bt.to);
    add("backtest.sharpe", `${span}: Sharpe ratio`, bt.sharpe, bt.to);
  }
  return {
    symbol,
    data_date: date,
    last_price: cols.close[t]!,
    bars: n,
    facts,
    score: { value: score.score, stance: score.stance, confidence: score.confidence },
    atr: ind.atr_14,
    ...events,
    backtest: bt,
  };
}
