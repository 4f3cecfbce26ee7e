import type { Lang, T } from "../../i18n/mod.ts";
import type { AiAnalysis, TrackRecordSummary } from "../../lib/api_types.ts";
import { fmtDate } from "../format.ts";
import { stanceLabel } from "../labels.ts";
import { rate, verdictClass, verdictKey } from "./track_format.ts";

/**
 * The track record beside an answer's confidence: the analyst's hit rate on this kind of call
 * with its interval, the baselines, the number of scored calls and their period and the verdict
 * (or that the language model has no record yet). The calibrated confidence is shown beside
 * the confidence itself ({@link ConfidenceNote}).
 */
export function AnswerTrack(
  { r, t, lang }: { r: TrackRecordSummary | null | undefined; t: T; lang: Lang },
) {
  if (!r) return <p class="muted small">{t("ai.track.none")}</p>;
  return (
    <div class="answer-track small" data-testid="ai-track-record">
      <strong>{t("ai.track.title")}</strong>
      {r.own_record
        ? null
        : <p class="notice">{t("ai.track.noRecord", { n: r.own_scored_calls })}</p>}
      {r.scored_calls
        ? (
          <>
            <p>
              {t("ai.track.body", {
                stance: stanceLabel(t, r.stance),
                rate: rate(lang, r.hit_rate),
                lo: rate(lang, r.hit_rate_low),
                hi: rate(lang, r.hit_rate_high),
                n: r.scored_calls,
                from: fmtDate(lang, r.period_from),
                to: fmtDate(lang, r.period_to),
              })} {t("ai.track.baselines", {
                analytic: rate(lang, r.baseline_analytic),
                random: rate(lang, r.baseline_random),
              })} <span class={verdictClass(r.verdict)}>{t(verdictKey(r.verdict))}</span>
            </p>
          </>
        )
        : <p class="muted">{t("track.noCalls")}</p>}
      <a href="/track-record">{t("ai.track.link")}</a>
    </div>
  );
}

/**
 * What the answer's headline confidence is: the calibrated value (with the analyst's stated
 * one beside it), or the stated value marked uncalibrated with the reason (too few scored
 * calls of this kind to calibrate, or no track record).
 */
export function ConfidenceNote(
  { a, t, lang }: {
    a: Pick<AiAnalysis, "confidence_calibrated" | "stated_confidence" | "track_record">;
    t: T;
    lang: Lang;
  },
) {
  const r = a.track_record;
  const text = a.confidence_calibrated && r
    ? t("ai.track.calibrated", {
      stated: rate(lang, a.stated_confidence),
      n: r.calibration_calls,
    })
    : r
    ? t("ai.track.uncalibrated", { n: r.calibration_calls, min: r.calibration_min_calls })
    : t("ai.track.uncalibratedNoRecord");
  return (
    <span
      class={a.confidence_calibrated ? "small" : "small muted"}
      data-testid="ai-confidence-basis"
      data-calibrated={a.confidence_calibrated ? "true" : "false"}
    >
      ({text})
    </span>
  );
}
