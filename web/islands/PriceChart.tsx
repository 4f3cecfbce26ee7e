import { useEffect, useRef, useState } from "preact/hooks";
import { fmtBarDate, fmtNum, fmtPrice } from "../components/format.ts";
import { fmtVolume, tradesInLots, TW_LOT_SHARES } from "../components/volume.ts";
import { type Lang, translator } from "../i18n/mod.ts";
import { INDICATOR_CHOICES } from "../components/chart/chart_theme.ts";
import { defaultRange, rangesFor, TIMEFRAMES } from "../components/chart/timeframes.ts";
import type { Interval } from "../lib/api_types.ts";
import type { Shortfall } from "../lib/history_shortfall.ts";
import {
  buildChart,
  type ChartHandle,
  type DrawPattern,
  type Hover,
  type Overlays,
} from "../components/chart/chart_build.ts";
import {
  type OverlayToggles,
  parseToggles,
  togglesQuery,
} from "../components/chart/overlay_plan.ts";

/** Resolves in a later task, so the browser can paint and handle input in between. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Props of the price chart island. */
export interface PriceChartProps extends Overlays {
  /** Ticker. */
  symbol: string;
  /** UI language. */
  lang: Lang;
  /** The bar interval shown (daily by default). */
  interval?: Interval;
  /** Intervals the symbol has bars at (the switcher's others are disabled). */
  intervals?: Interval[];
  /** The page's query string when rendered (the switcher's links keep its other parameters). */
  query?: string;
}

/** Intraday intervals, and how many of their latest bars the chart loads (decades of hours). */
const INTRADAY = new Set<Interval>(["1m", "5m", "15m", "30m", "1h"]);
const INTRADAY_BARS = 5000;

/** The query string `search` at another interval (other parameters kept; daily has none). */
function intervalHref(search: string, interval: Interval): string {
  const q = new URLSearchParams(search);
  if (interval === "1d") q.delete("interval");
  else q.set("interval", interval);
  return q.size ? `?${q}` : "?";
}

type Status = "loading" | "ready" | "empty" | "error";

/**
 * Interactive candlestick chart (TradingView Lightweight Charts): volume pane, indicator panes
 * that keep a minimum height, a legend with OHLCV, indicator values and the day's signals under
 * the crosshair, range buttons, an indicator picker, and toggles (kept in the URL) for the
 * latest pattern (or all), signal markers and support/resistance levels. Data come from the
 * same-origin `/api/*`.
 */
