/**
 * The lab's optional risk limits (a paper account's: max order value, max position as a percent
 * of equity): the fieldset of the backtest form, the request fields it adds, and the line of the
 * result that says which limits ran and how many orders they refused.
 *
 * @module
 */
import type { Lang, T } from "../../i18n/mod.ts";
import type { BacktestResultBody } from "../../lib/api_types.ts";
import { type FieldIssue, issueFor } from "../../lib/api_error.ts";
import { Field, FieldRow } from "../form/fields.tsx";
import { fmtMoney, fmtNum } from "../format.ts";

/** The wire fields of the risk limits, with their labels. */
export const RISK_FIELDS = [
  ["max_order_value", "bt.risk.order"],
  ["max_position_pct", "bt.risk.position"],
] as const;

/** A risk limit's wire name. */
export type RiskField = (typeof RISK_FIELDS)[number][0];

/**
 * The request fields of the typed limits: empty ones are left out (no limit); anything else is
 * sent as a number for the API to check (a 422 names the field).
 *
 * @example
 * ```ts
 * riskBody({ max_order_value: "25000", max_position_pct: "" }); // { max_order_value: 25000 }
 * ```
 */
export function riskBody(values: Partial<Record<RiskField, string>>): Record<string, number> {
  const body: Record<string, number> = {};
  for (const [k] of RISK_FIELDS) {
    const v = values[k]?.trim();
    if (v) body[k] = Number(v);
  }
  return body;
}

/** The optional "Risk limits" fieldset of the backtest form. */
export function RiskLimitsFields(
  { t, values, set, issues }: {
    t: T;
    values: Partial<Record<RiskField, string>>;
    set: (k: RiskField, v: string) => void;
    issues: FieldIssue[];
  },
) {
  return (
    <details data-testid="bt-risk">
      <summary>{t("bt.risk")}</summary>
      <p class="muted small" id="bt-risk-intro">{t("bt.risk.intro")}</p>
      <FieldRow>
        {RISK_FIELDS.map(([k, key]) => (
          <Field
            key={k}
            id={`bt-${k}`}
            type="number"
            label={t(key)}
            value={values[k] ?? ""}
            onInput={(v) => set(k, v)}
            attrs={{
              min: 0.01,
              max: k === "max_position_pct" ? 1000 : undefined,
              step: "any",
              placeholder: t("bt.optional"),
            }}
            error={issueFor(issues, k)}
          />
        ))}
      </FieldRow>
    </details>
  );
}

/** The limits a result ran with and the orders they refused; nothing when it ran without. */
export function RiskSummary(
  { t, lang, r, currency }: { t: T; lang: Lang; r: BacktestResultBody; currency: string },
) {
  const risk = r.risk;
  if (!risk || (risk.max_order_value === null && risk.max_position_pct === null)) return null;
  const parts: string[] = [];
  if (risk.max_order_value !== null) {
    parts.push(`${t("bt.risk.order")} ${fmtMoney(lang, risk.max_order_value, currency)}`);
  }
  if (risk.max_position_pct !== null) {
    parts.push(`${t("bt.risk.position")} ${fmtNum(lang, risk.max_position_pct)}`);
  }
  return (
    <p class="muted small" data-testid="bt-risk-summary">
      {t("bt.risk")}: {parts.join(" · ")} ·{" "}
      {t("bt.risk.refused", { n: r.rejected_orders?.length ?? 0 })}
    </p>
  );
}
