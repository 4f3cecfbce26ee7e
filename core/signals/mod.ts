/**
 * Signals and the composite score.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { compositeScore, generateSignals } from "./mod.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const signals = generateSignals(series);
 * const view = compositeScore(series); // at the last bar
 * ```
 *
 * @module
 */
import { analystSignals } from "./analyst.ts";
import { scoreAt } from "./composite.ts";
import { computeSignalInputs, type SignalInputs } from "./inputs.ts";
import { technicalSignals } from "./technical.ts";
import type { CompositeScore, OhlcvColumns, Signal } from "./types.ts";

export type { CompositeScore, OhlcvColumns, ScoreReason, Signal } from "./types.ts";
export { computeSignalInputs, type SignalInputs } from "./inputs.ts";
export { RECENT_SIGNAL_BARS, SCORE_WEIGHTS, scoreAt, STANCE_THRESHOLD } from "./composite.ts";
export { BREAKOUT_LOOKBACK, isThreeWhiteSoldiers } from "./analyst.ts";
export { VOLUME_SPIKE } from "./technical.ts";

/** Options of {@link generateSignals}. */
export interface SignalOptions {
  /** Precomputed inputs (computed when absent). */
  inputs?: SignalInputs;
  /** Which rule families to run (default both). */
  families?: readonly ("technical" | "analyst")[];
}

/**
 * Every signal of the series, ordered by bar then name. A signal at bar i reads bars ≤ i only,
 * so signals never change when later bars are added.
 */
export function generateSignals(
  c: OhlcvColumns,
  { inputs, families = ["technical", "analyst"] }: SignalOptions = {},
): Signal[] {
  const x = inputs ?? computeSignalInputs(c);
  const out: Signal[] = [];
  if (families.includes("technical")) technicalSignals(c, x, out);
  if (families.includes("analyst")) analystSignals(c, x, out);
  return out.sort((a, b) => a.index - b.index || a.name.localeCompare(b.name));
}

/** The composite score at bar `at` (default: the last bar). */
export function compositeScore(
  c: OhlcvColumns,
  { at = c.close.length - 1, inputs, signals }: {
    at?: number;
    inputs?: SignalInputs;
    signals?: readonly Signal[];
  } = {},
): CompositeScore {
  const x = inputs ?? computeSignalInputs(c);
  return scoreAt(c, x, signals ?? generateSignals(c, { inputs: x }), at);
}

/** The composite score of every bar (for strategies and charts), NaN-free: 0 during warm-up. */
export function compositeScoreSeries(
  c: OhlcvColumns,
  { inputs }: { inputs?: SignalInputs } = {},
): Float64Array {
  const x = inputs ?? computeSignalInputs(c);
  const signals = generateSignals(c, { inputs: x });
  const out = new Float64Array(c.close.length);
  for (let t = 0; t < out.length; t++) out[t] = scoreAt(c, x, signals, t).score;
  return out;
}
