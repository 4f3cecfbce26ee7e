/**
 * The backtest tab: the strategy's parameters, exits, the run button and the result.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import type { BacktestResultBody } from "../../lib/api_types.ts";
import { api, type FieldIssue, issueFor } from "../../lib/api_error.ts";
import { BacktestResult } from "./backtest_result.tsx";
import { ParamFields, type Settings, settingsBody } from "./backtest_settings.tsx";
import { Check, Field, FieldRow } from "../form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../form/notice.tsx";
import { type FieldProblem, type ParamField, readParams } from "../../lib/schema_form.ts";
import { riskBody, type RiskField, RiskLimitsFields } from "./risk_limits.tsx";

const EXITS = [
  ["stop_loss_pct", "bt.stopLoss"],
  ["take_profit_pct", "bt.takeProfit"],
  ["trailing_stop_pct", "bt.trailing"],
  ["max_holding_bars", "bt.maxHold"],
] as const;

/** Props of {@link RunPanel}. */
export interface RunPanelProps {
  t: T;
  lang: Lang;
  settings: Settings;
  fields: ParamField[];
  values: Record<string, string | boolean>;
  setValue: (name: string, v: string | boolean) => void;
  currency: string;
  /** A strategy's name in the UI language, from its id. */
  strategyName: (id: string) => string;
}

/** Parameters, exits, risk limits, run, result. */
export function RunPanel(
  { t, lang, settings, fields, values, setValue, currency, strategyName }: RunPanelProps,
) {
  const [exits, setExits] = useState<Record<string, string>>({});
  const [risk, setRisk] = useState<Partial<Record<RiskField, string>>>({});
  const [short, setShort] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [result, setResult] = useState<BacktestResultBody | null>(null);

  const run = async (e: Event) => {
    e.preventDefault();
    const { params, problems } = readParams(fields, values);
    setProblems(problems);
    if (problems.length) return;
    const body: Record<string, unknown> = { ...settingsBody(settings), params, allow_short: short };
    for (const [k] of EXITS) if (exits[k]) body[k] = Number(exits[k]);
    Object.assign(body, riskBody(risk));
    setBusy(true);
    setFailure(null);
    setIssues([]);
    const r = await api<BacktestResultBody>("POST", "/api/backtests", body);
    setBusy(false);
    if (r.ok) return setResult(r.data);
    setIssues(r.details);
    setFailure({ status: r.status, message: r.message });
  };

  return (
    <>
      <form onSubmit={run} aria-describedby="bt-run-note" noValidate>
        <fieldset>
          <legend>{t("bt.params")}</legend>
          <ParamFields
            t={t}
            idPrefix="bt-p"
            fields={fields}
            values={values}
            set={setValue}
            problems={problems}
            issues={issues}
          />
        </fieldset>
        <details>
          <summary>{t("bt.exits")}</summary>
          <FieldRow>
            {EXITS.map(([k, key]) => (
              <Field
                key={k}
                id={`bt-${k}`}
                type="number"
                label={t(key)}
                value={exits[k] ?? ""}
                onInput={(v) => setExits((x) => ({ ...x, [k]: v }))}
                attrs={{
                  min: k === "max_holding_bars" ? 1 : 0.01,
                  step: k === "max_holding_bars" ? 1 : "any",
                  placeholder: t("bt.optional"),
                }}
                error={issueFor(issues, k)}
              />
            ))}
          </FieldRow>
          <Check id="bt-short" label={t("bt.allowShort")} checked={short} onChange={setShort} />
        </details>
        <RiskLimitsFields
          t={t}
          values={risk}
          set={(k, v) => setRisk((x) => ({ ...x, [k]: v }))}
          issues={issues}
        />
        <p>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t("bt.running") : t("bt.run")}
          </button>
        </p>
        <div id="bt-run-note" aria-live="polite">
          <ApiNotice t={t} failure={failure} />
        </div>
      </form>
      {result
        ? (
          <BacktestResult
            r={result}
            t={t}
            lang={lang}
            currency={currency}
            strategyName={strategyName}
          />
        )
        : null}
    </>
  );
}
