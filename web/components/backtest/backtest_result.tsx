/**
 * A backtest's result: headline cards, equity vs buy-and-hold with drawdown, the price chart
 * with the trades, every metric, and the trade list.
 *
 * @module
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { fmtDate, fmtPrice, withSentence } from "../format.ts";
import type { Lang, T } from "../../i18n/mod.ts";
import type { BacktestResultBody, CandlesResponse } from "../../lib/api_types.ts";
import { MetricCards, MetricsTable, TradeTable } from "./backtest_metrics.tsx";
import { Verdict } from "./verdict.tsx";
import { needsLogScale } from "./equity_scale.ts";
import { RiskSummary } from "./risk_limits.tsx";

type Status = "loading" | "ready" | "error";

/** Draws the two charts of `r` once lightweight-charts and the candles have loaded. */
function useCharts(r: BacktestResultBody, lang: Lang, t: T, currency: string) {
  const eqBox = useRef<HTMLDivElement>(null);
  const pxBox = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>("loading");
  useEffect(() => {
    let disposed = false;
    const charts: { remove(): void }[] = [];
    (async () => {
      try {
        const symbol = r.symbols[0] ?? "";
        // the bars the backtest ran on: weekly or monthly candles for such a backtest
        const at = r.interval && r.interval !== "1d" ? `&interval=${r.interval}` : "";
        // whole days: an intraday run's from/to are local times, candles take dates
        const q = `from=${r.from.slice(0, 10)}&to=${r.to.slice(0, 10)}${at}`;
        const [lc, draw, res] = await Promise.all([
          import("lightweight-charts"),
          import("./backtest_charts.ts"),
          fetch(`/api/symbols/${encodeURIComponent(symbol)}/candles?${q}`),
        ]);
        if (!res.ok) throw new Error(`candles ${res.status}`);
        const { candles } = await res.json() as CandlesResponse;
        if (disposed || !eqBox.current || !pxBox.current) return;
        charts.push(draw.equityChart(lc, eqBox.current, r.equity, lang, currency, {
          strategy: t("bt.series.strategy"),
          benchmark: t("bt.series.benchmark"),
          drawdown: t("bt.series.drawdown"),
        }));
        const trades = r.trades.filter((x) => x.symbol === symbol);
        charts.push(
          draw.tradesChart(
            lc,
            pxBox.current,
            candles,
            trades,
            lang,
            (x, at) =>
              at === "entry"
                ? `${t(x.side === "long" ? "bt.side.long" : "bt.side.short")} ${
                  fmtPrice(lang, x.entry_price)
                }`
                : `${t("bt.col.exit")} ${fmtPrice(lang, x.exit_price)}`,
          ),
        );
        setStatus("ready");
      } catch {
        if (!disposed) setStatus("error");
      }
    })();
    return () => {
      disposed = true;
      for (const c of charts) c.remove();
    };
  }, [r.id]);
  return { eqBox, pxBox, status };
}

/** The result view of one backtest; `strategyName` turns the strategy id into its name. */
export function BacktestResult(
  { r, t, lang, currency, strategyName }: {
    r: BacktestResultBody;
    t: T;
    lang: Lang;
    currency: string;
    strategyName: (id: string) => string;
  },
) {
  const { eqBox, pxBox, status } = useCharts(r, lang, t, currency);
  const note = status === "loading"
    ? <p class="state">{t("bt.chart.loading")}</p>
    : status === "error"
    ? <p class="state" role="alert">{t("bt.chart.error")}</p>
    : null;
  return (
    <section class="bt-result" aria-labelledby="bt-res-h" data-testid="bt-result" data-id={r.id}>
      <h2 id="bt-res-h">{t("bt.results")}</h2>
      <p class="muted small">
        {r.symbols.join(", ")} · <span data-testid="bt-strategy">{strategyName(r.strategy)}</span>
        {" · "}
        {t("bt.range", {
          from: fmtDate(lang, r.from),
          to: fmtDate(lang, r.to),
          bars: r.metrics.bars,
        })}
        {r.interval && r.interval !== "1d" ? ` · ${t(`interval.${r.interval}.long`)}` : ""}
      </p>
      <RiskSummary t={t} lang={lang} r={r} currency={currency} />
      <Verdict t={t} lang={lang} m={r.metrics} b={r.benchmark} />
      <MetricCards t={t} lang={lang} m={r.metrics} b={r.benchmark} currency={currency} />
      <h3>{t("bt.equity")}</h3>
      <p class="muted small">
        {needsLogScale(r.equity)
          ? withSentence(lang, t("bt.equity.help"), t("bt.equity.log"))
          : t("bt.equity.help")}
      </p>
      <div class="chart-box" data-status={status}>
        <div class="chart-canvas bt-equity" ref={eqBox} />
        {note}
      </div>
      <h3>{t("bt.priceTrades")}</h3>
      <div class="chart-box" data-status={status}>
        <div class="chart-canvas bt-price" ref={pxBox} />
        {note}
      </div>
      <h3>{t("bt.results")}</h3>
      <MetricsTable t={t} lang={lang} m={r.metrics} b={r.benchmark} currency={currency} />
      <h3>{t("bt.trades")}</h3>
      <TradeTable t={t} lang={lang} trades={r.trades} currency={currency} />
      <p class="muted small">{t("bt.disclaimer")}</p>
    </section>
  );
}
