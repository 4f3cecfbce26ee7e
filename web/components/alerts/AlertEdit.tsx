/**
 * Changes an alert in place: its name, trigger, expiry, quiet time and where it is sent (what
 * it watches and its condition are fixed: a new condition is a new alert). Only the changed
 * fields are sent; an expired alert given a later expiry (or none) is active again.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";
import type { AlertItem, NotifyEndpoint } from "../../lib/api_types.ts";
import { Field } from "../form/fields.tsx";
import type { AlertTrigger } from "./alert_draft.ts";
import { type AlertLimit, describeFailure } from "./alert_failure.ts";
import { EndpointChecks, localInput, TimingFields } from "./AlertOptions.tsx";

/** Props of {@link AlertEdit}. */
export interface AlertEditProps {
  t: T;
  alert: AlertItem;
  endpoints: NotifyEndpoint[];
  limit: AlertLimit;
  onSaved: (a: AlertItem) => void;
  onCancel: () => void;
}

/** The edit form. */
export function AlertEdit({ t, alert: a, endpoints, limit, onSaved, onCancel }: AlertEditProps) {
  const [name, setName] = useState(a.name);
  const [timing, setTiming] = useState({
    trigger: a.trigger as AlertTrigger,
    expires: localInput(a.expires_at),
    cooldown: a.cooldown,
  });
  const [chosen, setChosen] = useState(a.endpoints);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `edit-${a.id}`;

  const save = async (e: Event) => {
    e.preventDefault();
    const patch: Record<string, unknown> = {};
    const fields: Record<string, string> = {};
    if (name.trim() !== a.name) {
      if (name.trim()) patch.name = name.trim();
      else fields.name = t("alerts.err.name");
    }
    if (timing.trigger !== a.trigger) patch.trigger = timing.trigger;
    if (timing.cooldown !== a.cooldown) patch.cooldown = timing.cooldown;
    if (timing.expires !== localInput(a.expires_at)) {
      const at = timing.expires ? new Date(timing.expires).getTime() : null;
      if (at !== null && !(at > Date.now())) fields.expires = t("alerts.err.expires");
      else patch.expires_at = at === null ? null : new Date(at).toISOString();
    }
    if (chosen.join() !== a.endpoints.join()) patch.endpoints = chosen;
    // an expired alert given a new expiry (or none) watches again
    if (a.status === "expired" && "expires_at" in patch) patch.status = "active";
    setErrors(fields);
    if (Object.keys(fields).length) return;
    if (Object.keys(patch).length === 0) return onCancel();
    setBusy(true);
    const r = await api<AlertItem>("PATCH", `/api/alerts/${a.id}`, patch);
    setBusy(false);
    if (!r.ok) {
      const f = describeFailure(t, r, limit);
      setErrors(f.fields);
      return setGeneral(f.general);
    }
    onSaved(r.data);
  };

  return (
    <form class="alert-edit" onSubmit={save} aria-label={t("alerts.editTitle")} noValidate>
      <div class="field-row">
        <Field
          id={`${id}-name`}
          label={t("alerts.name.edit")}
          value={name}
          onInput={setName}
          error={errors.name}
          attrs={{ maxLength: 100 }}
        />
      </div>
      <TimingFields
        t={t}
        id={id}
        {...timing}
        set={(p) => setTiming((cur) => ({ ...cur, ...p }))}
        expiresError={errors.expires}
      />
      <EndpointChecks
        t={t}
        id={id}
        endpoints={endpoints}
        chosen={chosen}
        onChange={setChosen}
        error={errors.endpoints}
      />
      <p class="alert-actions">
        <button type="submit" class="primary" disabled={busy}>{t("alerts.save")}</button>
        <button type="button" onClick={onCancel}>{t("alerts.cancel")}</button>
      </p>
      {general ? <p class="notice" role="alert">{general}</p> : null}
    </form>
  );
}
