/**
 * Pattern criteria as templates with parameters: each criterion of a detected pattern has a
 * code (a key of {@link CRITERIA_TEMPLATES}) and parameters, sent as `criteria_codes` so a
 * client renders them in its own language; the English `criteria` sentences are filled from the
 * same templates (kept for API compatibility). Pure.
 *
 * Parameter formatting, by name: `date` as is; `bars`, `*_bars` and `count` as integers;
 * `*_pct` percent with one decimal; `volume_ratio` two decimals; `atr_multiple` one decimal;
 * anything else is a price (one decimal from 100, else two).
 *
 * @module
 */

/** English template of every pattern criterion; `{name}` is replaced by the parameter `name`. */
export const CRITERIA_TEMPLATES = {
  breakout_volume_pending: "breakout volume: not yet (pending)",
  breakout_volume_no_history: "breakout volume: not enough history",
  breakout_volume: "breakout volume {volume_ratio}× its {bars}-bar average",
  closed_above: "closed above {price} on {date}",
  closed_below: "closed below {price} on {date}",
  breaks_either_way: "breaks either way: above {upper} or below {lower}",
  tops_apart: "tops {first} and {second} ({apart_pct}% apart)",
  bottoms_apart: "bottoms {first} and {second} ({apart_pct}% apart)",
  legs: "legs of {left_bars} and {right_bars} bars",
  second_extreme_lower_volume: "lower volume on the second extreme",
  second_extreme_volume_not_lower: "volume not lower on the second extreme",
  height: "height {height}",
  height_atr: "height {height} ({atr_multiple} ATR)",
  pole: "pole of {pole} in {bars} bars ({atr_multiple} ATR)",
  pole_retrace: "retraces {retrace_pct}% of the pole",
  narrows: "narrows from {from} to {to}",
  parallel_lines: "parallel lines",
  parallel_lines_height: "parallel lines, height {from} to {to}",
  consolidation_lower_volume: "volume lower in the consolidation than in the pole",
  consolidation_volume_not_lower: "volume not lower in the consolidation",
  shoulders: "shoulders {left} and {right} around head {head}",
  spans: "spans of {left_bars} and {right_bars} bars",
  head_prominence: "head {prominence_pct}% of its height beyond the shoulders",
  neckline: "neckline from {from} to {to}",
  right_shoulder_lower_volume: "lower volume on the right shoulder than on the head",
  right_shoulder_volume_not_lower: "volume not lower on the right shoulder",
  swing_points: "{count} swing points on the two lines",
  largest_swing: "largest swing off its line {residual}",
  closes_inside: "{inside_pct}% of closes inside",
  cup_rims: "rims {left} and {right}, depth {depth_pct}%",
  cup_round: "{lower_half_pct}% of the cup's closes in its lower half",
  cup_bottom: "bottom at {position_pct}% of the cup",
  handle_retrace: "handle retraces {retrace_pct}% of the depth in {bars} bars",
  handle_quieter: "quieter handle",
  handle_volume_not_lower: "handle volume not lower than the cup's",
} as const;

/** Code of a pattern criterion template. */
export type CriterionCode = keyof typeof CRITERIA_TEMPLATES;

/** Parameters of a criterion: numbers, or a date string. */
export type CriterionParams = Record<string, number | string>;

/** One parameter in the English sentence, by the naming rules of this module. */
function formatParam(key: string, v: number | string): string {
  if (typeof v === "string") return v;
  if (key === "count" || key === "bars" || key.endsWith("_bars")) return String(Math.round(v));
  if (key.endsWith("_pct")) return Number.isInteger(v) ? String(v) : v.toFixed(1);
  if (key === "volume_ratio") return v.toFixed(2);
  if (key === "atr_multiple") return v.toFixed(1);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(2);
}

/**
 * The English sentence of a criterion template.
 *
 * @example
 * ```ts
 * import { criterionText } from "./criteria.ts";
 *
 * criterionText("closed_above", { price: 152.25, date: "2018-03-01" });
 * // "closed above 152.2 on 2018-03-01"
 * ```
 */
export function criterionText(code: CriterionCode, params: CriterionParams = {}): string {
  return CRITERIA_TEMPLATES[code].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new RangeError(`Cannot fill criterion ${code}: no parameter ${k}`);
    return formatParam(k, v);
  });
}
