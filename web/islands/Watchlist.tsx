import { TableRegion } from "../components/TableRegion.tsx";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { isSymbol } from "@trading/shared/symbol";
import type { LiveQuote } from "@trading/shared/schemas";
import { Sparkline } from "../components/Sparkline.tsx";
import { fmtChange, fmtDate, fmtPct, fmtPrice, trendClass } from "../components/format.ts";
import { type Lang, translator } from "../i18n/mod.ts";
import { stanceLabel } from "../components/labels.ts";
import {
  loadWatchlist,
  MAX_SERVER_WATCHLIST,
  type WatchlistSave,
  watchlistSaver,
} from "../lib/watchlist_store.ts";
import { api } from "../lib/api_error.ts";
import { readSse } from "../lib/sse.ts";
import { rowAt } from "../components/markets/row_at.ts";
import { StaleBadge } from "../components/StaleBadge.tsx";

/** Streams quotes for `symbols` while `on`; returns the latest per symbol and the state. */
function useLiveQuotes(symbols: string[], on: boolean) {
  const [quotes, setQuotes] = useState<Record<string, LiveQuote>>({});
  const [state, setState] = useState<"off" | "connecting" | "on" | "error">("off");
  useEffect(() => {
    if (!on || symbols.length === 0) {
      setState("off");
      return;
    }
    const ac = new AbortController();
    setState("connecting");
    const url = `/api/quotes/stream?symbols=${encodeURIComponent(symbols.slice(0, 20).join(","))}`;
    fetch(url, { signal: ac.signal, headers: { accept: "text/event-stream" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        setState("on");
        await readSse(res, (e) => {
          if (e.event !== "quote") return;
          const q = JSON.parse(e.data) as LiveQuote;
          setQuotes((prev) => ({ ...prev, [q.symbol]: q }));
        });
      })
      .catch(() => {
        if (!ac.signal.aborted) setState("error");
      });
    return () => ac.abort();
  }, [on, symbols.join(",")]);
  return { quotes, state };
}

/** One row of the markets table. */
export interface WatchRow {
  /** Ticker. */
  symbol: string;
  /** Company or index name. */
  name: string;
  /** Chinese name, when the data has one. */
  nameZh: string | null;
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
  /** Dates of `spark`'s closes. */
  sparkDates: string[];
  /** True when the last stored bar is older than the market's last completed session. */
  stale: boolean;
  /** Composite signal stance, when the signals API answers. */
  stance: string | null;
  /** Composite score. */
  score: number | null;
}

/** A stored symbol outside the table, for the search. */
export interface SearchEntry {
  /** Ticker. */
  symbol: string;
  /** Name. */
  name: string;
  /** Chinese name, when the data has one. */
  nameZh: string | null;
}

/** True when `q` (upper case) is in the ticker, the name or the Chinese name. */
function matches(e: SearchEntry, q: string): boolean {
  return !q || e.symbol.includes(q) || e.name.toUpperCase().includes(q) ||
    (e.nameZh ?? "").includes(q);
}

/** The name to show: the Chinese one in zh-TW (or when the name is only the ticker). */
function displayName(e: SearchEntry, lang: Lang): string {
  return e.nameZh && (lang === "zh-TW" || e.name === e.symbol) ? e.nameZh : e.name;
}

/** Props of the watchlist island. */
export interface WatchlistProps {
  /** Every symbol's row. */
  rows: WatchRow[];
  /** The other stored symbols, listed when the search matches them. */
  others?: SearchEntry[];
  /** UI language. */
  lang: Lang;
  /** Signed in: the watchlist is the account's (server); else this browser's. */
  signedIn?: boolean;
}

/**
 * Markets table: search, a starred watchlist (the account's when signed in, else this
 * browser's), links to symbol pages.
 */
export default function Watchlist({ rows, others = [], lang, signedIn = false }: WatchlistProps) {
  const t = translator(lang);
  const [query, setQuery] = useState("");
  const [starred, setStarred] = useState<string[]>([]);
  const [source, setSource] = useState<"server" | "browser">("browser");
  const [note, setNote] = useState("");
  const [onlyStarred, setOnlyStarred] = useState(false);
  const [live, setLive] = useState(false);
  const save = useRef<(s: string[]) => Promise<WatchlistSave>>(watchlistSaver("browser", { api }));
  // the list last confirmed where it lives (restored when a save fails)
  const confirmed = useRef<string[]>([]);
  const saves = useRef(0);
  useEffect(() => {
    let gone = false;
    loadWatchlist(signedIn, { api }).then((r) => {
      if (gone) return;
      save.current = watchlistSaver(r.source, { api });
      confirmed.current = r.symbols;
      setSource(r.source);
      setStarred(r.symbols);
      if (r.failed !== undefined) setNote(t("markets.watchlist.loadFailed"));
      else if (r.uploaded) setNote(t("markets.watchlist.uploaded", { n: r.uploaded }));
    });
    return () => {
      gone = true;
    };
  }, [signedIn]);

  const toggle = (sym: string) => {
    const next = starred.includes(sym) ? starred.filter((s) => s !== sym) : [...starred, sym];
    if (source === "server" && next.length > MAX_SERVER_WATCHLIST) {
      return setNote(t("markets.watchlist.full", { n: MAX_SERVER_WATCHLIST }));
    }
    setNote("");
    setStarred(next);
    const mine = ++saves.current;
    save.current(next).then((r) => {
      if (r.ok) confirmed.current = r.symbols;
      else setNote(t("markets.watchlist.saveFailed"));
      // the newest save decides what is shown: the list as stored, or the last one stored
      if (mine === saves.current) setStarred(confirmed.current);
    });
  };
  const q = query.trim().toUpperCase();
  const shown = useMemo(() =>
    rows.filter((r) =>
      (!onlyStarred || starred.includes(r.symbol)) &&
      matches(r, q)
    ).sort((a, b) => Number(starred.includes(b.symbol)) - Number(starred.includes(a.symbol))), [
    rows,
    q,
    onlyStarred,
    starred,
  ]);
  const found = q && !onlyStarred ? others.filter((e) => matches(e, q)).slice(0, 20) : [];
  const looksLikeTicker = isSymbol(q) && !found.some((e) => e.symbol === q);
  const { quotes, state: liveState } = useLiveQuotes(shown.map((r) => r.symbol), live);
  const replaying = Object.values(quotes).some((x) => x.source === "replay");

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
        <label class="check">
          <input
            type="checkbox"
            checked={live}
            onChange={(e) => setLive((e.target as HTMLInputElement).checked)}
          />
          <span>{t("markets.live")}</span>
        </label>
        {live
          ? (
            <span class="muted small" role="status">
              {liveState === "error"
                ? t("markets.live.error")
                : replaying
                ? t("markets.live.replay")
                : liveState === "on"
                ? t("markets.live.on")
                : t("markets.live.connecting")}
            </span>
          )
          : null}
      </div>
      <TableRegion label={t("a11y.tableOf", { name: t("markets.table") })}>
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
              const v = rowAt(r, live ? quotes[r.symbol] : undefined);
              return (
                <tr key={r.symbol} data-symbol={r.symbol} data-replay={v.replay || undefined}>
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
                    <span class="muted small block">{displayName(r, lang)}</span>
                    {v.replay
                      ? (
                        <span class="badge replay" data-testid="replay-badge">
                          {t("markets.replay.badge", { date: fmtDate(lang, v.date) })}
                        </span>
                      )
                      : r.stale && quotes[r.symbol]?.source !== "live"
                      ? <StaleBadge t={t} lang={lang} date={r.date} />
                      : null}
                  </th>
                  <td class="num" data-live={live ? quotes[r.symbol]?.source : undefined}>
                    {fmtPrice(lang, v.price)}
                  </td>
                  <td class={`num ${trendClass(v.change)}`}>
                    {fmtChange(lang, v.change)}{" "}
                    <span class="small">({fmtPct(lang, v.changePct)})</span>
                  </td>
                  <td class="hide-sm">
                    {v.spark.length > 1
                      ? (
                        <Sparkline
                          values={v.spark}
                          label={t("markets.spark", { symbol: r.symbol })}
                        />
                      )
                      : <span class="muted">–</span>}
                  </td>
                  <td>
                    {v.stance
                      ? (
                        <span
                          class={`badge ${v.stance.toLowerCase()}`}
                          data-score={v.score ?? ""}
                        >
                          {stanceLabel(t, v.stance)}
                          {v.score !== null ? ` ${Math.round(v.score)}` : ""}
                        </span>
                      )
                      : (
                        <span
                          class="muted"
                          title={t(v.replay ? "markets.replay.noSignal" : "signals.unavailable")}
                        >
                          –
                        </span>
                      )}
                  </td>
                  <td class="hide-sm" data-testid="row-date">{fmtDate(lang, v.date)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {found.length
        ? (
          <div data-testid="search-stored">
            <h3 class="small">{t("markets.search.stored")}</h3>
            <ul class="list">
              {found.map((e) => (
                <li key={e.symbol}>
                  <a href={`/symbol/${encodeURIComponent(e.symbol)}`}>{e.symbol}</a>{" "}
                  <span class="muted small">{displayName(e, lang)}</span>
                </li>
              ))}
            </ul>
          </div>
        )
        : null}
      {shown.length === 0 && found.length === 0
        ? (
          <p class="state" role="status">
            {onlyStarred && !q ? t("markets.watchlist.empty") : t("markets.noMatch")}{" "}
            {looksLikeTicker
              ? <a href={`/symbol/${encodeURIComponent(q)}`}>{t("markets.open", { symbol: q })}</a>
              : null}
          </p>
        )
        : null}
      {note ? <p class="small" role="status" data-testid="watchlist-note">{note}</p> : null}
      <p class="muted small">
        {t(source === "server" ? "markets.watchlist.account" : "markets.watchlist.local")}
      </p>
    </section>
  );
}
