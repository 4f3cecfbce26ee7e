/**
 * Where alerts are sent besides the app: the user's webhooks (add one and see its signing
 * secret once; delete), with their state.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";
import type { NotifyEndpoint } from "../../lib/api_types.ts";
import { Field } from "../form/fields.tsx";
import { describeFailure } from "./alert_failure.ts";
import { fmtWhen } from "./alert_text.ts";
import { SecretOnce } from "./SecretOnce.tsx";

/** Props of {@link EndpointSettings}. */
export interface EndpointSettingsProps {
  t: T;
  lang: Lang;
  endpoints: NotifyEndpoint[];
  onChange: (endpoints: NotifyEndpoint[]) => void;
}

type Created = NotifyEndpoint & { secret: string | null };

/** One endpoint's row. */
function EndpointRow(
  { t, lang, e, onDelete }: { t: T; lang: Lang; e: NotifyEndpoint; onDelete: () => void },
) {
  const [confirm, setConfirm] = useState(false);
  return (
    <li data-endpoint={e.id} data-status={e.status}>
      <span class="url">{e.url}</span>{" "}
      <span class={`badge ep-${e.status}`}>{t(`alerts.ep.state.${e.status}`)}</span>
      <span class="muted small block">
        {t("alerts.ep.added", { when: fmtWhen(lang, e.created_at) })}
        {e.status === "disabled" ? ` · ${t("alerts.ep.disabledWhy")}` : ""}
      </span>
      {confirm
        ? (
          <span class="confirm" role="group" aria-label={t("alerts.ep.confirmDelete")}>
            <span>{t("alerts.ep.confirmDelete")}</span>{" "}
            <button type="button" class="danger" onClick={onDelete}>{t("alerts.deleteYes")}</button>
            {" "}
            <button type="button" onClick={() => setConfirm(false)}>{t("alerts.keep")}</button>
          </span>
        )
        : <button type="button" onClick={() => setConfirm(true)}>{t("alerts.delete")}</button>}
    </li>
  );
}

/** The endpoints section. */
export function EndpointSettings({ t, lang, endpoints, onChange }: EndpointSettingsProps) {
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; general: string | null } | null>(
    null,
  );
  const [created, setCreated] = useState<Created | null>(null);

  const add = async (ev: Event) => {
    ev.preventDefault();
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      return setError({ field: t("alerts.ep.err.url"), general: null });
    }
    setBusy(true);
    const r = await api<Created>("POST", "/api/notify/endpoints", {
      kind: "webhook",
      url: url.trim(),
    });
    setBusy(false);
    if (!r.ok) {
      const f = describeFailure(t, r, null, "endpoint");
      return setError({ field: f.fields.url ?? null, general: f.general });
    }
    setError(null);
    setUrl("");
    setCreated(r.data);
    const { secret: _secret, ...endpoint } = r.data;
    onChange([...endpoints, endpoint]);
  };
  const remove = async (id: string) => {
    const r = await api("DELETE", `/api/notify/endpoints/${id}`);
    if (!r.ok && r.status !== 404) {
      return setError({ field: null, general: describeFailure(t, r, null, "endpoint").general });
    }
    onChange(endpoints.filter((e) => e.id !== id));
  };

  return (
    <section class="card endpoints" aria-labelledby="alerts-endpoints">
      <h2 id="alerts-endpoints">{t("alerts.ep.title")}</h2>
      <p class="muted small">{t("alerts.ep.intro")}</p>
      {endpoints.length === 0
        ? <p class="muted">{t("alerts.ep.none")}</p>
        : (
          <ul class="plain endpoint-list">
            {endpoints.map((e) => (
              <EndpointRow
                key={e.id}
                t={t}
                lang={lang}
                e={e}
                onDelete={() => void remove(e.id)}
              />
            ))}
          </ul>
        )}
      {created?.secret
        ? (
          <SecretOnce
            t={t}
            url={created.url}
            secret={created.secret}
            onDone={() => setCreated(null)}
          />
        )
        : null}
      <form class="field-row" onSubmit={add} aria-label={t("alerts.ep.add")} noValidate>
        <Field
          id="endpoint-url"
          type="url"
          label={t("alerts.ep.url")}
          value={url}
          onInput={setUrl}
          error={error?.field}
          attrs={{ placeholder: "https://hooks.example.com/trading", autocomplete: "off" }}
        />
        <div class="field">
          <span aria-hidden="true">&nbsp;</span>
          <button type="submit" disabled={busy || !url.trim()}>
            {busy ? t("alerts.ep.adding") : t("alerts.ep.add")}
          </button>
        </div>
      </form>
      {error?.general ? <p class="notice" role="alert">{error.general}</p> : null}
    </section>
  );
}
