import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import BacktestLab from "../islands/BacktestLab.tsx";
import type { StrategyInfo, SymbolsResponse } from "../lib/api_types.ts";
import { LAB_INTERVALS } from "../components/backtest/backtest_settings.tsx";
import type { PageRequest } from "./types.ts";

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
  const list = symbols.data.symbols.map((s) => ({
    symbol: s.symbol,
    name: s.name,
    currency: s.currency,
    first: s.first,
    last: s.last,
  }));
  const wanted = (req.query.get("symbol") ?? "").toUpperCase();
  const symbol = list.find((s) => s.symbol === wanted)?.symbol ?? list[0]?.symbol ?? "";
  const strategyIds = strategies.data.strategies.map((s) => s.id);
  const wantedStrategy = req.query.get("strategy") ?? "";
  const strategy = strategyIds.includes(wantedStrategy) ? wantedStrategy : strategyIds[0] ?? "";
  const wantedInterval = req.query.get("interval") ?? "";
  const interval = LAB_INTERVALS.includes(wantedInterval) ? wantedInterval : "1d";
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
