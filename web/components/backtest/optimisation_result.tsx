/**
 * An optimisation's result: the summary, the heat-map, the best combinations (each can be
 * backtested in one click; those below the minimum number of trades hidden or flagged) and the walk-forward windows with the stitched out-of-sample metrics.
 *
 * @module
 */
import { TableRegion } from "../TableRegion.tsx";
import { fmtDate, fmtNum } from "../format.ts";
import type { Lang, MessageKey, T } from "../../i18n/mod.ts";
import { fmtMetric, MetricsTable } from "./backtest_metrics.tsx";
import { Heatmap } from "./heatmap.tsx";
import { paramText, TopCombinations } from "./top_combinations.tsx";
import type { OptimisationResultBody } from "@trading/shared/schemas";

/** The `result` of a finished optimisation job (the wire type from shared/schemas). */
export type OptimisationResult = OptimisationResultBody;

/** The result view. */
export function OptimisationView(
  { t, lang, r, currency, onUse }: {
    t: T;
    lang: Lang;
    r: OptimisationResult;
    currency: string;
    onUse: (params: Record<string, unknown>) => void;
  },
) {
  const metricLabel = t(`bt.metric.${r.metric}` as MessageKey);
  return (
    <section aria-labelledby="opt-res-h" data-testid="opt-result">
      <h2 id="opt-res-h">{t("bt.results")}</h2>
      <p class="muted small">
        {t("opt.summary", {
          n: r.combinations,
          skipped: r.skipped,
          from: fmtDate(lang, r.from),
          to: fmtDate(lang, r.to),
        })}
      </p>
      {r.heatmap
        ? (
          <>
            <h3>{t("opt.heatmap")} · {metricLabel}</h3>
            <Heatmap t={t} lang={lang} map={r.heatmap} />
          </>
        )
        : null}
      <h3>{t("opt.top")}</h3>
      <TopCombinations t={t} lang={lang} rows={r.top} metricLabel={metricLabel} onUse={onUse} />
      {r.walk_forward ? <WalkForwardView t={t} lang={lang} r={r} currency={currency} /> : null}
    </section>
  );
}

function WalkForwardView(
  { t, lang, r, currency }: { t: T; lang: Lang; r: OptimisationResult; currency: string },
) {
  const wf = r.walk_forward!;
  return (
    <>
      <h3>{t("opt.wf.title")}</h3>
      <TableRegion label={t("opt.wf.title")}>
        <table class="data" data-testid="wf-segments">
          <caption class="muted small">{t("opt.wf.segments")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("opt.wf.is")}</th>
              <th scope="col">{t("opt.wf.oos")}</th>
              <th scope="col">{t("opt.wf.chosen")}</th>
              <th scope="col" class="num">{t("opt.score")}</th>
              <th scope="col" class="num">{t("bt.metric.total_return")}</th>
            </tr>
          </thead>
          <tbody>
            {wf.segments.map((s) => (
              <tr key={s.oos_from}>
                <td>{fmtDate(lang, s.is_from)} – {fmtDate(lang, s.is_to)}</td>
                <td>{fmtDate(lang, s.oos_from)} – {fmtDate(lang, s.oos_to)}</td>
                <td>{s.params ? paramText(s.params, t) : t("opt.wf.none")}</td>
                <td class="num">{fmtNum(lang, s.is_score, 3)}</td>
                <td class="num">{fmtMetric(lang, "total_return", s.oos.total_return)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h3>{t("opt.wf.stitched")}</h3>
      <MetricsTable t={t} lang={lang} m={wf.metrics} b={null} currency={currency} />
    </>
  );
}
