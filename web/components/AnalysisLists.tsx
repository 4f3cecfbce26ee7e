import { historyShortfall } from "../lib/history_shortfall.ts";
import type { CoreResult } from "../lib/core_client.ts";
import type { IndicatorsResponse, PatternsResponse, SignalsResponse } from "../lib/api_types.ts";
import { fmtDate, fmtNum, fmtPct, fmtPrice } from "./format.ts";
import {
  candleLabel,
  directionLabel,
  levelLabel,
  patternLabel,
  signalLabel,
  stanceLabel,
} from "./labels.ts";
import { seriesLabel, seriesReading } from "./chart/series_labels.ts";
import { usePage } from "./page_context.ts";
import { TableRegion } from "./TableRegion.tsx";
import { factorText, patternCriteria, signalReason } from "./analysis_text.ts";

/** Latest value of every indicator output, or a note when the API is not there. */
export function IndicatorTable(
  { result, close = null }: { result: CoreResult<IndicatorsResponse>; close?: number | null },
) {
  const { t, lang } = usePage();
  if (!result.ok) {
    const short = result.status === 422 ? historyShortfall(result.message) : null;
    return (
      <section class="card" aria-labelledby="ind-h">
        <h2 id="ind-h">{t("ind.title")}</h2>
        <p class="notice" data-testid="indicator-notice">
          {short
            ? t("history.tooShort", { needs: short.needs, have: short.have ?? "–" })
            : t(result.status >= 500 ? "error.core.body" : "ind.unavailable")}
        </p>
      </section>
    );
  }
  const { dates, series } = result.data;
  const rows = Object.entries(series).map(([name, values]) => {
    let i = values.length - 1;
    while (i >= 0 && values[i] === null) i--;
    return { name, value: i >= 0 ? values[i] ?? null : null, date: i >= 0 ? dates[i] : undefined };
  });
  const latest = Object.fromEntries(rows.map((r) => [r.name, r.value]));
  return (
    <section class="card" aria-labelledby="ind-h">
      <h2 id="ind-h">{t("ind.title")}</h2>
      <TableRegion label={t("a11y.tableOf", { name: t("ind.title") })}>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("ind.col.name")}</th>
              <th scope="col" class="num">{t("ind.col.value")}</th>
              <th scope="col">{t("ind.col.reading")}</th>
              <th scope="col">{t("ind.col.date")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row" data-key={r.name}>{seriesLabel(t, r.name)}</th>
                <td class="num">{fmtNum(lang, r.value, 2)}</td>
                <td>{seriesReading(t, r.name, { close, latest }) ?? "–"}</td>
                <td class="nowrap">{fmtDate(lang, r.date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** Detected chart patterns (with their criteria), candlestick patterns and levels. */
function PatternList(
  { patterns, symbol }: { patterns: CoreResult<PatternsResponse>; symbol?: string | undefined },
) {
  const { t, lang } = usePage();
  if (!patterns.ok) {
    return (
      <p class="notice">{t(patterns.status >= 500 ? "error.core.body" : "patterns.unavailable")}</p>
    );
  }
  const { patterns: chart, candlesticks, levels } = patterns.data;
  if (chart.length === 0 && candlesticks.length === 0) {
    return <p class="muted">{t("patterns.none")}</p>;
  }
  return (
    <>
      <ul class="list" data-testid="pattern-list">
        {chart.slice(-10).reverse().map((p) => (
          <li key={`${p.kind}${p.start_index}`}>
            <strong>{patternLabel(t, p.kind)}</strong>{" "}
            <span class={`badge ${p.direction}`}>{directionLabel(t, p.direction)}</span>{" "}
            <span class="muted small">
              {fmtDate(lang, p.start_date)} – {fmtDate(lang, p.end_date)}
              {" · "}
              {p.confirmed ? t("patterns.confirmed") : t("patterns.forming")}
              {" · "}
              {t("patterns.confidence")} {fmtPct(lang, p.confidence * 100, false)}
              {p.target !== null ? <>· {t("patterns.target")} {fmtPrice(lang, p.target)}</> : null}
            </span>
            {symbol && !p.confirmed
              ? (
                <>
                  {" "}
                  <a
                    class="small"
                    href={`/alerts?symbol=${encodeURIComponent(symbol)}&pattern=${p.kind}`}
                  >
                    {t("symbol.alertPattern")}
                  </a>
                </>
              )
              : null}
            {p.criteria.length
              ? (
                <details class="small">
                  <summary>{t("patterns.criteria")}</summary>
                  <ul>{patternCriteria(lang, p).map((c) => <li key={c}>{c}</li>)}</ul>
                </details>
              )
              : null}
          </li>
        ))}
      </ul>
      {candlesticks.length
        ? (
          <>
            <h3>{t("patterns.candles")}</h3>
            <ul class="list">
              {candlesticks.slice(-5).reverse().map((c) => (
                <li key={`c${c.index}${c.kind}`}>
                  {candleLabel(t, c.kind)}{" "}
                  <span class={`badge ${c.direction}`}>{directionLabel(t, c.direction)}</span>{" "}
                  <span class="muted small">{fmtDate(lang, c.date)}</span>
                </li>
              ))}
            </ul>
          </>
        )
        : null}
      {levels.length
        ? (
          <p class="small">
            {t("patterns.levels")} {levels.slice(0, 6).map((l, i) => {
              const text = `${fmtPrice(lang, l.price)} (${levelLabel(t, l.kind)})`;
              // a level opens the alerts page with an alert at that price
              const href = symbol
                ? `/alerts?symbol=${encodeURIComponent(symbol)}&price=${l.price}`
                : null;
              return (
                <span key={`${l.kind}${l.price}`}>
                  {i ? " · " : ""}
                  {href
                    ? (
                      <a
                        href={href}
                        title={t("symbol.alertAt", { price: fmtPrice(lang, l.price) })}
                      >
                        {text}
                      </a>
                    )
                    : text}
                </span>
              );
            })}
          </p>
        )
        : null}
    </>
  );
}

/** The composite score with its factors, and the latest signals with their reasons. */
function SignalList({ signals }: { signals: CoreResult<SignalsResponse> }) {
  const { t, lang } = usePage();
  if (!signals.ok) {
    return (
      <p class="notice">{t(signals.status >= 500 ? "error.core.body" : "signals.unavailable")}</p>
    );
  }
  const { score, signals: list } = signals.data;
  return (
    <>
      <p data-testid="composite">
        <strong>{t("signals.compositeLabel")}</strong>{" "}
        <span class={`badge ${score.stance.toLowerCase()}`}>{stanceLabel(t, score.stance)}</span>
        {" "}
        {fmtNum(lang, score.score, 0)} · {t("ai.confidence")}{" "}
        {fmtPct(lang, score.confidence * 100, false)}{" "}
        <span class="muted small">{t("signals.asOf", { date: fmtDate(lang, score.date) })}</span>
      </p>
      <details class="small">
        <summary>{t("signals.factors")}</summary>
        <ul>
          {score.reasons.map((r) => (
            <li key={r.factor}>
              {factorText(lang, r)}{" "}
              <span class="muted">({fmtNum(lang, r.contribution, 1)} / {r.weight})</span>
            </li>
          ))}
        </ul>
      </details>
      {list.length === 0
        ? <p class="muted">{t("signals.none")}</p>
        : (
          <ul class="list" data-testid="signal-list">
            {list.slice(-10).reverse().map((s) => (
              <li key={`${s.index}${s.name}`}>
                <span class={`badge ${s.type}`}>
                  {t(s.type === "buy" ? "stance.buy" : "stance.sell")}
                </span>{" "}
                <strong>{signalLabel(t, s.name)}</strong>{" "}
                <span class="muted small">
                  {fmtDate(lang, s.date)} · {t(`signals.family.${s.family}`)}
                </span>
                <span class="block small">{signalReason(lang, s)}</span>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}

/** Detected patterns and signals with their reasons. */
export function AnalysisLists(
  { patterns, signals, symbol }: {
    patterns: CoreResult<PatternsResponse>;
    signals: CoreResult<SignalsResponse>;
    /** The page's symbol: its levels then link to a new alert at their price. */
    symbol?: string;
  },
) {
  const { t } = usePage();
  return (
    <div class="grid2">
      <section class="card" aria-labelledby="pat-h">
        <h2 id="pat-h">{t("patterns.title")}</h2>
        <PatternList patterns={patterns} symbol={symbol} />
      </section>
      <section class="card" aria-labelledby="sig-h">
        <h2 id="sig-h">{t("signals.title")}</h2>
        <SignalList signals={signals} />
      </section>
    </div>
  );
}
