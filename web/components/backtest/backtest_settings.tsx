/**
 * The settings shared by a backtest and an optimisation: symbol, strategy, date range, cash and
 * costs; and the parameter fields generated from the strategy's JSON schema.
 *
 * @module
 */
import { paramHelp, paramLabel, paramOptionLabel, strategyAbout } from "../param_labels.ts";
import type { MessageKey, T } from "../../i18n/mod.ts";
import type { StrategyInfo, SymbolInfo } from "../../lib/api_types.ts";
import { RuleEditor } from "../rule_editor/RuleEditor.tsx";
import { type FieldIssue, issueFor, ruleIssueFor } from "../../lib/api_error.ts";
import { Field, FieldRow, Select } from "../form/fields.tsx";
import { strategyLabel } from "../labels.ts";
import type { FieldProblem, ParamField } from "../../lib/schema_form.ts";

/** Text parameters of the `rule` strategy, edited with the rule editor. */
const RULE_FIELDS = ["entry", "exit", "short_entry", "short_exit"];

/**
 * A symbol the lab offers (the fields of `GET /symbols` it reads) and the bar intervals it has
 * data at (`GET /api/symbols/:symbol/intervals`; daily, weekly and monthly when unknown).
 */
export type LabSymbol = Pick<SymbolInfo, "symbol" | "name" | "currency" | "first" | "last"> & {
  intervals?: string[];
};

/**
 * Bar intervals the lab offers: intraday where the symbol has such bars (stored, bundled or
 * aggregated by session), daily, and weekly and monthly aggregated from it (a strategy decides
 * at each bar's close; a week or month not over in the data is left out).
 */
export const LAB_INTERVALS: readonly string[] = ["1m", "5m", "15m", "30m", "1h", "1d", "1w", "1mo"];

/** Intervals every symbol with daily bars has. */
export const CALENDAR_ONLY: readonly string[] = ["1d", "1w", "1mo"];

/** The intervals `sym` can be backtested at. */
export function intervalsOf(sym: LabSymbol | undefined): readonly string[] {
  return sym?.intervals ?? CALENDAR_ONLY;
}

/** The shared settings, as typed in the form. */
export interface Settings {
  symbol: string;
  strategy: string;
  /** Bar interval (`1m` … `1h`, `1d`, `1w`, `1mo`). */
  interval: string;
  from: string;
  to: string;
  cash: string;
  fee_bps: string;
  slippage_bps: string;
}

/** The request fields of `settings` (empty dates left out: the whole history). */
export function settingsBody(s: Settings): Record<string, unknown> {
  const body: Record<string, unknown> = {
    symbol: s.symbol,
    strategy: s.strategy,
    cash: Number(s.cash),
    fee_bps: Number(s.fee_bps || 0),
    slippage_bps: Number(s.slippage_bps || 0),
  };
  if (s.from) body.from = s.from;
  if (s.to) body.to = s.to;
  if (s.interval && s.interval !== "1d") body.interval = s.interval;
  return body;
}

/**
 * The strategy picker's options. While optimising, strategies the optimiser cannot evaluate
 * (`optimisable: false`) are disabled and marked, so they cannot be picked for a grid search.
 */
export function strategyOptions(
  t: T,
  strategies: StrategyInfo[],
  optimising: boolean,
): { value: string; label: string; disabled?: boolean }[] {
  return strategies.map((x) => {
    const name = strategyLabel(t, x.id, x.name);
    return optimising && !x.optimisable
      ? { value: x.id, label: t("opt.notOptimisable.option", { name }), disabled: true }
      : { value: x.id, label: name };
  });
}

