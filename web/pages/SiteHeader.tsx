import { LANG_NAMES, LANGS } from "../i18n/mod.ts";
import type { MessageKey } from "../i18n/mod.ts";
import { usePage } from "../components/page_context.ts";
import { Island } from "../components/Island.tsx";
import NotificationBell from "../islands/NotificationBell.tsx";
import { SessionNav } from "./SessionNav.tsx";

/** One entry of the main navigation. */
export interface NavItem {
  /** Target path. */
  href: string;
  /** Its label's message key. */
  key: MessageKey;
}

function isCurrent(path: string, href: string): boolean {
  const p = path.split("?")[0] ?? "/";
  return href === "/" ? p === "/" || p.startsWith("/symbol/") : p.startsWith(href);
}

function NavList({ nav }: { nav: readonly NavItem[] }) {
  const { t, path, user } = usePage();
  // signed in, the account page is in the session menu under the e-mail
  const shown = user ? nav.filter((n) => n.href !== "/account") : nav;
  return (
    <ul>
      {shown.map((n) => (
        <li key={n.href}>
          <a href={n.href} aria-current={isCurrent(path, n.href) ? "page" : undefined}>
            {t(n.key)}
          </a>
        </li>
      ))}
      <li>
        <a href="/docs">{t("nav.api")}</a>
      </li>
    </ul>
  );
}

/** Language, theme and up-colour switches (links that set a cookie and come back). */
function Switches() {
  const { t, path, lang, theme, upColour } = usePage();
  const next = encodeURIComponent(path);
  return (
    <>
      <ul class="switch" aria-label={t("prefs.language")}>
        {LANGS.map((l) => (
          <li key={l}>
            <a
              href={`/prefs/lang/${l}?next=${next}`}
              hreflang={l}
              lang={l}
              aria-current={l === lang ? "true" : undefined}
            >
              {LANG_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
      <ul class="switch" aria-label={t("prefs.theme")}>
        {(["light", "dark"] as const).map((th) => (
          <li key={th}>
            <a
              href={`/prefs/theme/${th}?next=${next}`}
              aria-current={th === theme ? "true" : undefined}
              data-theme-link={th}
            >
              {t(th === "light" ? "prefs.light" : "prefs.dark")}
            </a>
          </li>
        ))}
      </ul>
      <ul class="switch" aria-label={t("prefs.upColour")}>
        {(["red", "green"] as const).map((c) => (
          <li key={c}>
            <a
              href={`/prefs/updown/${c}?next=${next}`}
              aria-current={c === upColour ? "true" : undefined}
              data-up-link={c}
            >
              {t(c === "red" ? "prefs.upRed" : "prefs.upGreen")}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The site header: brand, navigation and preference switches in one row on wide screens; on a
 * phone the brand, the bell and a Menu button (a native `<details>`, no script) that opens the
 * navigation and the switches, so the header stays one short line.
 */
export function SiteHeader({ nav }: { nav: readonly NavItem[] }) {
  const { t, lang, signedIn } = usePage();
  return (
    <header class="top">
      <a class="brand" href="/">{t("app.name")}</a>
      <nav class="nav-wide" aria-label={t("nav.label")}>
        <NavList nav={nav} />
      </nav>
      <div class="prefs">
        {signedIn && (
          <Island name="NotificationBell" component={NotificationBell} props={{ lang }} />
        )}
        <div class="prefs-wide">
          <SessionNav />
          <Switches />
        </div>
        <details class="menu">
          <summary>{t("nav.menu")}</summary>
          <div class="menu-panel">
            <nav aria-label={t("nav.label")}>
              <NavList nav={nav} />
            </nav>
            <SessionNav flat />
            <Switches />
          </div>
        </details>
      </div>
    </header>
  );
}
