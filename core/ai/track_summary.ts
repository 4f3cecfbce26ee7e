/**
 * The track record shown beside one answer's confidence, and the confidence check of an LLM
 * answer. Only calls decided on or before the answer's data date count, so an analysis as of
 * a past date never sees later outcomes. An analyst with fewer than {@link MIN_CALLS} decided
 * calls of the kind (an LLM model and prompt version that is new) is shown the rules analyst's
 * record instead, labelled as such. The calibrated confidence (the answer's headline confidence,
 * see `AiService.analyze`) needs {@link MIN_CALLS} decided calls of the analyst's own of that
 * kind; with fewer it is null and the stated value is shown, marked uncalibrated. Pure.
 *
 * @module
 */
import type { AnalystOutput, TrackAnalyst, TrackRecordSummary } from "@trading/shared/schemas";
import { analyticBaseline, type RatedCall } from "./baselines.ts";
import { calibrate, fitCalibration } from "./calibration.ts";
import { analystKey, analystOf, forecastsOf, MIN_CALLS } from "./track_record.ts";
import { mean, MIN_CALLS_FOR_VERDICT, wilson } from "./track_stats.ts";

/**
 * An LLM answer whose confidence exceeds its ceiling (the calibrated value, or without an own
 * record the better of its levels' S/(S+T) and the record's hit rate) by more than this is
 * refused, like levels outside their bands.
 */
export const CONFIDENCE_MARGIN = 0.15;

type Stance = AnalystOutput["stance"];
type Levels = Pick<AnalystOutput, "stance" | "confidence" | "entry" | "target" | "stop">;

const randomMean = new WeakMap<Uint8Array, number>();
function pRandom(c: RatedCall): number | null {
  if (!c.randomDate) return null;
  let m = randomMean.get(c.randomDate);
  if (m === undefined) randomMean.set(c.randomDate, m = mean(c.randomDate));
  return m;
}

const sameKind = (a: Stance, b: Stance) => (a === "HOLD") === (b === "HOLD");

/**
 * The track record of `who` for calls like `answer` as of `asOf`; `rules` names the analyst
 * whose record stands in when `who` has too few decided calls of that kind.
 *
 * @example
 * ```ts
 * const rules = { source: "rules" as const, model: "rules", prompt_version: "rules-v1" };
 * const out = { stance: "BUY" as const, confidence: 0.7, entry: 100, target: 106, stop: 96 };
 * const s = trackSummary([], rules, rules, "2018-05-11", out);
 * s.verdict; // "too_few_calls"; s.confidence_ceiling: 0.4, the S/(S+T) of its levels
 * ```
 */
export function trackSummary(
  rated: readonly RatedCall[],
  who: TrackAnalyst,
  rules: TrackAnalyst,
  asOf: string,
  answer: Levels,
): TrackRecordSummary {
  const known = rated.filter((c) => c.hit !== null && c.exit_date! <= asOf);
  const of = (a: TrackAnalyst) => {
    const k = analystKey(a);
    return known.filter((c) =>
      analystKey(analystOf(c)) === k && sameKind(c.entry.stance, answer.stance)
    );
  };
  const own = of(who);
  const ownRecord = who.source === "rules" || own.length >= MIN_CALLS;
  const record = ownRecord ? own : of(rules);
  const calls = record.filter((c) => c.entry.stance === answer.stance);
  const n = calls.length, hits = calls.filter((c) => c.hit).length;
  const [lo, hi] = wilson(hits, n);
  const analytic = calls.flatMap((c) => (c.pAnalytic === null ? [] : [c.pAnalytic]));
  const random = calls.flatMap((c) => pRandom(c) ?? []);
  const baselineRandom = random.length ? mean(random) : null;
  const verdict = n < MIN_CALLS_FOR_VERDICT || baselineRandom === null
    ? "too_few_calls"
    : lo > baselineRandom
    ? "edge"
    : hi < baselineRandom
    ? "below_baseline"
    : "no_measurable_edge";
  // the calibration is the analyst's own: fitted on its calls of this kind decided by `asOf`,
  // and only once there are enough of them to say something (else the stated value stands)
  const calibrationCalls = ownRecord ? record.length : 0;
  const calibrated = calibrationCalls >= MIN_CALLS
    ? calibrate(fitCalibration(forecastsOf(record).f), answer.confidence)
    : null;
  const fallback = Math.max(analyticBaseline(answer) ?? 0, n ? hits / n : 0);
  return {
    ...(ownRecord ? who : rules),
    stance: answer.stance,
    own_record: ownRecord,
    own_scored_calls: own.length,
    scored_calls: n,
    hit_rate: n ? hits / n : null,
    hit_rate_low: n ? lo : null,
    hit_rate_high: n ? hi : null,
    baseline_analytic: analytic.length ? mean(analytic) : null,
    baseline_random: baselineRandom,
    verdict,
    period_from: calls.map((c) => c.entry.data_date).sort()[0] ?? null,
    period_to: calls.map((c) => c.exit_date!).sort().at(-1) ?? null,
    as_of: asOf,
    calibrated_confidence: calibrated,
    calibration_calls: calibrationCalls,
    calibration_min_calls: MIN_CALLS,
    confidence_ceiling: calibrated ?? (fallback > 0 ? fallback : null),
  };
}

/**
 * Problems with an answer's confidence (empty when acceptable): above its record's ceiling by
 * more than {@link CONFIDENCE_MARGIN}.
 *
 * @example
 * ```ts
 * confidenceProblems(
 *   { stance: "BUY", confidence: 0.9 },
 *   { confidence_ceiling: 0.35, hit_rate: 0.31, scored_calls: 102 },
 * ); // ["confidence 0.9 exceeds what the track record supports (0.35 + 0.15 margin): …"]
 * ```
 */
export function confidenceProblems(
  out: Pick<AnalystOutput, "confidence" | "stance">,
  summary: Pick<TrackRecordSummary, "confidence_ceiling" | "hit_rate" | "scored_calls">,
): string[] {
  const c = summary.confidence_ceiling;
  if (c === null || out.confidence <= c + CONFIDENCE_MARGIN) return [];
  const rate = summary.hit_rate === null ? "n/a" : `${(summary.hit_rate * 100).toFixed(1)}%`;
  return [
    `confidence ${out.confidence} exceeds what the track record supports ` +
    `(${c.toFixed(2)} + ${CONFIDENCE_MARGIN} margin): ${out.stance} calls like this one came ` +
    `true ${rate} of ${summary.scored_calls} scored calls; state a confidence of at most ` +
    `${Math.min(1, c + CONFIDENCE_MARGIN).toFixed(2)}`,
  ];
}
