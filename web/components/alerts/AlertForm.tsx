/**
 * The "new alert" form: what to watch (a symbol, a list filled by hand or from the watchlist, or
 * the symbols a saved screen matches), the condition, the trigger mode, expiry and quiet time,
 * and where to send it.
 *
 * @module
 */
import { useEffect, useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";
import type { AlertItem, NotifyEndpoint } from "../../lib/api_types.ts";
import { loadWatchlist } from "../../lib/watchlist_store.ts";
import { Field, FieldRow, Select } from "../form/fields.tsx";
import { signInHref } from "../form/notice.tsx";
import { alertBody, type AlertDraft, MAX_ALERT_SYMBOLS } from "./alert_draft.ts";
import { type AlertFailure, type AlertLimit, describeFailure } from "./alert_failure.ts";
import { ConditionFields } from "./ConditionFields.tsx";
import { defaultName } from "./alert_text.ts";
import { EndpointChecks, TimingFields } from "./AlertOptions.tsx";

/** Props of {@link AlertForm}. */
export interface AlertFormProps {
  t: T;
  lang: Lang;
  /** The form as the page was opened (prefilled from the link). */
  initial: AlertDraft;
  endpoints: NotifyEndpoint[];
  /** Every stored symbol (suggestions). */
  symbols: string[];
  /** The user's saved screens. */
  screens: { id: string; name: string }[];
  patterns: { chart: string[]; candles: string[] };
  signals: string[];
  lastPrice?: number | null | undefined;
  limit: AlertLimit;
  onCreated: (a: AlertItem) => void;
}

/** The form. */
export function AlertForm(p: AlertFormProps) {
  const { t } = p;
  const [d, setD] = useState<AlertDraft>(p.initial);
  const [failure, setFailure] = useState<AlertFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const set = (patch: Partial<AlertDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const errors = failure?.fields ?? {};
  useEffect(() => setFailure(null), [d.kind, d.target]);

  // the alerts page is for signed-in users: their account's watchlist
  const fromWatchlist = async () => {
    const { symbols } = await loadWatchlist(true, { api });
    if (symbols.length === 0) return setNote(t("alerts.watchlistEmpty"));
    set({ target: "list", list: symbols.slice(0, MAX_ALERT_SYMBOLS).join(", ") });
    setNote(t("alerts.listFilled", { n: Math.min(symbols.length, MAX_ALERT_SYMBOLS) }));
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setNote("");
    const built = alertBody(d, Date.now());
    if (!built.ok) {
      const fields: Record<string, string> = {};
      for (const i of built.issues) fields[i.field] ??= t(i.key);
      return setFailure({ fields, rule: null, general: null, status: 422 });
    }
    setBusy(true);
    const body = { name: defaultName(t, p.lang, built.body, p.screens), ...built.body };
    const r = await api<AlertItem>("POST", "/api/alerts", body);
    setBusy(false);
    if (!r.ok) return setFailure(describeFailure(t, r, p.limit));
    setFailure(null);
    setNote(t("alerts.created", { name: r.data.name }));
    set({ name: "" }); // the next alert gets its own name
    p.onCreated(r.data);
  };

  return (
    <form class="card alert-form" onSubmit={submit} aria-labelledby="alert-new" noValidate>
      <h2 id="alert-new">{t("alerts.new")}</h2>
      <FieldRow>
        <Select
          id="alert-target"
          label={t("alerts.target")}
          value={d.target}
          onChange={(v) => set({ target: v as AlertDraft["target"] })}
          options={[
            { value: "symbol", label: t("alerts.target.symbol") },
            { value: "list", label: t("alerts.target.list") },
            { value: "screen", label: t("alerts.target.screen") },
          ]}
        />
        {d.target === "screen"
          ? (
            <Select
              id="alert-screen"
              label={t("alerts.screen")}
              value={d.screen}
              onChange={(screen) => set({ screen })}
              options={[
                { value: "", label: t("alerts.screenPick"), disabled: true },
                ...p.screens.map((s) => ({ value: s.id, label: s.name })),
              ]}
              help={p.screens.length ? t("alerts.screenHelp") : t("alerts.noScreens")}
              error={errors.screen}
            />
          )
          : d.target === "symbol"
          ? (
            <Field
              id="alert-symbol"
              label={t("alerts.symbol")}
              value={d.symbol}
              onInput={(symbol) => set({ symbol })}
              error={errors.symbol}
              attrs={{ list: "alert-symbols", autocomplete: "off", placeholder: "AAPL" }}
            />
          )
          : (
            <Field
              id="alert-list"
              label={t("alerts.list")}
              value={d.list}
              onInput={(list) => set({ list })}
              error={errors.list}
              help={t("alerts.listHelp", { n: MAX_ALERT_SYMBOLS })}
              attrs={{ placeholder: "AAPL, MSFT, 2330.TW" }}
            />
          )}
        <Field
          id="alert-name"
          label={t("alerts.name")}
          value={d.name}
          onInput={(name) => set({ name })}
          attrs={{ maxLength: 100 }}
        />
      </FieldRow>
      <datalist id="alert-symbols">
        {p.symbols.map((s) => <option key={s} value={s} />)}
      </datalist>
      <p class="alert-fill" hidden={d.target !== "list"}>
        <button type="button" onClick={() => void fromWatchlist()}>
          {t("alerts.fromWatchlist")}
        </button>
      </p>
      <ConditionFields
        t={t}
        lang={p.lang}
        draft={d}
        set={set}
        errors={errors}
        patterns={p.patterns}
        signals={p.signals}
        lastPrice={p.lastPrice}
        ruleProblem={failure?.rule ?? null}
      />
      <TimingFields
        t={t}
        id="alert"
        trigger={d.trigger}
        expires={d.expires}
        cooldown={d.cooldown}
        set={set}
        expiresError={errors.expires}
      />
      <EndpointChecks
        t={t}
        id="alert"
        endpoints={p.endpoints}
        chosen={d.endpoints}
        onChange={(endpoints) => set({ endpoints })}
        error={errors.endpoints}
      />
      <p>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t("alerts.creating") : t("alerts.create")}
        </button>
      </p>
      <div aria-live="polite">
        {failure?.general
          ? (
            <p class="notice" role="alert" data-status={failure.status}>
              {failure.general}{" "}
              {failure.status === 401 ? <a href={signInHref()}>{t("error.signin.link")}</a> : null}
            </p>
          )
          : null}
        {note ? <p class="muted small" role="status">{note}</p> : null}
      </div>
    </form>
  );
}
