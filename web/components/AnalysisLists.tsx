import type { CoreResult } from "../core_client.ts";
import type { IndicatorsResponse, PatternsResponse, SignalsResponse } from "../routes/api_types.ts";
import { fmtDate, fmtNum, fmtPct, fmtPrice } from "./format.ts";
import { usePage } from "./page_context.ts";
import { stanceLabel } from "../islands/Watchlist.tsx";

/** Latest value of every indicator output, or a note when the API is not there. */
export function IndicatorTable({ result }: { result: CoreResult<IndicatorsResponse> }) {
  const { t, lang } = usePage();
  if (!result.ok) {
    return (
      <section class="card" aria-labelledby="ind-h">
        <h2 id="ind-h">{t("ind.title")}</h2>
        <p class="notice">{t(result.status >= 500 ? "error.core.body" : "ind.unavailable")}</p>
      </section>
    );
  }
  const { dates, series } = result.data;
  const rows = Object.entries(series).map(([name, values]) => {
    let i = values.length - 1;
    while (i >= 0 && values[i] === null) i--;
    return { name, value: i >= 0 ? values[i] ?? null : null, date: i >= 0 ? dates[i] : undefined };
  });
  return (
    <section class="card" aria-labelledby="ind-h">
      <h2 id="ind-h">{t("ind.title")}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t("ind.col.name")}</th>
            <th scope="col" class="num">{t("ind.col.value")}</th>
            <th scope="col">{t("ind.col.date")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td class="num">{fmtNum(lang, r.value, 2)}</td>
              <td>{fmtDate(lang, r.date)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Detected patterns and signals with their reasons. */
export function AnalysisLists(
  { patterns, signals }: {
    patterns: CoreResult<PatternsResponse>;
    signals: CoreResult<SignalsResponse>;
  },
) {
  const { t, lang } = usePage();
  return (
    <div class="grid2">
      <section class="card" aria-labelledby="pat-h">
        <h2 id="pat-h">{t("patterns.title")}</h2>
        {!patterns.ok
          ? (
            <p class="notice">
              {t(patterns.status >= 500 ? "error.core.body" : "patterns.unavailable")}
            </p>
          )
          : patterns.data.patterns.length === 0 && patterns.data.candlesticks.length === 0
          ? <p class="muted">{t("patterns.none")}</p>
          : (
            <ul class="list">
              {patterns.data.patterns.slice(-10).reverse().map((p, i) => (
                <li key={i}>
                  <strong>{p.kind.replace(/_/g, " ")}</strong>{" "}
                  <span class={`badge ${p.direction}`}>{p.direction}</span>{" "}
                  <span class="muted small">
                    {fmtDate(lang, p.startDate)} – {fmtDate(lang, p.endDate)}
                    {" · "}
                    {p.confirmed ? t("patterns.confirmed") : t("patterns.forming")}
                    {" · "}
                    {t("patterns.confidence")} {fmtPct(lang, p.confidence * 100, false)}
                    {p.target ? <>· {t("patterns.target")} {fmtPrice(lang, p.target)}</> : null}
                  </span>
                </li>
              ))}
              {patterns.data.candlesticks.slice(-5).reverse().map((c, i) => (
                <li key={`c${i}`}>
                  {c.kind.replace(/_/g, " ")}{" "}
                  <span class={`badge ${c.direction}`}>{c.direction}</span>{" "}
                  <span class="muted small">{fmtDate(lang, c.date)}</span>
                </li>
              ))}
            </ul>
          )}
        {patterns.ok && patterns.data.levels.length
          ? (
            <p class="small">
              {t("patterns.levels")}{" "}
              {patterns.data.levels.slice(0, 6).map((l) => `${fmtPrice(lang, l.price)} (${l.kind})`)
                .join(" · ")}
            </p>
          )
          : null}
      </section>
      <section class="card" aria-labelledby="sig-h">
        <h2 id="sig-h">{t("signals.title")}</h2>
        {!signals.ok
          ? (
            <p class="notice">
              {t(signals.status >= 500 ? "error.core.body" : "signals.unavailable")}
            </p>
          )
          : (
            <>
              <p>
                <strong>{t("signals.composite")}:</strong>{" "}
                {fmtNum(lang, signals.data.score.score, 0)}{" "}
                ({stanceLabel(t, signals.data.score.stance)})
              </p>
              <ul class="small">
                {signals.data.score.reasons.map((r, i) => <li key={i}>{r.text}</li>)}
              </ul>
              {signals.data.signals.length === 0
                ? <p class="muted">{t("signals.none")}</p>
                : (
                  <ul class="list">
                    {signals.data.signals.slice(-10).reverse().map((s, i) => (
                      <li key={i}>
                        <span class={`badge ${s.type}`}>
                          {t(s.type === "buy" ? "stance.buy" : "stance.sell")}
                        </span>{" "}
                        <strong>{s.name}</strong>{" "}
                        <span class="muted small">{fmtDate(lang, s.date)}</span>
                        <span class="block small">{s.reason}</span>
                      </li>
                    ))}
                  </ul>
                )}
            </>
          )}
      </section>
    </div>
  );
}
