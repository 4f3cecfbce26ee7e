/**
 * Adds a notification endpoint: a webhook URL (the answer carries its signing secret, shown
 * once by the caller) or an e-mail address with the language of its mails (confirmed by a
 * link mailed to it). Each refusal is one message in the user's language.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";
import type { CreatedNotifyEndpoint } from "../../lib/api_types.ts";
import { Field, Select } from "../form/fields.tsx";
import { describeFailure } from "./alert_failure.ts";

/** Props of {@link AddEndpointForm}. */
export interface AddEndpointFormProps {
  t: T;
  lang: Lang;
  onAdded: (e: CreatedNotifyEndpoint) => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form. */
export function AddEndpointForm({ t, lang, onAdded }: AddEndpointFormProps) {
  const [kind, setKind] = useState<"webhook" | "email">("webhook");
  const [url, setUrl] = useState("");
  const [address, setAddress] = useState("");
  const [mailLang, setMailLang] = useState<Lang>(lang);
  const [busy, setBusy] = useState(false);
  const [field, setField] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  const add = async (ev: Event) => {
    ev.preventDefault();
    setGeneral(null);
    const value = (kind === "webhook" ? url : address).trim();
    const ok = kind === "webhook" ? /^https?:\/\/\S+$/i.test(value) : EMAIL.test(value);
    if (!ok) return setField(t(kind === "webhook" ? "alerts.ep.err.url" : "alerts.ep.err.email"));
    setBusy(true);
    const r = await api<CreatedNotifyEndpoint>(
      "POST",
      "/api/notify/endpoints",
      kind === "webhook" ? { kind, url: value } : { kind, address: value, language: mailLang },
    );
    setBusy(false);
    if (!r.ok) {
      const f = describeFailure(t, r, null, "endpoint");
      setField(kind === "webhook" ? f.fields.url ?? null : f.fields.address ?? null);
      setGeneral(r.status === 503 && kind === "email" ? t("alerts.ep.err.noMail") : f.general);
      return;
    }
    setField(null);
    setUrl("");
    setAddress("");
    onAdded(r.data);
  };
  const switchKind = (k: string) => {
    setKind(k as "webhook" | "email");
    setField(null);
    setGeneral(null);
  };

  return (
    <form class="add-endpoint" onSubmit={add} aria-labelledby="endpoint-add-title" noValidate>
      <h3 id="endpoint-add-title">{t("alerts.ep.addTitle")}</h3>
      <div class="field-row">
        <Select
          id="endpoint-kind"
          label={t("alerts.ep.kind")}
          value={kind}
          onChange={switchKind}
          options={[
            { value: "webhook", label: t("alerts.ep.webhook") },
            { value: "email", label: t("alerts.ep.email") },
          ]}
        />
        {kind === "webhook"
          ? (
            <Field
              id="endpoint-url"
              type="url"
              label={t("alerts.ep.url")}
              value={url}
              onInput={setUrl}
              error={field}
              attrs={{ placeholder: "https://hooks.example.com/trading", autocomplete: "off" }}
            />
          )
          : (
            <>
              <Field
                id="endpoint-address"
                type="email"
                label={t("alerts.ep.address")}
                value={address}
                onInput={setAddress}
                error={field}
                help={t("alerts.ep.addressHelp")}
                attrs={{ autocomplete: "email", placeholder: "me@example.com" }}
              />
              <Select
                id="endpoint-mail-lang"
                label={t("alerts.ep.mailLang")}
                value={mailLang}
                onChange={(v) => setMailLang(v as Lang)}
                options={[
                  { value: "en", label: "English" },
                  { value: "zh-TW", label: "繁體中文" },
                ]}
              />
            </>
          )}
        <div class="field">
          <span aria-hidden="true">&nbsp;</span>
          <button type="submit" disabled={busy}>
            {busy
              ? t("alerts.ep.adding")
              : t(kind === "webhook" ? "alerts.ep.add" : "alerts.ep.addEmail")}
          </button>
        </div>
      </div>
      {general ? <p class="notice" role="alert">{general}</p> : null}
    </form>
  );
}
