/**
 * Types of the signals layer.
 *
 * @module
 */

import type { ReasonParams, SignalReasonCode } from "./reasons.ts";
import type { ScoreTextCode, ScoreTextParams } from "./score_texts.ts";

/** Columns of daily bars the signals read (a `Series` satisfies it). */
export type { OhlcvColumns } from "../market_data/series.ts";

/** One trading signal at the close of a bar. */
export interface Signal {
  /** Bar index in the input columns. */
  index: number;
  /** Date of that bar. */
  date: string;
  /** Direction. */
  type: "buy" | "sell";
  /** Stable rule name, e.g. `rsi_oversold_exit`, `golden_cross_50_200`. */
  name: string;
  /** Which family the rule belongs to: classic technical rules or the analyst's rules. */
  family: "technical" | "analyst";
  /** Human-readable reason citing the numbers (English; filled from `reason_code`). */
  reason: string;
  /** Template of the reason (a key of `SIGNAL_REASONS`), named as on the wire. */
  reason_code: SignalReasonCode;
  /** Parameters of the template, named as on the wire. */
  reason_params: ReasonParams;
  /** 0..1, how strong the evidence is. */
  strength: number;
}

/** Contribution of one factor to the composite score. */
export interface ScoreReason {
  /** Factor id, e.g. `trend`, `rsi`. */
  factor: string;
  /** The value read (e.g. RSI 71.2), or null when not available yet (warm-up). */
  value: number | null;
  /** Maximum absolute points of this factor. */
  weight: number;
  /** Points given, in [-weight, weight]. */
  contribution: number;
  /** Human-readable explanation (English; filled from `text_code`). */
  text: string;
  /** Template of the text (a key of `SCORE_TEXTS`), named as on the wire. */
  text_code: ScoreTextCode;
  /** Parameters of the template, named as on the wire. */
  text_params: ScoreTextParams;
}

/** The composite view at one bar. */
export interface CompositeScore {
  /** Bar index the score is for. */
  index: number;
  /** Date of that bar. */
  date: string;
  /** Sum of contributions, -100..100. */
  score: number;
  /** BUY when score ≥ 25, SELL when ≤ -25, else HOLD. */
  stance: "BUY" | "SELL" | "HOLD";
  /** 0..1. */
  confidence: number;
  /** Every factor with its contribution, largest first. */
  reasons: ScoreReason[];
}
