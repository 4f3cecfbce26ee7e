import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import Watchlist, { type WatchRow } from "../islands/Watchlist.tsx";
import type { CandlesResponse, Quote, SignalsResponse, SymbolsResponse } from "../lib/api_types.ts";
import type { PageRequest } from "./types.ts";
import type { PageSpec } from "../pages/render_page.tsx";

const SPARK_BARS = 60;

/** Loads one watchlist row: quote, recent closes and the composite signal (each optional). */
async function loadRow(req: PageRequest, s: SymbolsResponse["symbols"][number]): Promise<WatchRow> {
  const enc = encodeURIComponent(s.symbol);
  const [quote, candles, signals] = await Promise.all([
    req.core.get<Quote>(`/api/symbols/${enc}/quote`),
    req.core.get<CandlesResponse>(`/api/symbols/${enc}/candles?limit=${SPARK_BARS}`),
    // The composite score is the one of the range's last bar: ask only for the last day so the
    // answer carries the score without the whole history of signals.
    req.core.get<SignalsResponse>(
      `/api/symbols/${enc}/signals${s.last ? `?from=${s.last}` : ""}`,
    ),
  ]);
  return {
    symbol: s.symbol,
    name: s.name,
    nameZh: s.name_zh ?? null,
    market: s.market,
    currency: s.currency,
    date: quote.ok ? quote.data.date : s.last,
    close: quote.ok ? quote.data.close : null,
    change: quote.ok ? quote.data.change : null,
    changePct: quote.ok ? quote.data.change_percent : null,
    spark: candles.ok ? candles.data.candles.map((c) => c.close) : [],
    sparkDates: candles.ok ? candles.data.candles.map((c) => c.date.slice(0, 10)) : [],
    stale: quote.ok ? quote.data.stale === true : false,
    stance: signals.ok ? signals.data.score.stance : null,
    score: signals.ok ? signals.data.score.score : null,
  };
}

/** Markets: the watchlist of the universe with prices, sparklines and composite signals. */
export async function marketsPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const symbols = await req.core.get<SymbolsResponse>("/symbols");
  if (!symbols.ok) {
    return {
      title: t("nav.markets"),
      status: 503,
      body: <ErrorState title="error.core.title" body="error.core.body" />,
    };
  }
  const [rows, me] = await Promise.all([
    Promise.all(symbols.data.symbols.map((s) => loadRow(req, s))),
    req.core.get<unknown>("/api/me"),
  ]);
  // every other stored symbol, found by the search box (code, name or Chinese name)
  const all = await req.core.get<SymbolsResponse>("/symbols?all=true");
  const inTable = new Set(rows.map((r) => r.symbol));
  const others = all.ok
    ? all.data.symbols.filter((s) => !inTable.has(s.symbol)).map((s) => ({
      symbol: s.symbol,
      name: s.name,
      nameZh: s.name_zh ?? null,
    }))
    : [];
  return {
    title: t("nav.markets"),
    body: (
      <>
        <h1>{t("markets.title")}</h1>
        <p class="muted">{t("markets.intro", { n: rows.length })}</p>
        {rows.length === 0
          ? <ErrorState title="markets.empty.title" body="markets.empty.body" />
          : (
            <Island
              name="Watchlist"
              component={Watchlist}
              props={{ rows, others, lang: req.lang, signedIn: me.ok }}
            />
          )}
      </>
    ),
  };
}
