/**
 * The signed-in state in the header: the account's e-mail, opening a small menu (a native
 * `<details>`, no script) with the account page, the admin page for admins and a sign-out button
 * (a plain form posted to web's `/signout`); "Sign in" when nobody is. In the phone menu the
 * same links are listed flat.
 *
 * @module
 */
import { usePage } from "../components/page_context.ts";

/** Account page, admin page (admins) and sign-out, as list items. */
function SessionLinks({ admin }: { admin: boolean }) {
  const { t } = usePage();
  return (
    <>
      <li>
        <a href="/account">{t("nav.account")}</a>
      </li>
      {admin
        ? (
          <li>
            <a href="/admin" data-testid="header-admin">{t("session.admin")}</a>
          </li>
        )
        : null}
      <li>
        <form method="post" action="/signout">
          <button type="submit" class="link">{t("session.signout")}</button>
        </form>
      </li>
    </>
  );
}

/** Session links: a menu under the e-mail in the header row, or a flat list (`flat`). */
export function SessionNav({ flat = false }: { flat?: boolean }) {
  const { t, user, path } = usePage();
  if (!user) {
    const here = path.startsWith("/account") ? "" : `?next=${encodeURIComponent(path)}`;
    return (
      <ul class="switch session" aria-label={t("session.label")}>
        <li>
          <a href={`/account${here}`} data-testid="header-signin">{t("session.signin")}</a>
        </li>
      </ul>
    );
  }
  const who = t("session.signedInAs", { email: user.email });
  if (flat) {
    return (
      <ul class="switch session" aria-label={t("session.label")} data-testid="header-session">
        <li class="who" title={who}>{user.email}</li>
        <SessionLinks admin={user.admin} />
      </ul>
    );
  }
  return (
    <details class="session-menu" data-testid="header-session">
      <summary title={who}>
        <span class="sr-only">{t("session.label")}:</span>
        <span class="who">{user.email}</span>
      </summary>
      <ul class="session-panel" aria-label={t("session.label")}>
        <SessionLinks admin={user.admin} />
      </ul>
    </details>
  );
}
