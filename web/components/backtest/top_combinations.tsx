/**
 * The optimiser's best combinations with a minimum-trades filter: a score resting on a handful of
 * trades is luck, so rows with fewer trades than the minimum (default 10, adjustable) are hidden
 * unless asked for, and every such row shown carries a visible warning.
 *
 * @module
 */
import { paramLabel } from "../param_labels.ts";
import { TableRegion } from "../TableRegion.tsx";
import { useState } from "preact/hooks";
import { fmtNum } from "../format.ts";
import type { Lang, T } from "../../i18n/mod.ts";
import { Check, Field, FieldRow } from "../form/fields.tsx";
import { fmtMetric } from "./backtest_metrics.tsx";
import type { OptimisationResultBody } from "@trading/shared/schemas";

/** Default minimum number of trades for a combination to count. */
export const DEFAULT_MIN_TRADES = 10;

/** One ranked row. */
export type TopRow = OptimisationResultBody["top"][number];

/** `k=v, …` of a parameter set; with `t`, the parameters' names in the UI language. */
export const paramText = (p: Record<string, unknown> | null, t?: T) =>
  p ? Object.entries(p).map(([k, v]) => `${t ? paramLabel(t, k) : k}=${v}`).join(", ") : "";

/**
 * The rows to show, in rank order: those with at least `min` trades, plus (when `showFew`) those
 * below it; at most `limit`.
 */
export function rowsToShow(rows: TopRow[], min: number, showFew: boolean, limit = 10): TopRow[] {
  return rows.filter((r) => showFew || r.metrics.trade_count >= min).slice(0, limit);
}

/** The best-combinations table with its filter. */
export function TopCombinations(
  { t, lang, rows, metricLabel, onUse }: {
    t: T;
    lang: Lang;
    rows: TopRow[];
    metricLabel: string;
    onUse: (params: Record<string, unknown>) => void;
  },
) {
  const [minText, setMinText] = useState(String(DEFAULT_MIN_TRADES));
  const [showFew, setShowFew] = useState(false);
  const min = Math.max(0, Math.floor(Number(minText) || 0));
  const shown = rowsToShow(rows, min, showFew);
  const few = rows.filter((r) => r.metrics.trade_count < min).length;
  return (
    <>
      <FieldRow>
        <Field
          id="opt-min-trades"
          type="number"
          label={t("opt.minTrades")}
          value={minText}
          onInput={setMinText}
          help={t("opt.minTrades.help")}
          attrs={{ min: 0, step: 1, inputmode: "numeric" }}
        />
      </FieldRow>
      {few > 0
        ? (
          <div class="notice few-trades" data-testid="opt-few-trades">
            <p role="status">
              {t(showFew ? "opt.fewTrades.shown" : "opt.fewTrades.hidden", { n: few, min })}
            </p>
            <Check
              id="opt-show-few"
              label={t("opt.fewTrades.show")}
              checked={showFew}
              onChange={setShowFew}
            />
          </div>
        )
        : null}
      {shown.length === 0
        ? <p class="muted" data-testid="opt-top-empty">{t("opt.top.none", { min })}</p>
        : (
          <TableRegion label={t("opt.top")}>
            <table class="data nowrap" data-testid="opt-top">
              <thead>
                <tr>
                  <th scope="col">{t("bt.params")}</th>
                  <th scope="col" class="num">{t("opt.score")} ({metricLabel})</th>
                  <th scope="col" class="num">{t("bt.metric.total_return")}</th>
                  <th scope="col" class="num">{t("bt.metric.max_drawdown")}</th>
                  <th scope="col" class="num">{t("bt.metric.trade_count")}</th>
                  <th scope="col">
                    <span class="sr-only">{t("opt.use")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => {
                  const thin = row.metrics.trade_count < min;
                  return (
                    <tr key={paramText(row.params)} data-few-trades={thin ? "true" : undefined}>
                      <th scope="row">
                        {paramText(row.params, t)}
                        {thin
                          ? (
                            <span class="badge warn" data-testid="few-trades-warning">
                              ⚠ {t("opt.fewTrades.row", { n: row.metrics.trade_count, min })}
                            </span>
                          )
                          : null}
                      </th>
                      <td class="num">{fmtNum(lang, row.score, 3)}</td>
                      <td class="num">
                        {fmtMetric(lang, "total_return", row.metrics.total_return)}
                      </td>
                      <td class="num">
                        {fmtMetric(lang, "max_drawdown", row.metrics.max_drawdown)}
                      </td>
                      <td class="num">{row.metrics.trade_count}</td>
                      <td>
                        <button
                          type="button"
                          class="link"
                          onClick={() =>
                            onUse(row.params)}
                        >
                          {t("opt.use")}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        )}
    </>
  );
}
