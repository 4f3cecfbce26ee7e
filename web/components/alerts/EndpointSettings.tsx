/**
 * Where alerts are sent besides the app: the user's webhooks and e-mail addresses with their
 * state; add one (a webhook's signing secret is shown once; an address gets a confirmation
 * link), rotate a webhook's secret (the new one shown once), delete.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";
import type { CreatedNotifyEndpoint, NotifyEndpoint } from "../../lib/api_types.ts";
import { describeFailure } from "./alert_failure.ts";
import { fmtWhen } from "./alert_text.ts";
import { AddEndpointForm } from "./AddEndpointForm.tsx";
import { endpointLabel, EndpointRow } from "./EndpointRow.tsx";
import { SecretOnce } from "./SecretOnce.tsx";

/** Props of {@link EndpointSettings}. */
export interface EndpointSettingsProps {
  t: T;
  lang: Lang;
  endpoints: NotifyEndpoint[];
  onChange: (endpoints: NotifyEndpoint[]) => void;
}

/** A secret to show once: the endpoint it signs for, and whether it replaced another. */
interface Shown {
  url: string;
  secret: string;
  /** After a rotation: until when the previous secret still signs. */
  graceUntil: string | null;
}

/** Drops the secret from an answer before keeping the endpoint. */
function withoutSecret(e: NotifyEndpoint & { secret?: string | null }): NotifyEndpoint {
  const { secret: _secret, ...rest } = e;
  return rest;
}

/** The endpoints section. */
export function EndpointSettings({ t, lang, endpoints, onChange }: EndpointSettingsProps) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  const added = (e: CreatedNotifyEndpoint) => {
    setError(null);
    onChange([...endpoints, withoutSecret(e)]);
    if (e.secret) setShown({ url: e.url, secret: e.secret, graceUntil: null });
    setNote(e.kind === "email" ? t("alerts.ep.mailed", { address: endpointLabel(e) }) : "");
  };
  const remove = async (id: string) => {
    const r = await api("DELETE", `/api/notify/endpoints/${id}`);
    if (!r.ok && r.status !== 404) {
      return setError(describeFailure(t, r, null, "endpoint").general);
    }
    setError(null);
    onChange(endpoints.filter((e) => e.id !== id));
  };
  const rotate = async (id: string) => {
    const r = await api<NotifyEndpoint & { secret: string }>(
      "POST",
      `/api/notify/endpoints/${id}/rotate`,
    );
    if (!r.ok) return setError(describeFailure(t, r, null, "endpoint").general);
    setError(null);
    onChange(endpoints.map((e) => (e.id === id ? withoutSecret(r.data) : e)));
    setShown({
      url: r.data.url,
      secret: r.data.secret,
      graceUntil: r.data.previous_secret_expires_at,
    });
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
                onRotate={() => void rotate(e.id)}
              />
            ))}
          </ul>
        )}
      {error ? <p class="notice" role="alert">{error}</p> : null}
      {shown
        ? (
          <SecretOnce
            t={t}
            url={shown.url}
            secret={shown.secret}
            note={shown.graceUntil
              ? t("alerts.ep.graceNote", { when: fmtWhen(lang, shown.graceUntil) })
              : null}
            onDone={() => setShown(null)}
          />
        )
        : null}
      {note ? <p class="muted small" role="status">{note}</p> : null}
      <AddEndpointForm t={t} lang={lang} onAdded={added} />
    </section>
  );
}
