/**
 * The fields of an alert's condition: a price level, a % move over N bars, a rule (the rule
 * editor, loaded on demand), a pattern or a signal.
 *
 * @module
 */
import type { Lang, T } from "../../i18n/mod.ts";
import { Field, FieldRow, Select } from "../form/fields.tsx";
import { RuleEditor, type RuleProblem } from "../rule_editor/RuleEditor.tsx";
import { candleLabel, patternLabel, signalLabel } from "../labels.ts";
import { fmtPrice } from "../format.ts";
import type { AlertDraft, AlertKind } from "./alert_draft.ts";

/** Props of {@link ConditionFields}. */
export interface ConditionFieldsProps {
  t: T;
  lang: Lang;
  draft: AlertDraft;
  set: (patch: Partial<AlertDraft>) => void;
  /** Message of each form field that has a problem. */
  errors: Record<string, string>;
  /** Chart-pattern kinds (confirmed) and candlestick kinds. */
  patterns: { chart: string[]; candles: string[] };
  /** Signal names. */
  signals: string[];
  /** Last close of the symbol, when the form was opened from its page. */
  lastPrice?: number | null | undefined;
  /** The server's problem with the rule (with its span), if it refused it. */
  ruleProblem?: RuleProblem | null;
  /** Bumped when the rule was replaced from outside (a saved screen). */
  revision?: number;
}

const KINDS: AlertKind[] = ["price", "pct_move", "rule", "pattern", "signal"];

/** The condition select and the fields of the chosen condition. */
export function ConditionFields(
  { t, lang, draft, set, errors, patterns, signals, lastPrice, ruleProblem, revision = 0 }:
    ConditionFieldsProps,
) {
  const direction = (
    <Select
      id="alert-direction"
      label={t("alerts.direction")}
      value={draft.direction}
      onChange={(v) => set({ direction: v as AlertDraft["direction"] })}
      options={(["up", "down", "either"] as const).map((d) => ({
        value: d,
        label: t(`alerts.dir.${d}`),
      }))}
    />
  );
  return (
    <>
      <FieldRow>
        <Select
          id="alert-kind"
          label={t("alerts.kind")}
          value={draft.kind}
          onChange={(v) => set({ kind: v as AlertKind })}
          options={KINDS.map((k) => ({ value: k, label: t(`alerts.kind.${k}`) }))}
        />
        {draft.kind === "price"
          ? (
            <>
              {direction}
              <Field
                id="alert-level"
                type="number"
                label={t("alerts.level")}
                value={draft.level}
                onInput={(level) => set({ level })}
                error={errors.level}
                help={lastPrice ? t("alerts.levelHelp", { price: fmtPrice(lang, lastPrice) }) : ""}
                attrs={{ min: 0, step: "any", inputmode: "decimal" }}
              />
            </>
          )
          : null}
        {draft.kind === "pct_move"
          ? (
            <>
              {direction}
              <Field
                id="alert-pct"
                type="number"
                label={t("alerts.pct")}
                value={draft.pct}
                onInput={(pct) => set({ pct })}
                error={errors.pct}
                attrs={{ min: 0, max: 1000, step: "any", inputmode: "decimal" }}
              />
              <Field
                id="alert-bars"
                type="number"
                label={t("alerts.bars")}
                value={draft.bars}
                onInput={(bars) => set({ bars })}
                error={errors.bars}
                help={t("alerts.barsHelp")}
                attrs={{ min: 1, max: 250, step: 1, inputmode: "numeric" }}
              />
            </>
          )
          : null}
        {draft.kind === "pattern"
          ? (
            <Select
              id="alert-pattern"
              label={t("alerts.pattern")}
              value={draft.pattern}
              onChange={(pattern) => set({ pattern })}
              options={[
                ...patterns.chart.map((k) => ({ value: k, label: patternLabel(t, k) })),
                ...patterns.candles.map((k) => ({
                  value: k,
                  label: `${candleLabel(t, k)} · ${t("alerts.candle")}`,
                })),
              ]}
              help={t("alerts.patternHelp")}
            />
          )
          : null}
        {draft.kind === "signal"
          ? (
            <Select
              id="alert-signal"
              label={t("alerts.signal")}
              value={draft.signal}
              onChange={(signal) => set({ signal })}
              options={signals.map((s) => ({ value: s, label: signalLabel(t, s) }))}
            />
          )
          : null}
      </FieldRow>
      {draft.kind === "rule"
        ? (
          <RuleEditor
            id="alert-rule"
            label={t("alerts.rule")}
            value={draft.rule}
            onChange={(rule) => set({ rule })}
            problem={ruleProblem ?? (errors.rule ? { message: errors.rule } : null)}
            revision={revision}
            placeholder="rsi(14) crosses_above 30"
            help={t("alerts.ruleHelp")}
          />
        )
        : null}
    </>
  );
}
