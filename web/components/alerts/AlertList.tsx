/**
 * The user's alerts: each with what it watches, its state and firings; pause or resume, delete
 * (asked twice) and open its history of firings and deliveries.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";
import type { AlertItem, AlertList as AlertListBody, NotifyEndpoint } from "../../lib/api_types.ts";
import { describeFailure } from "./alert_failure.ts";
import { conditionText, fmtWhen, targetText } from "./alert_text.ts";
import { AlertHistory } from "./AlertHistory.tsx";
import { cooldownText } from "./AlertOptions.tsx";
import { AlertEdit } from "./AlertEdit.tsx";

/** Props of {@link AlertList}. */
export interface AlertListProps {
  t: T;
  lang: Lang;
  list: AlertListBody;
  endpoints: NotifyEndpoint[];
  /** The user's saved screens (names of screen alerts' targets). */
  screens: { id: string; name: string }[];
  /** Called with a changed alert, or the id of a deleted one. */
  onChange: (changed: AlertItem | string) => void;
}

/** One alert's card. */
function AlertCard(
  { t, lang, a, list, endpoints, screens, onChange }: Omit<AlertListProps, "list"> & {
    a: AlertItem;
    list: AlertListBody;
  },
) {
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setStatus = async (status: "active" | "paused") => {
    setBusy(true);
    const r = await api<AlertItem>("PATCH", `/api/alerts/${a.id}`, { status });
    setBusy(false);
    if (!r.ok) return setError(describeFailure(t, r, list).general);
    setError(null);
    onChange(r.data);
  };
  const remove = async () => {
    setBusy(true);
    const r = await api("DELETE", `/api/alerts/${a.id}`);
    setBusy(false);
    if (!r.ok && r.status !== 404) return setError(describeFailure(t, r, list).general);
    onChange(a.id);
  };
  const hooks = a.endpoints.length;
  return (
    <li class="card alert-card" data-alert={a.id} data-status={a.status}>
      <div class="alert-head">
        <h3>{a.name}</h3>
        <span class={`badge state-${a.status}`}>{t(`alerts.state.${a.status}`)}</span>
      </div>
      <p class="alert-what">
        <strong>{targetText(t, a, screens)}</strong>
        {" · "}
        <span class={a.condition.type === "rule" ? "code" : ""}>
          {conditionText(t, lang, a.condition)}
        </span>
      </p>
      <p class="muted small">
        {t(`alerts.trigger.${a.trigger}`)}
        {a.cooldown ? ` · ${t("alerts.cooldownIs", { d: cooldownText(t, a.cooldown) })}` : ""}
        {a.expires_at ? ` · ${t("alerts.expiresAt", { when: fmtWhen(lang, a.expires_at) })}` : ""}
        {" · "}
        {hooks ? t("alerts.destinations", { n: hooks }) : t("alerts.inAppOnly")}
        {" · "}
        {a.fired_count
          ? t("alerts.fired", { n: a.fired_count, when: fmtWhen(lang, a.last_fired_at) })
          : t("alerts.notFired")}
      </p>
      {a.symbols.length > 1 ? <p class="muted small">{a.symbols.join(", ")}</p> : null}
      <p class="alert-actions">
        {a.status === "active"
          ? (
            <button type="button" disabled={busy} onClick={() => setStatus("paused")}>
              {t("alerts.pause")}
            </button>
          )
          : null}
        {a.status === "paused" || a.status === "triggered"
          ? (
            <button type="button" disabled={busy} onClick={() => setStatus("active")}>
              {t("alerts.resume")}
            </button>
          )
          : null}
        <button
          type="button"
          aria-expanded={editing ? "true" : "false"}
          onClick={() => setEditing(!editing)}
        >
          {t("alerts.edit")}
        </button>
        <button
          type="button"
          aria-expanded={open ? "true" : "false"}
          data-action="history"
          onClick={() => setOpen(!open)}
        >
          {t("alerts.history")}
        </button>
        {confirm
          ? (
            <span class="confirm" role="group" aria-label={t("alerts.confirmDelete")}>
              <span>{t("alerts.confirmDelete")}</span>{" "}
              <button type="button" class="danger" disabled={busy} onClick={remove}>
                {t("alerts.deleteYes")}
              </button>{" "}
              <button type="button" onClick={() => setConfirm(false)}>{t("alerts.keep")}</button>
            </span>
          )
          : <button type="button" onClick={() => setConfirm(true)}>{t("alerts.delete")}</button>}
      </p>
      {error ? <p class="notice" role="alert">{error}</p> : null}
      {editing
        ? (
          <AlertEdit
            t={t}
            alert={a}
            endpoints={endpoints}
            limit={list}
            onSaved={(changed) => [setEditing(false), onChange(changed)]}
            onCancel={() => setEditing(false)}
          />
        )
        : null}
      {open ? <AlertHistory t={t} lang={lang} alert={a} endpoints={endpoints} /> : null}
    </li>
  );
}

/** The list with the plan's usage. */
export function AlertList(p: AlertListProps) {
  const { t, list } = p;
  return (
    <section class="alerts-list" aria-labelledby="alerts-yours">
      <h2 id="alerts-yours">{t("alerts.yours")}</h2>
      <p class="muted small" data-testid="alerts-usage">
        {t("alerts.usage", { active: list.active, limit: list.limit })}
      </p>
      {list.alerts.length === 0 ? <p class="muted">{t("alerts.none")}</p> : (
        <ul class="plain">
          {list.alerts.map((a) => <AlertCard key={a.id} {...p} a={a} />)}
        </ul>
      )}
    </section>
  );
}
