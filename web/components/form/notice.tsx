/**
 * The friendly error line every island shows for a failed API call: the translated reason,
 * a sign-in link when the answer was 401, a redeem link when the quota is used up (429), and
 * the server's own message in small print only when it helps (English, no validation summary,
 * nothing internal: see `serverDetail`).
 *
 * @module
 */
import type { T } from "../../i18n/mod.ts";
import { errorKey } from "../../lib/api_error.ts";
import { serverDetail } from "../../lib/field_message.ts";

/** A failed call as islands keep it. */
export interface ApiFailure {
  /** HTTP status (0: the request did not complete). */
  status: number;
  /** The server's message, when it sent one. */
  message: string | null;
}

/** The sign-in page that comes back here afterwards. */
export function signInHref(): string {
  const here = typeof location === "undefined" ? "/" : location.pathname + location.search;
  return `/account?next=${encodeURIComponent(here)}`;
}

/** Renders `failure` as an alert (nothing when null). */
export function ApiNotice({ t, failure }: { t: T; failure: ApiFailure | null }) {
  if (!failure) return null;
  const detail = serverDetail(t, failure.status, failure.message);
  return (
    <p class="notice" role="alert" data-status={failure.status}>
      {t(errorKey(failure.status))}{" "}
      {failure.status === 401 ? <a href={signInHref()}>{t("error.signin.link")}</a> : null}
      {failure.status === 429 ? <a href="/account#redeem">{t("error.quota.link")}</a> : null}
      {detail ? <span class="muted small block">{detail}</span> : null}
    </p>
  );
}
