import type { ComponentChildren } from "preact";
import { LANG_NAMES, LANGS } from "../i18n/mod.ts";
import type { MessageKey } from "../i18n/mod.ts";
import { usePage } from "../components/page_context.ts";
import { Island } from "../components/Island.tsx";
import NotificationBell from "../islands/NotificationBell.tsx";

const NAV: { href: string; key: MessageKey }[] = [
  { href: "/", key: "nav.markets" },
  { href: "/screener", key: "nav.screener" },
  { href: "/backtest", key: "nav.backtest" },
  { href: "/paper", key: "nav.paper" },
  { href: "/track-record", key: "nav.track" },
  { href: "/account", key: "nav.account" },
];

function isCurrent(path: string, href: string): boolean {
  const p = path.split("?")[0] ?? "/";
  return href === "/" ? p === "/" || p.startsWith("/symbol/") : p.startsWith(href);
}

/** Header (navigation, language and theme switchers), main content and footer. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t, path, lang, theme, signedIn } = usePage();
  const next = encodeURIComponent(path);
  return (
    <>
      <a class="skip" href="#main">{t("a11y.skip")}</a>
      <header class="top">
        <a class="brand" href="/">{t("app.name")}</a>
        <nav aria-label={t("nav.label")}>
          <ul>
            {NAV.map((n) => (
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
        </nav>
        <div class="prefs">
          {signedIn && (
            <Island name="NotificationBell" component={NotificationBell} props={{ lang }} />
          )}
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
        </div>
      </header>
      <main id="main">{children}</main>
      <footer class="foot">
        <p>
          {t("footer.data")} <a href="/sources">{t("nav.sources")}</a>
          {" · "}
          {t("footer.charts")}{" "}
          <a href="https://www.tradingview.com/" rel="noopener">TradingView Lightweight Charts™</a>
        </p>
        <p class="muted small">{t("footer.disclaimer")}</p>
      </footer>
    </>
  );
}
