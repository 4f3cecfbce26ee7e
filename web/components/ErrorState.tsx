import { usePage } from "./page_context.ts";
import type { MessageKey } from "../i18n/mod.ts";

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** Title key. */
  title: MessageKey;
  /** Explanation key. */
  body: MessageKey;
  /** Optional technical detail (shown small, escaped). */
  detail?: string | undefined;
}

/** A friendly error or empty state; never a blank page or a raw stack. */
export function ErrorState({ title, body, detail }: ErrorStateProps) {
  const { t } = usePage();
  return (
    <section class="state" role="alert">
      <h2>{t(title)}</h2>
      <p>{t(body)}</p>
      {detail ? <p class="muted small">{detail}</p> : null}
    </section>
  );
}
