import type { Lang, T } from "../../i18n/mod.ts";
import type { TrackRecordSummary } from "../../lib/api_types.ts";
import { fmtDate } from "../format.ts";
import { stanceLabel } from "../labels.ts";
import { rate, verdictClass, verdictKey } from "./track_format.ts";

/**
 * The track record beside an answer's confidence: the analyst's hit rate on this kind of call
 * with its interval, the baselines, the number of scored calls and their period, the verdict
 * and the calibrated confidence (or that the language model has no record yet).
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
            {r.calibrated_confidence !== null
              ? <p>{t("ai.track.calibrated", { value: rate(lang, r.calibrated_confidence) })}</p>
              : null}
          </>
        )
        : <p class="muted">{t("track.noCalls")}</p>}
      <a href="/track-record">{t("ai.track.link")}</a>
    </div>
  );
}
