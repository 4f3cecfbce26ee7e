import { isSymbol } from "@trading/shared/symbol";
import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import BacktestLab from "../islands/BacktestLab.tsx";
import type { StrategyInfo, SymbolInfo, SymbolsResponse } from "../lib/api_types.ts";
import { intervalsOf, type LabSymbol } from "../components/backtest/backtest_settings.tsx";
import type { PageRequest } from "./types.ts";

const labSymbol = (s: SymbolInfo): LabSymbol => ({
  symbol: s.symbol,
  name: s.name,
  currency: s.currency,
  first: s.first,
  last: s.last,
});

/**
 * The intervals of each symbol (`GET /api/symbols/:symbol/intervals`, in parallel), so the lab
 * offers hourly bars where they exist; a symbol core cannot answer for keeps 1d/1w/1mo.
 */
async function withIntervals(req: PageRequest, list: LabSymbol[]): Promise<LabSymbol[]> {
  return await Promise.all(list.map(async (s) => {
    const r = await req.core.get<{ intervals: string[] }>(
      `/api/symbols/${encodeURIComponent(s.symbol)}/intervals`,
    );
    return r.ok && Array.isArray(r.data.intervals) ? { ...s, intervals: r.data.intervals } : s;
  }));
}

/**
 * A symbol outside the default universe (served by name, loaded on first use, e.g. SPX), as the
 * symbol page's Backtest link asks for it; null when core does not know it.
 */
async function symbolByName(req: PageRequest, symbol: string): Promise<SymbolInfo | null> {
  // any request of the symbol loads its files on first use; then the full list names it
  const loaded = await req.core.get<unknown>(
    `/api/symbols/${encodeURIComponent(symbol)}/intervals`,
  );
  if (!loaded.ok) return null;
  const found = await req.core.get<SymbolsResponse>(
    `/symbols?all=true&q=${encodeURIComponent(symbol)}`,
  );
  return found.ok ? found.data.symbols.find((s) => s.symbol === symbol) ?? null : null;
}

/** Backtest lab: strategies and symbols loaded on the server, the lab is one island. */
export async function backtestPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const [strategies, symbols] = await Promise.all([
    req.core.get<{ strategies: StrategyInfo[] }>("/api/strategies"),
    req.core.get<SymbolsResponse>("/symbols"),
  ]);
  if (!strategies.ok || !symbols.ok) {
    const down = (!strategies.ok && strategies.status >= 500) ||
      (!symbols.ok && symbols.status >= 500);
    return {
      title: t("bt.title"),
      status: down ? 503 : 404,
      body: down
        ? <ErrorState title="error.core.title" body="error.core.body" />
        : <ErrorState title="bt.title" body="error.unavailable" />,
    };
  }
  let list = symbols.data.symbols.map(labSymbol);
  const wanted = (req.query.get("symbol") ?? "").toUpperCase();
  if (isSymbol(wanted) && !list.some((s) => s.symbol === wanted)) {
    // not in the default universe: offered too, rather than silently backtesting another symbol
    const extra = await symbolByName(req, wanted);
    if (extra) list.push(labSymbol(extra));
  }
  list = await withIntervals(req, list);
  const symbol = list.find((s) => s.symbol === wanted)?.symbol ?? list[0]?.symbol ?? "";
  const strategyIds = strategies.data.strategies.map((s) => s.id);
  const wantedStrategy = req.query.get("strategy") ?? "";
  const strategy = strategyIds.includes(wantedStrategy) ? wantedStrategy : strategyIds[0] ?? "";
  const wantedInterval = req.query.get("interval") ?? "";
  const offered = intervalsOf(list.find((s) => s.symbol === symbol));
  const interval = offered.includes(wantedInterval) ? wantedInterval : "1d";
  return {
    title: t("bt.title"),
    body: (
      <>
        <h1>{t("bt.title")}</h1>
        <p class="muted">{t("bt.intro")}</p>
        <Island
          name="BacktestLab"
          component={BacktestLab}
          props={{
            lang: req.lang,
            strategies: strategies.data.strategies,
            symbols: list,
            initial: { symbol, strategy, interval },
          }}
        />
      </>
    ),
  };
}
