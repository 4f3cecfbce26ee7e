import { useEffect, useMemo, useState } from "preact/hooks";
import { Sparkline } from "../components/Sparkline.tsx";
import { fmtChange, fmtDate, fmtPct, fmtPrice, trendClass } from "../components/format.ts";
import { type Lang, translator } from "../i18n/mod.ts";
import { stanceLabel } from "../components/labels.ts";
import { readWatchlist, writeWatchlist } from "./_watchlist_store.ts";

/** One row of the markets table. */
export interface WatchRow {
  /** Ticker. */
  symbol: string;
  /** Company or index name. */
  name: string;
  /** Market code. */
  market: string;
  /** Currency. */
  currency: string;
  /** Date of the last bar. */
  date: string | null;
  /** Last close. */
  close: number | null;
  /** Change from the previous close. */
  change: number | null;
  /** Change in percent. */
  changePct: number | null;
  /** Recent closes for the sparkline. */
  spark: number[];
  /** Composite signal stance, when the signals API answers. */
  stance: string | null;
  /** Composite score. */
  score: number | null;
}

/** Props of the watchlist island. */
export interface WatchlistProps {
  /** Every symbol's row. */
  rows: WatchRow[];
  /** UI language. */
  lang: Lang;
}

/** Markets table: search, a starred watchlist (kept in this browser), links to symbol pages. */
export default function Watchlist({ rows, lang }: WatchlistProps) {
  const t = translator(lang);
  const [query, setQuery] = useState("");
  const [starred, setStarred] = useState<string[]>([]);
  const [onlyStarred, setOnlyStarred] = useState(false);
  useEffect(() => setStarred(readWatchlist()), []);

  const toggle = (sym: string) => {
    const next = starred.includes(sym) ? starred.filter((s) => s !== sym) : [...starred, sym];
    setStarred(next);
    writeWatchlist(next);
  };
  const q = query.trim().toUpperCase();
  const shown = useMemo(() =>
    rows.filter((r) =>
      (!onlyStarred || starred.includes(r.symbol)) &&
      (!q || r.symbol.includes(q) || r.name.toUpperCase().includes(q))
    ).sort((a, b) => Number(starred.includes(b.symbol)) - Number(starred.includes(a.symbol))), [
    rows,
    q,
    onlyStarred,
    starred,
  ]);
  const looksLikeTicker = /^[A-Z0-9.^-]{1,16}$/.test(q);

  return (
    <section aria-labelledby="wl-h">
      <h2 id="wl-h" class="sr-only">{t("markets.table")}</h2>
      <div class="toolbar">
        <label>
          <span>{t("markets.search")}</span>
          <input
            type="search"
            value={query}
            placeholder={t("markets.search.placeholder")}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={onlyStarred}
            onChange={(e) => setOnlyStarred((e.target as HTMLInputElement).checked)}
          />
          <span>{t("markets.onlyWatchlist")}</span>
        </label>
      </div>
      <div class="table-wrap">
        <table class="data watchlist">
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">{t("markets.col.watch")}</span>
              </th>
              <th scope="col">{t("markets.col.symbol")}</th>
              <th scope="col" class="num">{t("markets.col.last")}</th>
              <th scope="col" class="num">{t("markets.col.change")}</th>
              <th scope="col" class="hide-sm">{t("markets.col.trend")}</th>
              <th scope="col">{t("markets.col.signal")}</th>
              <th scope="col" class="hide-sm">{t("markets.col.date")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const on = starred.includes(r.symbol);
              return (
                <tr key={r.symbol} data-symbol={r.symbol}>
                  <td>
                    <button
                      type="button"
                      class="star"
                      aria-pressed={on ? "true" : "false"}
                      aria-label={t(on ? "markets.unwatch" : "markets.watch", {
                        symbol: r.symbol,
                      })}
                      onClick={() => toggle(r.symbol)}
                    >
                      {on ? "★" : "☆"}
                    </button>
                  </td>
                  <th scope="row">
                    <a href={`/symbol/${encodeURIComponent(r.symbol)}`}>{r.symbol}</a>
                    <span class="muted small block">{r.name}</span>
                  </th>
                  <td class="num">{fmtPrice(lang, r.close)}</td>
                  <td class={`num ${trendClass(r.change)}`}>
                    {fmtChange(lang, r.change)}{" "}
                    <span class="small">({fmtPct(lang, r.changePct)})</span>
                  </td>
                  <td class="hide-sm">
                    {r.spark.length > 1
                      ? (
                        <Sparkline
                          values={r.spark}
                          label={t("markets.spark", { symbol: r.symbol })}
                        />
                      )
                      : <span class="muted">–</span>}
                  </td>
                  <td>
                    {r.stance
                      ? (
                        <span
                          class={`badge ${r.stance.toLowerCase()}`}
                          data-score={r.score ?? ""}
                        >
                          {stanceLabel(t, r.stance)}
                          {r.score !== null ? ` ${Math.round(r.score)}` : ""}
                        </span>
                      )
                      : <span class="muted" title={t("signals.unavailable")}>–</span>}
                  </td>
                  <td class="hide-sm">{fmtDate(lang, r.date)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length === 0
        ? (
          <p class="state" role="status">
            {onlyStarred && !q ? t("markets.watchlist.empty") : t("markets.noMatch")}{" "}
            {looksLikeTicker
              ? <a href={`/symbol/${encodeURIComponent(q)}`}>{t("markets.open", { symbol: q })}</a>
              : null}
          </p>
        )
        : null}
      <p class="muted small">{t("markets.watchlist.local")}</p>
    </section>
  );
}
