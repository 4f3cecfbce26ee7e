/**
 * One notification endpoint in the list: a webhook (URL, state, "Rotate secret", the previous
 * secret's grace period) or an e-mail address (waiting for its confirmation link, or active),
 * and "Delete"; both destructive actions are asked twice.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import type { NotifyEndpoint } from "../../lib/api_types.ts";
import { fmtWhen } from "./alert_text.ts";

/** Props of {@link EndpointRow}. */
export interface EndpointRowProps {
  t: T;
  lang: Lang;
  e: NotifyEndpoint;
  onDelete: () => void;
  /** Rotates a webhook's secret. */
  onRotate: () => void;
}

/** What the user called the endpoint: its address or its URL. */
export function endpointLabel(e: Pick<NotifyEndpoint, "kind" | "url" | "address">): string {
  return e.kind === "email" ? e.address ?? e.url.replace(/^mailto:/, "") : e.url;
}

/** A destructive action behind a second, explicit click. */
function Confirmed(
  { t, label, question, onYes }: { t: T; label: string; question: string; onYes: () => void },
) {
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" class="danger" onClick={() => [setAsking(false), onYes()]}>
        {t("alerts.yes")}
      </button>
      <button type="button" onClick={() => setAsking(false)}>{t("alerts.keep")}</button>
    </span>
  );
}

/** The row. */
export function EndpointRow({ t, lang, e, onDelete, onRotate }: EndpointRowProps) {
  const grace =
    e.previous_secret_expires_at && Date.parse(e.previous_secret_expires_at) > Date.now()
      ? e.previous_secret_expires_at
      : null;
  return (
    <li data-endpoint={e.id} data-status={e.status} data-kind={e.kind}>
      <span class="muted small">
        {t(e.kind === "email" ? "alerts.ep.email" : "alerts.ep.webhook")}
      </span>
      <span class="url">{endpointLabel(e)}</span>
      <span class={`badge ep-${e.status}`}>{t(`alerts.ep.state.${e.status}`)}</span>
      <span class="muted small block">
        {t("alerts.ep.added", { when: fmtWhen(lang, e.created_at) })}
        {e.status === "disabled" ? ` · ${t("alerts.ep.disabledWhy")}` : ""}
        {e.status === "unconfirmed" ? ` · ${t("alerts.ep.confirmHint")}` : ""}
        {grace ? ` · ${t("alerts.ep.grace", { when: fmtWhen(lang, grace) })}` : ""}
      </span>
      <span class="confirm">
        {e.kind === "webhook"
          ? (
            <Confirmed
              t={t}
              label={t("alerts.ep.rotate")}
              question={t("alerts.ep.rotateAsk")}
              onYes={onRotate}
            />
          )
          : null}
        <Confirmed
          t={t}
          label={t("alerts.delete")}
          question={t("alerts.ep.confirmDelete")}
          onYes={onDelete}
        />
      </span>
    </li>
  );
}
