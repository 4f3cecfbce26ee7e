import { isSymbol } from "@trading/shared/symbol";
import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import { fmtChange, fmtDate, fmtNum, fmtPct, fmtPrice, trendClass } from "../components/format.ts";
import type { PageSpec } from "../pages/render_page.tsx";
import { fmtVolume, tradesInLots } from "../components/volume.ts";
import AiPanel from "../islands/AiPanel.tsx";
import PriceChart from "../islands/PriceChart.tsx";
import { stanceLabel } from "../components/labels.ts";
import { rangeLabels } from "../components/quote_range.ts";
import { StaleBadge } from "../components/StaleBadge.tsx";
import type {
  IndicatorsResponse,
  Interval,
  PatternsResponse,
  Quote,
  SignalsResponse,
  SymbolIntervals,
  SymbolsResponse,
} from "../lib/api_types.ts";
import { AnalysisLists, IndicatorTable } from "../components/AnalysisLists.tsx";
import { levelLabel, patternLabel, signalLabel } from "../components/labels.ts";
import type { PageRequest } from "./types.ts";
import {
  analysisFrom,
  CALENDAR_TIMEFRAMES,
  parseInterval,
} from "../components/chart/timeframes.ts";

const TABLE_INDICATORS = "sma:20,sma:50,ema:20,rsi,macd,bollinger";

/** The Chinese name in zh-TW (or when the name is only the ticker), else the name. */
function symbolName(
  info: { symbol: string; name: string; name_zh: string | null },
  lang: string,
): string {
  return info.name_zh && (lang === "zh-TW" || info.name === info.symbol) ? info.name_zh : info.name;
}

