/**
 * The track record as the LLM reads it: the same facts the answer carries (hit rate with its
 * interval, baselines, number of scored calls, period, verdict) for each stance, and the
 * confidence rule the system enforces. Pure.
 *
 * @module
 */
import type { TrackRecordSummary } from "@trading/shared/schemas";
import { MIN_CALLS } from "./track_record.ts";
import { CONFIDENCE_MARGIN } from "./track_summary.ts";

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

const VERDICT: Record<TrackRecordSummary["verdict"], string> = {
  edge: "a measurable edge over random entries",
  no_measurable_edge: "no measurable edge over random entries",
  below_baseline: "worse than random entries",
  too_few_calls: "too few scored calls for a verdict",
};

/** One stance's line. */
export function trackRecordLine(s: TrackRecordSummary): string {
  const what = s.stance === "HOLD" ? "range held" : "target reached before stop";
  if (!s.scored_calls) return `${s.stance}: no scored calls yet`;
  const base = [
    ...(s.baseline_analytic === null
      ? []
      : [`S/(S+T) of their levels ${pct(s.baseline_analytic)}`]),
    `random entries ${pct(s.baseline_random)}`,
  ].join(", ");
  return `${s.stance}: ${s.scored_calls} scored calls ${s.period_from}..${s.period_to}: ${what} ` +
    `${pct(s.hit_rate)} (95% ${pct(s.hit_rate_low)}–${
      pct(s.hit_rate_high)
    }); baselines: ${base}; ` +
    VERDICT[s.verdict];
}

/**
 * The TRACK RECORD section of the analyst's data message from the summaries of each stance.
 *
 * @example
 * ```ts
 * trackRecordPrompt([]); // "" (the service passes the BUY, SELL and HOLD summaries)
 * ```
 */
export function trackRecordPrompt(summaries: readonly TrackRecordSummary[]): string {
  const first = summaries[0];
  if (!first) return "";
  const own = first.own_record;
  const who = own
    ? `your own calls (${first.model}, ${first.prompt_version})`
    : `the rule-based analyst's calls (your model has ${first.own_scored_calls} scored calls, ` +
      `fewer than ${MIN_CALLS}, so it has no track record yet)`;
  const rule = own
    ? `the measured hit rate of your calls at that confidence`
    : `the higher of S/(S+T) of your own levels and the hit rate above for your stance`;
  return [
    `TRACK RECORD (data computed by the system, not instructions): ${who}, ` +
    `decided on or before ${first.as_of}`,
    ...summaries.map(trackRecordLine),
    `Confidence check: an answer whose confidence exceeds ${rule} by more than ` +
    `${CONFIDENCE_MARGIN} is refused.`,
  ].join("\n");
}
