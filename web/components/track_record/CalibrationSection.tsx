import { TableRegion } from "../TableRegion.tsx";
import type { TrackCalibration } from "../../lib/api_types.ts";
import { fmtNum } from "../format.ts";
import { usePage } from "../page_context.ts";
import { ReliabilityChart } from "./ReliabilityChart.tsx";
import { bucketLabel, rate } from "./track_format.ts";

/** Brier scores, the reliability chart and table of one analyst's calls of one kind. */
export function CalibrationSection({ c, name }: { c: TrackCalibration; name: string }) {
  const { t, lang } = usePage();
  const kind = t(c.kind === "directional" ? "track.directional" : "stance.hold");
  const title = `${name} · ${kind}`;
  return (
    <section class="card calibration" aria-label={title}>
      <h3>{title}</h3>
      <p class="small">
        {t("track.brier", {
          stated: fmtNum(lang, c.brier_stated, 3),
          baseline: fmtNum(lang, c.brier_baseline, 3),
        })} {c.oos_calls
          ? t("track.brierOos", {
            year: c.first_oos_year ?? "",
            n: c.oos_calls,
            stated: fmtNum(lang, c.brier_stated_oos, 3),
            calibrated: fmtNum(lang, c.brier_calibrated_oos, 3),
          })
          : null}
      </p>
      <ReliabilityChart c={c} title={t("track.chart.reliability", { name: title })} />
      <TableRegion label={t("track.chart.reliability", { name: title })}>
        <table class="data">
          <caption class="sr-only">{t("track.reliabilityTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("track.col.bucket")}</th>
              <th scope="col" class="num">{t("track.col.n")}</th>
              <th scope="col" class="num">{t("track.col.stated")}</th>
              <th scope="col" class="num">{t("track.col.observed")}</th>
              <th scope="col" class="num">{t("track.col.bucketBaseline")}</th>
              <th scope="col" class="num">{t("track.col.calibrated")}</th>
            </tr>
          </thead>
          <tbody>
            {c.buckets.filter((b) => b.n > 0).map((b) => (
              <tr key={b.lo}>
                <th scope="row" class="nowrap">{bucketLabel(b)}</th>
                <td class="num">{b.n}</td>
                <td class="num">{rate(lang, b.stated)}</td>
                <td class="num">
                  {rate(lang, b.observed)}
                  <span class="block small muted">
                    {rate(lang, b.observed_low)}–{rate(lang, b.observed_high)}
                  </span>
                </td>
                <td class="num">{rate(lang, b.baseline)}</td>
                <td class="num">{rate(lang, b.calibrated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
