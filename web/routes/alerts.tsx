import { CANDLE_KIND_NAMES, CHART_PATTERN_KIND_NAMES } from "@trading/shared/schemas";
import { isSymbol } from "@trading/shared/symbol";
import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import { draftFromQuery, MAX_ALERT_SYMBOLS, priceText } from "../components/alerts/alert_draft.ts";
import { en } from "../i18n/en.ts";
import Alerts from "../islands/Alerts.tsx";
import type { AlertList, NotifyEndpoint, Quote, SymbolsResponse } from "../lib/api_types.ts";
import type { PageSpec } from "../pages/render_page.tsx";
import type { PageRequest } from "./types.ts";

/** Signal names the UI has labels for (the rule names core's signals use). */
const SIGNALS = Object.keys(en).filter((k) => k.startsWith("signal.")).map((k) => k.slice(7));

/**
 * Alerts of the signed-in user (anonymous visitors get a sign-in prompt). Links prefill the
 * new-alert form: `?symbol=AAPL&price=190` (symbol page, chart level), `?rule=…&symbols=A,B`,
 * `symbols=all` or `symbols=watchlist` (screener), `?screen=<saved screen id>` (the symbols it matches),
 * `?pattern=` / `?signal=`.
 */
export async function alertsPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const title = t("alerts.title");
  const [alerts, endpoints, symbols, screens] = await Promise.all([
    req.core.get<AlertList>("/api/alerts"),
    req.core.get<{ endpoints: NotifyEndpoint[] }>("/api/notify/endpoints"),
    req.core.get<SymbolsResponse>("/symbols?all=true"),
    req.core.get<{ screens: { id: string; name: string }[] }>("/api/screens/saved"),
  ]);
  const intro = (
    <>
      <h1>{title}</h1>
      <p class="muted">{t("alerts.intro")}</p>
    </>
  );
  if (!alerts.ok && alerts.status === 401) {
    const next = encodeURIComponent(`/alerts${req.query.size ? `?${req.query}` : ""}`);
    return {
      title,
      body: (
        <>
          {intro}
          <section class="state" role="status">
            <p>{t("alerts.signin")}</p>
            <p>
              <a class="button" href={`/account?next=${next}`}>{t("nav.signin")}</a>
            </p>
          </section>
        </>
      ),
    };
  }
  if (!alerts.ok || !endpoints.ok) {
    const status = !alerts.ok ? alerts.status : !endpoints.ok ? endpoints.status : 500;
    return {
      title,
      status: status >= 500 ? 503 : status,
      body: status >= 500
        ? <ErrorState title="error.core.title" body="error.core.body" />
        : <ErrorState title="alerts.title" body="error.unavailable" />,
    };
  }
  const stored = symbols.ok
    ? symbols.data.symbols.filter((s) => s.last !== null).map((s) => s.symbol)
    : [];
  const q = new URLSearchParams(req.query);
  if (q.get("symbols") === "all") q.set("symbols", stored.length <= 50 ? stored.join(",") : "");
  if (q.get("symbols") === "watchlist") {
    // the screener's "my watchlist": the account's list (the form keeps the first 50)
    const wl = await req.core.get<{ symbols: string[] }>("/api/watchlist");
    q.set("symbols", wl.ok ? wl.data.symbols.slice(0, MAX_ALERT_SYMBOLS).join(",") : "");
  }
  const draft = draftFromQuery(q);
  let lastPrice: number | null = null;
  if (draft.target === "symbol" && isSymbol(draft.symbol)) {
    const quote = await req.core.get<Quote>(
      `/api/symbols/${encodeURIComponent(draft.symbol)}/quote`,
    );
    if (quote.ok) {
      lastPrice = quote.data.close;
      if (draft.kind === "price" && !draft.level) draft.level = priceText(quote.data.close);
    }
  }
  return {
    title,
    body: (
      <>
        {intro}
        <Island
          name="Alerts"
          component={Alerts}
          props={{
            lang: req.lang,
            alerts: alerts.data,
            endpoints: endpoints.data.endpoints,
            draft,
            symbols: stored,
            patterns: { chart: [...CHART_PATTERN_KIND_NAMES], candles: [...CANDLE_KIND_NAMES] },
            signals: SIGNALS,
            lastPrice,
            screens: screens.ok ? screens.data.screens.map(({ id, name }) => ({ id, name })) : [],
          }}
        />
      </>
    ),
  };
}
