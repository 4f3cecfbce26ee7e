/**
 * The optimisation tab: values to try per parameter, the ranking metric, walk-forward windows;
 * starts `POST /api/optimisations`, follows its progress on the job's server-sent events
 * (`progress`, then `done` or `failed`) with a progress bar, and shows the result.
 *
 * @module
 */
import { paramHelp, paramLabel } from "../param_labels.ts";
import { useState } from "preact/hooks";
import { fmtNum } from "../format.ts";
import { strategyLabel } from "../labels.ts";
import type { Lang, MessageKey, T } from "../../i18n/mod.ts";
import type { StrategyInfo } from "../../lib/api_types.ts";
import { api, errorMessage, type FieldIssue, issueFor } from "../../lib/api_error.ts";
import { type Settings, settingsBody } from "./backtest_settings.tsx";
import { Check, Field, FieldRow, Select } from "../form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../form/notice.tsx";
import { OptimisationView } from "./optimisation_result.tsx";
import type {
  OptimisationJob,
  OptimisationResultBody as OptimisationResult,
} from "@trading/shared/schemas";
import { type ParamField, parseGridValues } from "../../lib/schema_form.ts";
import { readSse } from "../../lib/sse.ts";
import { walkForwardFits } from "./walk_forward_fit.ts";

const METRICS = ["sharpe", "sortino", "calmar", "total_return", "cagr"] as const;

type Job = OptimisationJob;

/** Initial grid texts: the strategy's own grid, else the default value. */
export function initialGrid(
  fields: ParamField[],
  grid: Record<string, number[]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.kind !== "integer" && f.kind !== "number") continue;
    out[f.name] = grid[f.name]?.join(", ") ?? (f.default === undefined ? "" : String(f.default));
  }
  return out;
}

/** Follows a job's event stream; falls back to one poll when the stream ends early. */
async function follow(id: string, onProgress: (done: number, total: number) => void) {
  const res = await fetch(`/api/optimisations/${id}/events`, {
    headers: { accept: "text/event-stream" },
  });
  if (!res.ok) throw new Error((await errorMessage(res)) ?? `HTTP ${res.status}`);
  let final: Job | null = null;
  await readSse(res, (e) => {
    const data = JSON.parse(e.data);
    if (e.event === "progress") onProgress(data.done, data.total);
    else if (e.event === "done" || e.event === "failed") final = data as Job;
  });
  if (final) return final as Job;
  const poll = await api<Job>("GET", `/api/optimisations/${id}`);
  if (!poll.ok) throw new Error(poll.message ?? `HTTP ${poll.status}`);
  return poll.data;
}

/** Props of {@link OptimisePanel}. */
export interface OptimisePanelProps {
  t: T;
  lang: Lang;
  settings: Settings;
  /** The chosen strategy (not optimisable: explained, nothing to start). */
  strategy: StrategyInfo | undefined;
  fields: ParamField[];
  grid: Record<string, string>;
  setGrid: (name: string, v: string) => void;
  fixed: Record<string, unknown>;
  /** Approximate bars in the chosen range (walk-forward is on by default when it fits). */
  rangeBars: number;
  currency: string;
  onUse: (params: Record<string, unknown>) => void;
}