export default function PriceChart(props: PriceChartProps) {
  const { symbol, lang } = props;
  const interval = props.interval ?? "1d";
  const available = props.intervals ?? ["1d", "1w", "1mo"];
  const t = translator(lang);
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<ChartHandle | null>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [hover, setHover] = useState<Hover | null>(null);
  const [range, setRange] = useState<string>(defaultRange(interval));
  const [partial, setPartial] = useState(false);
  const [active, setActive] = useState<string[]>([]);
  // why the last indicator asked for could not be drawn (the history it lacks, or unknown)
  const [indError, setIndError] = useState<Shortfall | false | null>(null);
  const [toggles, setToggles] = useState<OverlayToggles>(() =>
    typeof location === "undefined" ? parseToggles("") : parseToggles(location.search)
  );
  const [drawn, setDrawn] = useState<DrawPattern[]>([]);

  useEffect(() => {
    let disposed = false;
    (async () => {
      try {
        const [lc, res] = await Promise.all([
          import("lightweight-charts"),
          fetch(
            `/api/symbols/${encodeURIComponent(symbol)}/candles` +
              (interval === "1d"
                ? ""
                : `?interval=${interval}${
                  INTRADAY.has(interval) ? `&limit=${INTRADAY_BARS}` : ""
                }`),
          ),
        ]);
        if (!res.ok) throw new Error(`candles ${res.status}`);
        const body = await res.json() as { candles: Hover["bar"][] };
        if (disposed || !box.current) return;
        if (body.candles.length === 0) return setStatus("empty");
        const lotShares = tradesInLots(symbol) ? TW_LOT_SHARES : 1;
        const overlays = { ...props, lotShares, interval };
        // the build, the overlays and the first range each run in a task of their own, so the
        // page stays responsive while the chart is made (no one long main-thread block)
        await yieldToPage();
        if (disposed || !box.current) return;
        const h = buildChart(lc, box.current, body.candles, overlays, lang, t, setHover);
        handle.current = h;
        await yieldToPage();
        if (disposed) return;
        setDrawn(h.setOverlays(toggles));
        h.setRange(defaultRange(interval));
        setPartial(body.candles.at(-1)?.partial === true);
        setStatus("ready");
      } catch {
        if (!disposed) setStatus("error");
      }
    })();
    return () => {
      disposed = true;
      handle.current?.chart.remove();
      handle.current = null;
    };
  }, [symbol, interval]);

  const pickRange = (id: string) => {
    setRange(id);
    handle.current?.setRange(id);
  };

  const changeToggles = (patch: Partial<OverlayToggles>) => {
    const next = { ...toggles, ...patch };
    setToggles(next);
    if (handle.current) setDrawn(handle.current.setOverlays(next));
    const url = new URL(location.href);
    url.searchParams.set("overlays", togglesQuery(next));
    history.replaceState(null, "", url);
  };

  const toggleIndicator = async (id: string, on: boolean) => {
    const h = handle.current;
    if (!h) return;
    if (!on) {
      h.removeIndicator(id);
      setActive((a) => a.filter((x) => x !== id));
      return;
    }
    setActive((a) => [...a, id]);
    const done = await h.addIndicator(id, symbol);
    setIndError(done === true ? null : done);
    if (done !== true) setActive((a) => a.filter((x) => x !== id));
  };

  const check = (label: string, checked: boolean, on: (v: boolean) => void, name: string) => (
    <label class="check">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        disabled={status !== "ready"}
        onChange={(e) => on((e.target as HTMLInputElement).checked)}
      />
      <span>{label}</span>
    </label>
  );
  const bar = hover?.bar;

  return (
    <section class="chart-card" aria-labelledby="chart-h">
      <h2 id="chart-h" class="sr-only">{t("chart.title", { symbol })}</h2>
      <div class="chart-tools">
        <div
          role="group"
          aria-label={t("chart.interval")}
          class="seg timeframes"
          data-testid="timeframes"
        >
          {TIMEFRAMES.map((i) =>
            available.includes(i)
              ? (
                <a
                  key={i}
                  href={intervalHref(props.query ?? "", i)}
                  onClick={(e) => {
                    // the URL may have changed since the page was rendered (overlay toggles)
                    e.preventDefault();
                    location.href = intervalHref(location.search, i);
                  }}
                  aria-current={i === interval ? "page" : undefined}
                  data-interval={i}
                  title={t(`interval.${i}.long` as "interval.1d.long")}
                >
                  {t(`interval.${i}` as "interval.1d")}
                </a>
              )
              : (
                <span
                  key={i}
                  class="off"
                  aria-disabled="true"
                  data-interval={i}
                  title={t("interval.none", {
                    interval: t(`interval.${i}.long` as "interval.1d.long"),
                  })}
                >
                  {t(`interval.${i}` as "interval.1d")}
                </span>
              )
          )}
        </div>
        <div role="group" aria-label={t("chart.range")} class="seg">
          {rangesFor(interval).map((r) => (
            <button
              type="button"
              key={r.id}
              aria-pressed={range === r.id ? "true" : "false"}
              disabled={status !== "ready"}
              onClick={() => pickRange(r.id)}
            >
              {t(`range.${r.id}`)}
            </button>
          ))}
        </div>
        <fieldset class="picker">
          <legend>{t("chart.indicators")}</legend>
          {INDICATOR_CHOICES.map((c) => (
            <span key={c.id}>
              {check(
                t(`ind.${c.id.split(":")[0]}` as "ind.sma") +
                  (c.id.includes(":") ? ` ${c.id.split(":")[1]}` : ""),
                active.includes(c.id),
                (on) => toggleIndicator(c.id, on),
                `ind-${c.id}`,
              )}
            </span>
          ))}
        </fieldset>
        <fieldset class="picker" data-testid="overlay-toggles">
          <legend>{t("chart.overlays")}</legend>
          {check(t("chart.overlay.patterns"), toggles.patterns !== "off", (on) =>
            changeToggles({ patterns: on ? "latest" : "off" }), "ov-patterns")}
          {check(t("chart.overlay.allPatterns"), toggles.patterns === "all", (on) =>
            changeToggles({ patterns: on ? "all" : "latest" }), "ov-all")}
          {check(t("chart.overlay.signals"), toggles.signals, (on) =>
            changeToggles({ signals: on }), "ov-signals")}
          {check(t("chart.overlay.levels"), toggles.levels, (on) =>
            changeToggles({ levels: on }), "ov-levels")}
        </fieldset>
      </div>
      <div class="legend" data-testid="legend" aria-live="off">
        {bar
          ? (
            <>
              <span data-field="date" data-value={bar.date}>
                {fmtBarDate(lang, bar.date)}
              </span>
              {(["open", "high", "low", "close"] as const).map((k) => (
                <span key={k} data-field={k} data-value={bar[k]}>
                  {t(`ohlc.${k}`)} <b>{fmtPrice(lang, bar[k])}</b>
                </span>
              ))}
              <span data-field="volume" data-value={bar.volume}>
                {t("ohlc.volume")} <b>{fmtVolume(lang, t, bar.volume, symbol)}</b>
              </span>
              {hover.values.map((v) => (
                <span key={v.label} data-field="indicator" data-label={v.label}>
                  <i class="swatch" style={{ background: v.color }} /> {v.label}{" "}
                  <b>{fmtNum(lang, v.value, 2)}</b>
                </span>
              ))}
              {hover.signals.map((s) => (
                <span key={s.name} data-field="signal" class={s.type === "buy" ? "up" : "down"}>
                  {s.type === "buy" ? "▲" : "▼"} {s.name}
                </span>
              ))}
            </>
          )
          : <span>{symbol}</span>}
      </div>
      {indError === null ? null : (
        <p class="notice" role="status" data-testid="indicator-notice">
          {indError
            ? t("history.tooShort", {
              needs: indError.needs,
              have: indError.have ?? "–",
            })
            : t("chart.indicators.unavailable")}
        </p>
      )}
      {partial
        ? (
          <p class="muted small" data-testid="partial-note">
            {t(interval === "1mo" ? "chart.partial.month" : "chart.partial.week")}
          </p>
        )
        : null}
      <div class="chart-box" data-status={status}>
        <div class="chart-canvas" ref={box} />
        {status === "loading" ? <p class="state">{t("chart.loading")}</p> : null}
        {status === "error" ? <p class="state" role="alert">{t("chart.error")}</p> : null}
        {status === "empty" ? <p class="state">{t("chart.empty")}</p> : null}
      </div>
      {drawn.length
        ? (
          <p class="small" data-testid="drawn-patterns">
            {drawn.map((p) =>
              p.target === null
                ? p.label
                : `${t("chart.target", { pattern: p.label })} ${fmtPrice(lang, p.target)}`
            ).join(" · ")}
          </p>
        )
        : null}
      <p class="muted small">{t("chart.help")}</p>
    </section>
  );
}
