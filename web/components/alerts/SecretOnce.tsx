/**
 * A webhook's signing secret, shown the one time core sends it, with a copy button and a
 * "stored it" button that hides it for good.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { T } from "../../i18n/mod.ts";

/** Props of {@link SecretOnce}. */
export interface SecretOnceProps {
  t: T;
  /** The endpoint's URL, to say whose secret this is. */
  url: string;
  secret: string;
  /** A line more (e.g. how long the previous secret keeps signing after a rotation). */
  note?: string | null;
  onDone: () => void;
}

/** The secret box. */
export function SecretOnce({ t, url, secret, note, onDone }: SecretOnceProps) {
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div class="secret-once notice" role="region" aria-labelledby="secret-title">
      <p id="secret-title">
        <strong>{t("alerts.ep.secretTitle")}</strong> <span class="url">{url}</span>
      </p>
      <p>{t("alerts.ep.secretOnce")}</p>
      {note ? <p>{note}</p> : null}
      <p class="secret-row">
        <label for="secret-value" class="sr-only">{t("alerts.ep.secretTitle")}</label>
        <input
          id="secret-value"
          class="code"
          readOnly
          value={secret}
          onFocus={(e) => (e.target as HTMLInputElement).select()}
          data-testid="webhook-secret"
        />
        <button type="button" onClick={copy}>{t("alerts.ep.copy")}</button>
      </p>
      <p class="small" role="status">
        {copied === "ok"
          ? t("alerts.ep.copied")
          : copied === "failed"
          ? t("alerts.ep.copyFailed")
          : ""}
      </p>
      <p>
        <button type="button" class="primary" onClick={onDone}>{t("alerts.ep.done")}</button>
      </p>
    </div>
  );
}
