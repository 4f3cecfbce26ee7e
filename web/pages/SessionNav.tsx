/**
 * The signed-in state in the header: the account's e-mail (a link to the account page), an admin
 * link for admins and a sign-out button (a plain form posted to web's `/signout`, no script);
 * "Sign in" when nobody is.
 *
 * @module
 */
import { usePage } from "../components/page_context.ts";

/** Session links, for the header row (wide screens) and the menu (phones). */
export function SessionNav() {
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
  return (
    <ul class="switch session" aria-label={t("session.label")} data-testid="header-session">
      <li>
        <a href="/account" class="who" title={t("session.signedInAs", { email: user.email })}>
          {user.email}
        </a>
      </li>
      {user.admin
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
    </ul>
  );
}