/** Symbol, strategy, dates, cash and costs. */
export function SettingsFields(
  { t, s, set, symbols, strategies, issues, optimising = false }: {
    t: T;
    s: Settings;
    set: (patch: Partial<Settings>) => void;
    symbols: LabSymbol[];
    strategies: StrategyInfo[];
    issues: FieldIssue[];
    /** The optimise tab is open: non-optimisable strategies cannot be picked. */
    optimising?: boolean;
  },
) {
  const sym = symbols.find((x) => x.symbol === s.symbol);
  const strat = strategies.find((x) => x.id === s.strategy);
  const dateAttrs = { min: sym?.first ?? undefined, max: sym?.last ?? undefined };
  return (
    <>
      <FieldRow>
        <Select
          id="bt-symbol"
          label={t("bt.symbol")}
          value={s.symbol}
          onChange={(v) => set({ symbol: v })}
          options={symbols.map((x) => ({ value: x.symbol, label: `${x.symbol} · ${x.name}` }))}
          error={issueFor(issues, "symbol")}
        />
        <Select
          id="bt-strategy"
          label={t("bt.strategy")}
          value={s.strategy}
          onChange={(v) => set({ strategy: v })}
          options={strategyOptions(t, strategies, optimising)}
          help={strat ? strategyAbout(t, strat.id, strat.description) : undefined}
          error={issueFor(issues, "strategy")}
        />
        <Select
          id="bt-interval"
          label={t("interval.label")}
          value={s.interval}
          onChange={(v) => set({ interval: v })}
          options={LAB_INTERVALS.map((i) => ({
            value: i,
            label: t(`interval.${i}.long` as "interval.1d.long"),
            // intervals the symbol has no bars at are shown, not offered (as on the symbol page)
            ...(intervalsOf(sym).includes(i) ? {} : { disabled: true }),
          }))}
          error={issueFor(issues, "interval")}
        />
      </FieldRow>
      <FieldRow>
        <Field
          id="bt-from"
          type="date"
          label={t("bt.from")}
          value={s.from}
          onInput={(v) => set({ from: v })}
          attrs={dateAttrs}
          error={issueFor(issues, "from")}
        />
        <Field
          id="bt-to"
          type="date"
          label={t("bt.to")}
          value={s.to}
          onInput={(v) => set({ to: v })}
          attrs={dateAttrs}
          error={issueFor(issues, "to")}
        />
        <Field
          id="bt-cash"
          type="number"
          label={t("bt.cash")}
          value={s.cash}
          onInput={(v) => set({ cash: v })}
          attrs={{ min: 1, step: "any", required: true }}
          error={issueFor(issues, "cash")}
        />
        <Field
          id="bt-fee"
          type="number"
          label={t("bt.fee")}
          value={s.fee_bps}
          onInput={(v) => set({ fee_bps: v })}
          attrs={{ min: 0, max: 1000, step: "any" }}
          error={issueFor(issues, "fee_bps")}
        />
        <Field
          id="bt-slip"
          type="number"
          label={t("bt.slippage")}
          value={s.slippage_bps}
          onInput={(v) => set({ slippage_bps: v })}
          attrs={{ min: 0, max: 1000, step: "any" }}
          error={issueFor(issues, "slippage_bps")}
        />
      </FieldRow>
    </>
  );
}

/** The message of a problem found before sending. */
export function problemText(t: T, f: ParamField, p: FieldProblem | undefined): string | null {
  if (!p) return null;
  const n = p.reason === "min" ? f.min : p.reason === "max" ? f.max : undefined;
  return t(`bt.field.${p.reason}` as MessageKey, n === undefined ? undefined : { n });
}

/** The strategy's parameters as inputs generated from its schema. */
export function ParamFields(
  { t, idPrefix, fields, values, set, problems, issues }: {
    t: T;
    idPrefix: string;
    fields: ParamField[];
    values: Record<string, string | boolean>;
    set: (name: string, v: string | boolean) => void;
    problems: FieldProblem[];
    issues: FieldIssue[];
  },
) {
  return (
    <FieldRow>
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`;
        const error = problemText(t, f, problems.find((p) => p.name === f.name)) ??
          issueFor(issues, `params.${f.name}`);
        if (f.kind === "text" && RULE_FIELDS.includes(f.name)) {
          return (
            <RuleEditor
              key={f.name}
              id={id}
              label={paramLabel(t, f.name)}
              value={String(values[f.name] ?? "")}
              onChange={(v) => set(f.name, v)}
              problem={ruleIssueFor(issues, `params.${f.name}`) ??
                (error ? { message: error } : null)}
              help={paramHelp(t, f.name, f.description) ?? t("bt.ruleHelp")}
            />
          );
        }
        if (f.kind === "boolean") {
          return (
            <label key={f.name} class="check" for={id}>
              <input
                id={id}
                type="checkbox"
                checked={values[f.name] === true}
                onChange={(e) => set(f.name, (e.target as HTMLInputElement).checked)}
              />
              <span>{paramLabel(t, f.name)}</span>
            </label>
          );
        }
        if (f.kind === "enum") {
          return (
            <Select
              key={f.name}
              id={id}
              label={paramLabel(t, f.name)}
              value={String(values[f.name] ?? f.default ?? "")}
              onChange={(v) => set(f.name, v)}
              options={(f.options ?? []).map((o) => ({
                value: o,
                label: paramOptionLabel(t, f.name, o),
              }))}
              help={paramHelp(t, f.name, f.description)}
              error={error}
            />
          );
        }
        return (
          <Field
            key={f.name}
            id={id}
            type={f.kind === "text" ? "text" : "number"}
            label={paramLabel(t, f.name)}
            value={String(values[f.name] ?? "")}
            onInput={(v) => set(f.name, v)}
            help={paramHelp(t, f.name, f.description)}
            error={error}
            attrs={{
              min: f.min,
              max: f.max,
              step: f.step,
              placeholder: f.default === undefined ? undefined : String(f.default),
              required: f.required,
            }}
          />
        );
      })}
    </FieldRow>
  );
}
