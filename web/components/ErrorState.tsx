import { usePage } from "./page_context.ts";
import type { MessageKey } from "../i18n/mod.ts";
import { serverDetail } from "../lib/field_message.ts";

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** Title key. */
  title: MessageKey;
  /** Explanation key. */
  body: MessageKey;
  /** The server's words (shown small when they help: English readers, nothing internal). */
  detail?: string | undefined;
}

/** A friendly error or empty state; never a blank page or a raw stack. */
export function ErrorState({ title, body, detail }: ErrorStateProps) {
  const { t } = usePage();
  const shown = serverDetail(t, 500, detail ?? null);
  return (
    <section class="state" role="alert">
      <h2>{t(title)}</h2>
      <p>{t(body)}</p>
      {shown ? <p class="muted small">{shown}</p> : null}
    </section>
  );
}
