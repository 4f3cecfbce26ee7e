/**
 * Backtest result tables: the headline metric cards, the strategy-vs-buy-and-hold table and the
 * trade list. Shared by the backtest and optimisation panels.
 *
 * @module
 */
import { TableRegion } from "../TableRegion.tsx";
import { useState } from "preact/hooks";
import { fmtBarDate, fmtMoney, fmtNum, fmtPct, fmtPrice, trendClass } from "../format.ts";
import type { Lang, MessageKey, T } from "../../i18n/mod.ts";
import type { BacktestResultBody } from "../../lib/api_types.ts";

/** Metrics of a run. */
export type Metrics = BacktestResultBody["metrics"];
/** One trade. */
export type Trade = BacktestResultBody["trades"][number];

const FRACTION = new Set(["total_return", "cagr", "volatility", "max_drawdown", "win_rate"]);
const MONEY = new Set(["expectancy", "fees", "final_equity"]);
const COUNT = new Set(["trade_count", "max_drawdown_duration"]);

/** Metrics shown, in order. */
export const METRIC_KEYS = [
  "total_return",
  "cagr",
  "sharpe",
  "max_drawdown",
  "volatility",
  "sortino",
  "calmar",
  "max_drawdown_duration",
  "trade_count",
  "win_rate",
  "profit_factor",
  "expectancy",
  "exposure_pct",
  "fees",
  "final_equity",
] as const;

/** One metric formatted for `lang` (fractions as percentages, money in `currency`). */
export function fmtMetric(lang: Lang, key: string, v: number | null, currency = "USD"): string {
  if (v === null) return "–";
  if (FRACTION.has(key)) return fmtPct(lang, v * 100, key === "total_return" || key === "cagr");
  if (key === "exposure_pct") return fmtPct(lang, v, false);
  if (MONEY.has(key)) return fmtMoney(lang, v, currency);
  if (COUNT.has(key)) return fmtNum(lang, v, 0);
  return fmtNum(lang, v, 2);
}

const label = (t: T, key: string) => t(`bt.metric.${key}` as MessageKey);

/** How much better `m` is than `b` (> 0: better), `null` when either is unknown. */
function edge(k: string, m: number | null, b: number | null): number | null {
  if (m === null || b === null) return null;
  return k === "max_drawdown" ? b - m : m - b; // a drawdown is a positive fraction: less is better
}

/**
 * Four headline cards (return, CAGR, Sharpe, max drawdown), each coloured by how it compares with
 * buy-and-hold over the same bars (better: the up colour), not by its own sign.
 */
export function MetricCards(
  { t, lang, m, b, currency }: { t: T; lang: Lang; m: Metrics; b: Metrics; currency: string },
) {
  return (
    <ul class="cards" data-testid="metric-cards">
      {(["total_return", "cagr", "sharpe", "max_drawdown"] as const).map((k) => (
        <li key={k} class="card metric" data-metric={k}>
          <span class="muted small">{label(t, k)}</span>
          <strong class={trendClass(edge(k, m[k], b[k]))}>
            {fmtMetric(lang, k, m[k], currency)}
          </strong>
          <span class="muted small">
            {t("bt.benchmarkCol")} {fmtMetric(lang, k, b[k], currency)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Every metric of the strategy and (when given) of buy-and-hold side by side. */
export function MetricsTable(
  { t, lang, m, b, currency }: {
    t: T;
    lang: Lang;
    m: Metrics;
    b: Metrics | null;
    currency: string;
  },
) {
  return (
    <TableRegion label={t("bt.results")}>
      <table class="data" data-testid="metrics">
        <thead>
          <tr>
            <th scope="col">{t("bt.results")}</th>
            <th scope="col" class="num">{t("bt.strategyCol")}</th>
            {b ? <th scope="col" class="num">{t("bt.benchmarkCol")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {METRIC_KEYS.map((k) => (
            <tr key={k} data-metric={k}>
              <th scope="row">{label(t, k)}</th>
              <td class="num">{fmtMetric(lang, k, m[k], currency)}</td>
              {b ? <td class="num">{fmtMetric(lang, k, b[k], currency)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

const SHOWN = 50;

/** The round trips, newest first (the last 50 until asked for all). */
export function TradeTable(
  { t, lang, trades, currency }: { t: T; lang: Lang; trades: Trade[]; currency: string },
) {
  const [all, setAll] = useState(false);
  if (trades.length === 0) return <p class="muted">{t("bt.trades.none")}</p>;
  const rows = (all ? trades : trades.slice(-SHOWN)).slice().reverse();
  return (
    <>
      <TableRegion label={t("bt.trades")}>
        <table class="data" data-testid="trades">
          <thead>
            <tr>
              <th scope="col">{t("bt.col.side")}</th>
              <th scope="col">{t("bt.col.entry")}</th>
              <th scope="col">{t("bt.col.exit")}</th>
              <th scope="col" class="num">{t("bt.col.qty")}</th>
              <th scope="col" class="num">{t("bt.col.pnl")}</th>
              <th scope="col" class="num">{t("bt.col.return")}</th>
              <th scope="col" class="num hide-sm">{t("bt.col.bars")}</th>
              <th scope="col" class="hide-sm">{t("bt.col.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={`${x.symbol}${x.entry_date}${x.exit_date}`}>
                <td>{t(x.side === "long" ? "bt.side.long" : "bt.side.short")}</td>
                <td>
                  {fmtBarDate(lang, x.entry_date)}{" "}
                  <span class="muted small">{fmtPrice(lang, x.entry_price)}</span>
                </td>
                <td>
                  {fmtBarDate(lang, x.exit_date)}{" "}
                  <span class="muted small">{fmtPrice(lang, x.exit_price)}</span>
                </td>
                <td class="num">{fmtNum(lang, x.qty, 4)}</td>
                <td class={`num ${trendClass(x.pnl)}`}>{fmtMoney(lang, x.pnl, currency)}</td>
                <td class={`num ${trendClass(x.return_pct)}`}>
                  {fmtPct(lang, x.return_pct * 100)}
                </td>
                <td class="num hide-sm">{x.bars_held}</td>
                <td class="hide-sm">{t(`bt.exit.${x.exit_reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {!all && trades.length > SHOWN
        ? (
          <p class="small">
            {t("bt.trades.shown", { n: SHOWN, total: trades.length })}{" "}
            <button type="button" class="link" onClick={() => setAll(true)}>
              {t("bt.trades.all")}
            </button>
          </p>
        )
        : null}
    </>
  );
}
