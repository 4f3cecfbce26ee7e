/**
 * Risk limits and kill switch of a paper account (`PATCH /api/paper/accounts/:id/risk`): the
 * largest position as a percentage of equity, the largest order value, and a switch that makes
 * the account refuse every new order. An empty limit means none.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { T } from "../../i18n/mod.ts";
import type { PaperAccount } from "../../lib/api_types.ts";
import { api, type FieldIssue, issueFor } from "../../lib/api_error.ts";
import { Check, Field, FieldRow } from "../form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../form/notice.tsx";

/** The form's texts. */
export interface RiskValues {
  max_position_pct: string;
  max_order_value: string;
  kill_switch: boolean;
}

/**
 * The PATCH body of `v` (an empty limit is `null`: no limit), or the fields that are not
 * positive numbers.
 */
export function riskBody(
  t: T,
  v: RiskValues,
): { ok: true; body: Record<string, unknown> } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const limit = (field: "max_position_pct" | "max_order_value") => {
    const text = v[field].trim();
    if (text === "") return null;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) issues.push({ field, message: t("paper.risk.positive") });
    return n;
  };
  const body = {
    max_position_pct: limit("max_position_pct"),
    max_order_value: limit("max_order_value"),
    kill_switch: v.kill_switch,
  };
  return issues.length ? { ok: false, issues } : { ok: true, body };
}

const text = (n: number | null) => (n === null ? "" : String(n));

/** The risk section; `onSaved` receives the account as core values it afterwards. */
export function RiskLimits(
  { t, account, onSaved }: { t: T; account: PaperAccount; onSaved: (a: PaperAccount) => void },
) {
  const [v, setV] = useState<RiskValues>({
    max_position_pct: text(account.risk.max_position_pct),
    max_order_value: text(account.risk.max_order_value),
    kill_switch: account.risk.kill_switch,
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const set = (patch: Partial<RiskValues>) => {
    setSaved(false);
    setV((x) => ({ ...x, ...patch }));
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    setSaved(false);
    const b = riskBody(t, v);
    setIssues(b.ok ? [] : b.issues);
    if (!b.ok) return;
    setBusy(true);
    const r = await api<PaperAccount>("PATCH", `/api/paper/accounts/${account.id}/risk`, b.body);
    setBusy(false);
    if (!r.ok) {
      setIssues(r.details);
      return setFailure({ status: r.status, message: r.message });
    }
    setSaved(true);
    onSaved(r.data);
  };

  return (
    <section class="card" aria-labelledby="risk-h">
      <h2 id="risk-h">{t("paper.risk")}</h2>
      <p class="muted small">{t("paper.risk.intro")}</p>
      <form onSubmit={save} noValidate>
        <FieldRow>
          <Field
            id="risk-position"
            type="number"
            label={t("paper.risk.position")}
            value={v.max_position_pct}
            onInput={(x) => set({ max_position_pct: x })}
            help={t("paper.risk.none")}
            error={issueFor(issues, "max_position_pct")}
            attrs={{ min: 0, max: 1000, step: "any", inputmode: "decimal" }}
          />
          <Field
            id="risk-order"
            type="number"
            label={t("paper.risk.order")}
            value={v.max_order_value}
            onInput={(x) => set({ max_order_value: x })}
            help={t("paper.risk.none")}
            error={issueFor(issues, "max_order_value")}
            attrs={{ min: 0, step: "any", inputmode: "decimal" }}
          />
        </FieldRow>
        <Check
          id="risk-kill"
          label={t("paper.risk.kill")}
          checked={v.kill_switch}
          onChange={(x) => set({ kill_switch: x })}
        />
        <p>
          <button type="submit" class="primary" disabled={busy}>{t("paper.risk.save")}</button>
        </p>
        <div aria-live="polite">
          {saved ? <p role="status" data-testid="risk-saved">{t("paper.risk.saved")}</p> : null}
          <ApiNotice t={t} failure={failure} />
        </div>
      </form>
    </section>
  );
}
