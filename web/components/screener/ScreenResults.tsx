/**
 * The screener's results table: symbol (a link to its page), the bar evaluated and whether it
 * is stale, bars since the rule became true, the requested columns and a sparkline of recent
 * closes.
 *
 * @module
 */
import { TableRegion } from "../TableRegion.tsx";
import type { T } from "../../i18n/mod.ts";
import { Sparkline } from "../Sparkline.tsx";
import type { ScreenResultBody } from "../../lib/api_types.ts";

const fmt = (v: number | null, lang: string) =>
  v === null ? "—" : v.toLocaleString(lang, { maximumFractionDigits: Math.abs(v) < 10 ? 3 : 2 });

/** The table (a status line when nothing matched). */
export function ScreenResults({ t, lang, r }: {
  t: T;
  lang: string;
  /** The part of a `POST /api/screens` answer the table shows. */
  r: Omit<ScreenResultBody, "rule">;
}) {
  const summary = t("screen.summary", {
    matched: r.matched,
    screened: r.screened,
    ms: Math.round(r.took_ms),
  });
  if (r.rows.length === 0) {
    return <p class="state" role="status">{summary} {t("screen.none")}</p>;
  }
  return (
    <div class="card">
      <p class="muted small" role="status">{summary}</p>
      <TableRegion label={t("screen.title")}>
        <table class="screen-table">
          <thead>
            <tr>
              <th scope="col">{t("screen.col.symbol")}</th>
              <th scope="col">{t("screen.col.asOf")}</th>
              <th scope="col" class="num">{t("screen.col.since")}</th>
              {r.columns.map((c) => (
                <th scope="col" class="num" key={c}>
                  <code>{c}</code>
                </th>
              ))}
              <th scope="col">{t("screen.col.trend")}</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.symbol}>
                <th scope="row">
                  <a href={`/symbol/${encodeURIComponent(row.symbol)}`}>{row.symbol}</a>
                </th>
                <td>
                  {row.as_of}
                  {row.stale
                    ? <span class="badge" title={t("screen.staleHelp")}>{t("screen.stale")}</span>
                    : null}
                </td>
                <td class="num">{row.bars_since_true}</td>
                {row.values.map((v, k) => <td class="num" key={k}>{fmt(v, lang)}</td>)}
                <td>
                  <Sparkline
                    values={row.closes}
                    label={t("screen.sparkLabel", { symbol: row.symbol, n: row.closes.length })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
