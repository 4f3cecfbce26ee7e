import "../i18n/alerts_dictionaries.ts"; // this page's messages (not in every page's dictionary)
import { useState } from "preact/hooks";
import { type Lang, translator } from "../i18n/mod.ts";
import { api, errorKey } from "../lib/api_error.ts";
import type { NotifyEndpoint } from "../lib/api_types.ts";

/** Props of the e-mail confirmation island. */
export interface ConfirmEmailProps {
  lang: Lang;
  /** The token of the mailed link. */
  token: string;
}

/**
 * Confirms an e-mail endpoint with the token of its mailed link — on a click, not on opening
 * the page, so a mail scanner that follows links confirms nothing.
 */
export default function ConfirmEmail({ lang, token }: ConfirmEmailProps) {
  const t = translator(lang);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    const r = await api<NotifyEndpoint>("POST", "/api/notify/endpoints/confirm", { token });
    setBusy(false);
    if (r.ok) return setDone(r.data.address ?? r.data.url.replace(/^mailto:/, ""));
    setFailed(
      r.status === 404 || r.status === 422 ? t("confirm.gone") : t(errorKey(r.status)),
    );
  };
  if (done) {
    return (
      <section class="state" role="status">
        <p data-testid="confirm-done">{t("confirm.done", { address: done })}</p>
        <p>
          <a class="button" href="/alerts">{t("confirm.toAlerts")}</a>
        </p>
      </section>
    );
  }
  return (
    <section class="state">
      <p>{t("confirm.intro")}</p>
      <p>
        <button type="button" class="primary" disabled={busy} onClick={confirm}>
          {busy ? t("confirm.busy") : t("confirm.button")}
        </button>
      </p>
      {failed
        ? (
          <p class="notice" role="alert">
            {failed} <a href="/alerts">{t("confirm.toAlerts")}</a>
          </p>
        )
        : null}
    </section>
  );
}
