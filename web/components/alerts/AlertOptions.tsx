/**
 * The parts of an alert the new-alert form and the edit form share: when it fires (trigger,
 * expiry, quiet time) and where it is sent (the active endpoints).
 *
 * @module
 */
import type { T } from "../../i18n/mod.ts";
import type { NotifyEndpoint } from "../../lib/api_types.ts";
import { Check, Field, FieldRow, Select } from "../form/fields.tsx";
import type { AlertTrigger } from "./alert_draft.ts";
import { endpointLabel } from "./EndpointRow.tsx";

const TRIGGERS: AlertTrigger[] = ["once_per_bar_close", "once_per_bar", "once"];
const COOLDOWNS: [number, "none" | "5m" | "15m" | "1h" | "4h" | "1d" | "1w"][] = [
  [0, "none"],
  [300, "5m"],
  [900, "15m"],
  [3600, "1h"],
  [14_400, "4h"],
  [86_400, "1d"],
  [604_800, "1w"],
];

/** A quiet time as "15 min", "4 h", "1 d". */
export function cooldownText(t: T, s: number): string {
  if (s % 86_400 === 0) return t("alerts.days", { n: s / 86_400 });
  if (s % 3600 === 0) return t("alerts.hours", { n: s / 3600 });
  return t("alerts.minutes", { n: Math.round(s / 60) });
}

/** Props of {@link TimingFields}. */
export interface TimingFieldsProps {
  t: T;
  /** Prefix of the inputs' ids (two forms can be on the page). */
  id: string;
  trigger: AlertTrigger;
  /** `datetime-local` value, empty for none. */
  expires: string;
  /** Seconds. */
  cooldown: number;
  set: (patch: { trigger?: AlertTrigger; expires?: string; cooldown?: number }) => void;
  expiresError?: string | undefined;
}

/** Trigger, expiry and quiet time. */
export function TimingFields(
  { t, id, trigger, expires, cooldown, set, expiresError }: TimingFieldsProps,
) {
  const cooldowns = COOLDOWNS.map(([s, k]) => ({ value: String(s), label: t(`alerts.cd.${k}`) }));
  // a quiet time set through the API that the list does not offer
  if (!COOLDOWNS.some(([s]) => s === cooldown)) {
    cooldowns.push({ value: String(cooldown), label: cooldownText(t, cooldown) });
  }
  return (
    <FieldRow>
      <Select
        id={`${id}-trigger`}
        label={t("alerts.trigger")}
        value={trigger}
        onChange={(v) => set({ trigger: v as AlertTrigger })}
        options={TRIGGERS.map((k) => ({ value: k, label: t(`alerts.trigger.${k}`) }))}
        help={t(`alerts.triggerHelp.${trigger}`)}
      />
      <Field
        id={`${id}-expires`}
        type="datetime-local"
        label={t("alerts.expires")}
        value={expires}
        onInput={(v) => set({ expires: v })}
        error={expiresError}
      />
      <Select
        id={`${id}-cooldown`}
        label={t("alerts.cooldown")}
        value={String(cooldown)}
        onChange={(v) => set({ cooldown: Number(v) })}
        options={cooldowns}
        help={t("alerts.cooldownHelp")}
      />
    </FieldRow>
  );
}

/** Props of {@link EndpointChecks}. */
export interface EndpointChecksProps {
  t: T;
  id: string;
  endpoints: NotifyEndpoint[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** "Also send to": a checkbox per active endpoint (in-app notifications always go). */
export function EndpointChecks({ t, id, endpoints, chosen, onChange, error }: EndpointChecksProps) {
  const active = endpoints.filter((e) => e.status === "active" || chosen.includes(e.id));
  return (
    <fieldset class="alert-send">
      <legend>{t("alerts.send")}</legend>
      <p class="muted small">{t("alerts.sendHelp")}</p>
      {active.length === 0 ? <p class="muted small">{t("alerts.noEndpoints")}</p> : null}
      {active.map((e) => (
        <Check
          key={e.id}
          id={`${id}-ep-${e.id}`}
          label={endpointLabel(e)}
          checked={chosen.includes(e.id)}
          onChange={(on) => onChange(on ? [...chosen, e.id] : chosen.filter((x) => x !== e.id))}
        />
      ))}
      {error ? <p class="field-error small">{error}</p> : null}
    </fieldset>
  );
}

/** A `datetime-local` value (the browser's time zone) of an ISO instant; empty for none. */
export function localInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${
    pad(d.getMinutes())
  }`;
}