/** Grid, metric, walk-forward, progress, result. */
export function OptimisePanel(p: OptimisePanelProps) {
  const { t, lang, fields, grid } = p;
  const [metric, setMetric] = useState<string>("sharpe");
  const [inS, setInS] = useState("504");
  const [outS, setOutS] = useState("126");
  // null: follow the range (on when a walk-forward fits it) until the user decides
  const [wfChoice, setWf] = useState<boolean | null>(null);
  const fits = walkForwardFits(p.rangeBars, Number(inS), Number(outS));
  const wf = wfChoice ?? fits;
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [bad, setBad] = useState<string[]>([]);
  const [result, setResult] = useState<OptimisationResult | null>(null);
  const busy = progress !== null;

  const numeric = fields.filter((f) => f.kind === "integer" || f.kind === "number");
  const parsed = Object.fromEntries(
    numeric.map((f) => [f.name, parseGridValues(grid[f.name] ?? "")]),
  );
  const count = Object.values(parsed).reduce((a, v) => a * (v?.length ?? 0), 1);

  if (p.strategy && !p.strategy.optimisable) {
    return (
      <p class="notice" role="status" data-testid="opt-not-optimisable">
        {t("opt.notOptimisable", { name: strategyLabel(t, p.strategy.id, p.strategy.name) })}
      </p>
    );
  }

  const start = async (e: Event) => {
    e.preventDefault();
    const wrong = Object.entries(parsed).filter(([, v]) => v === null).map(([k]) => k);
    setBad(wrong);
    if (wrong.length) return;
    const body: Record<string, unknown> = {
      ...settingsBody(p.settings),
      grid: parsed,
      fixed: p.fixed,
      metric,
    };
    if (wf) body.walk_forward = { in_sample: Number(inS), out_of_sample: Number(outS) };
    setFailure(null);
    setIssues([]);
    setResult(null);
    const r = await api<Job>("POST", "/api/optimisations", body);
    if (!r.ok) {
      setIssues(r.details);
      return setFailure({ status: r.status, message: r.message });
    }
    setProgress({ done: r.data.done, total: r.data.total });
    try {
      const job = await follow(r.data.id, (done, total) => setProgress({ done, total }));
      if (job.status === "done" && job.result) setResult(job.result);
      else setFailure({ status: 500, message: job.error ?? t("opt.failed") });
    } catch (err) {
      setFailure({ status: 0, message: err instanceof Error ? err.message : null });
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <p class="muted">{t("opt.intro")}</p>
      <form onSubmit={start}>
        <fieldset>
          <legend>{t("opt.grid")}</legend>
          <FieldRow>
            {numeric.map((f) => (
              <Field
                key={f.name}
                id={`opt-g-${f.name}`}
                label={paramLabel(t, f.name)}
                value={grid[f.name] ?? ""}
                onInput={(v) => p.setGrid(f.name, v)}
                help={paramHelp(t, f.name, f.description)}
                error={bad.includes(f.name)
                  ? t("bt.field.nan")
                  : issueFor(issues, `grid.${f.name}`)}
                attrs={{
                  inputmode: "decimal",
                  class: "grid-input",
                  // as wide as its values: a grid list is never cut off
                  size: Math.max(20, (grid[f.name] ?? "").length + 2),
                }}
              />
            ))}
          </FieldRow>
          <p class="muted small">
            {t("opt.grid.help")} {t("opt.combinations", { n: fmtNum(lang, count, 0) })}
          </p>
        </fieldset>
        <FieldRow>
          <Select
            id="opt-metric"
            label={t("opt.metric")}
            value={metric}
            onChange={setMetric}
            options={METRICS.map((m) => ({ value: m, label: t(`bt.metric.${m}` as MessageKey) }))}
          />
        </FieldRow>
        <Check id="opt-wf" label={t("opt.walkForward")} checked={wf} onChange={setWf} />
        {!fits && p.rangeBars > 0
          ? (
            <p class="muted small" data-testid="opt-wf-short">
              {t("opt.walkForward.short", {
                bars: fmtNum(lang, p.rangeBars, 0),
                need: fmtNum(lang, Number(inS) + Number(outS), 0),
              })}
            </p>
          )
          : null}
        {wf
          ? (
            <FieldRow>
              <Field
                id="opt-in"
                type="number"
                label={t("opt.inSample")}
                value={inS}
                onInput={setInS}
                attrs={{ min: 20, max: 5000, step: 1 }}
                error={issueFor(issues, "walk_forward.in_sample")}
              />
              <Field
                id="opt-out"
                type="number"
                label={t("opt.outSample")}
                value={outS}
                onInput={setOutS}
                attrs={{ min: 5, max: 2000, step: 1 }}
                error={issueFor(issues, "walk_forward.out_of_sample")}
              />
            </FieldRow>
          )
          : null}
        <p>
          <button type="submit" class="primary" disabled={busy || count === 0}>
            {busy ? t("opt.running") : t("opt.run")}
          </button>
        </p>
        {progress
          ? (
            <div class="progress" role="status">
              <label for="opt-progress">{t("opt.progress")}</label>{" "}
              <progress id="opt-progress" max={progress.total || 1} value={progress.done} />{" "}
              <span class="small">{t("opt.progress.text", progress)}</span>
            </div>
          )
          : null}
        <div aria-live="polite">
          <ApiNotice t={t} failure={failure} />
        </div>
      </form>
      {result
        ? <OptimisationView t={t} lang={lang} r={result} currency={p.currency} onUse={p.onUse} />
        : null}
    </>
  );
}