function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Symbol page: quote header, interactive chart, indicators, patterns, signals and the AI panel. */
export async function symbolPage(req: PageRequest): Promise<PageSpec> {
  const { t, lang } = req;
  const symbol = (req.params.symbol ?? "").toUpperCase();
  if (!isSymbol(symbol)) {
    return {
      title: symbol || "?",
      status: 404,
      body: <ErrorState title="symbol.notFound.title" body="symbol.notFound.body" />,
    };
  }
  const enc = encodeURIComponent(symbol);
  const interval = parseInterval(req.query.get("interval"));
  // every request of the page is at the chosen interval (daily keeps the plain URLs)
  const at = (path: string) =>
    interval === "1d" ? path : `${path}${path.includes("?") ? "&" : "?"}interval=${interval}`;
  const quote = await req.core.get<Quote>(at(`/api/symbols/${enc}/quote`));
  if (!quote.ok) {
    const down = quote.status >= 500;
    return {
      title: symbol,
      status: down ? 503 : 404,
      body: down ? <ErrorState title="error.core.title" body="error.core.body" /> : (
        <ErrorState
          title="symbol.notFound.title"
          body="symbol.notFound.body"
          detail={quote.message}
        />
      ),
    };
  }
  const q = quote.data;
  const from = daysBefore(q.date.slice(0, 10), 200);
  // patterns and levels of the chart's first range, not of decades ago (see analysisFrom)
  const since = analysisFrom(interval, q.date);
  const [symbols, indicators, patterns, signals, available] = await Promise.all([
    req.core.get<SymbolsResponse>("/symbols?all=true"),
    req.core.get<IndicatorsResponse>(
      at(
        `/api/symbols/${enc}/indicators?names=${encodeURIComponent(TABLE_INDICATORS)}&from=${from}`,
      ),
    ),
    req.core.get<PatternsResponse>(
      at(`/api/symbols/${enc}/patterns?candles=1${since ? `&from=${since}` : ""}`),
    ),
    req.core.get<SignalsResponse>(at(`/api/symbols/${enc}/signals`)),
    req.core.get<SymbolIntervals>(`/api/symbols/${enc}/intervals`),
  ]);
  // the switcher enables the intervals with bars (daily, weekly, monthly when core cannot say)
  const intervals: Interval[] = available.ok ? available.data.intervals : [...CALENDAR_TIMEFRAMES];
  const info = symbols.ok ? symbols.data.symbols.find((s) => s.symbol === symbol) : undefined;
  // the 10 patterns that ended last (the chart draws the latest confirmed one by default)
  const recentPatterns = patterns.ok
    ? [...patterns.data.patterns].sort((a, b) => a.end_date < b.end_date ? -1 : 1).slice(-10)
    : [];
  const recentSignals = signals.ok ? signals.data.signals.slice(-30) : [];
  const levels = patterns.ok
    ? [...patterns.data.levels].sort((a, b) => b.strength - a.strength).slice(0, 4)
    : [];
  const chartProps = {
    symbol,
    lang,
    interval,
    intervals,
    query: req.query.toString(),
    patterns: recentPatterns.map((p) => ({
      kind: p.kind,
      direction: p.direction,
      endDate: p.end_date,
      confirmed: p.confirmed,
      pivots: p.pivots.map((v) => ({ index: v.index, date: v.date, price: v.price })),
      lines: (p.lines ?? []).map((l) => ({
        from: { index: l.from.index, price: l.from.price },
        to: { index: l.to.index, price: l.to.price },
      })),
      target: p.target,
      label: patternLabel(t, p.kind),
    })),
    signals: recentSignals.map((s) => ({
      date: s.date,
      type: s.type,
      name: signalLabel(t, s.name),
    })),
    levels: levels.map((l) => ({ price: l.price, kind: l.kind, label: levelLabel(t, l.kind) })),
  };
  const score = signals.ok ? signals.data.score : null;
  const span = rangeLabels(t, lang, info?.first, q.date);
  return {
    title: symbol,
    body: (
      <>
        <header class="quote">
          <div>
            <h1>
              {symbol} <span class="muted">{info ? symbolName(info, lang) : ""}</span>
            </h1>
            <p class="muted small">
              {info ? `${info.market} · ${info.currency} · ` : ""}
              {q.stale
                ? <StaleBadge t={t} lang={lang} date={q.as_of.slice(0, 10)} />
                : t("quote.asOf", { date: fmtDate(lang, q.as_of.slice(0, 10)) })}
              {interval === "1d" ? "" : (
                <>
                  {" · "}
                  <span class="nowrap">{t(`interval.${interval}.long`)}</span>
                </>
              )}
            </p>
            <p class="actions">
              <a
                class="button"
                href={`/backtest?symbol=${enc}${interval === "1d" ? "" : `&interval=${interval}`}`}
              >
                {t("symbol.backtest")}
              </a>
              <a class="button" href={`/paper?symbol=${enc}`}>{t("symbol.trade")}</a>
              <a class="button" href={`/alerts?symbol=${enc}&price=${q.close}`}>
                {t("symbol.alert")}
              </a>
            </p>
          </div>
          <div class="price">
            <span class="big" data-testid="last-close">{fmtPrice(lang, q.close)}</span>
            <span class={trendClass(q.change)}>
              {fmtChange(lang, q.change)} ({fmtPct(lang, q.change_percent)})
            </span>
          </div>
          <dl class="facts">
            <div>
              <dt>{t("quote.volume")}</dt>
              <dd data-testid="quote-volume">
                {fmtVolume(lang, t, q.volume, symbol)}
                {tradesInLots(symbol)
                  ? <span class="muted small block">{t("volume.lotNote")}</span>
                  : null}
              </dd>
            </div>
            <div>
              <dt data-testid="high-label">{span.high}</dt>
              <dd>{fmtPrice(lang, q.high_52w)}</dd>
            </div>
            <div>
              <dt>{span.low}</dt>
              <dd>{fmtPrice(lang, q.low_52w)}</dd>
            </div>
            <div>
              <dt>{t("signals.composite")}</dt>
              <dd>
                {score
                  ? (
                    <span class={`badge ${score.stance.toLowerCase()}`}>
                      {stanceLabel(t, score.stance)} {fmtNum(lang, score.score, 0)}
                    </span>
                  )
                  : "–"}
              </dd>
            </div>
          </dl>
        </header>
        <Island name="PriceChart" component={PriceChart} props={chartProps} />
        <div class="grid2">
          <IndicatorTable result={indicators} close={q.close} />
          <Island name="AiPanel" component={AiPanel} props={{ symbol, lang, interval }} />
        </div>
        <AnalysisLists patterns={patterns} signals={signals} symbol={symbol} />
      </>
    ),
  };
}
