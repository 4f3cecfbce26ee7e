import type { ComponentChildren } from "preact";
import { usePage } from "../components/page_context.ts";
import { type NavItem, SiteHeader } from "./SiteHeader.tsx";

const NAV: NavItem[] = [
  { href: "/", key: "nav.markets" },
  { href: "/screener", key: "nav.screener" },
  { href: "/alerts", key: "nav.alerts" },
  { href: "/backtest", key: "nav.backtest" },
  { href: "/paper", key: "nav.paper" },
  { href: "/track-record", key: "nav.track" },
  { href: "/account", key: "nav.account" },
];

/** Header (navigation and preference switches), main content and footer. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <>
      <a class="skip" href="#main">{t("a11y.skip")}</a>
      <SiteHeader nav={NAV} />
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
