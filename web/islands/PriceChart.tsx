import { useEffect, useRef, useState } from "preact/hooks";
import { fmtCompact, fmtDate, fmtPrice } from "../components/format.ts";
import { type Lang, translator } from "../i18n/mod.ts";
import { INDICATOR_CHOICES, RANGES } from "./_chart_theme.ts";
import type { Candle } from "@trading/shared/schemas";
import { buildChart, type ChartHandle, type Overlays } from "./_chart_build.ts";

/** OHLCV shown in the legend. */
type Bar = Candle;

/** Props of the price chart island. */
export interface PriceChartProps extends Overlays {
  /** Ticker. */
  symbol: string;
  /** UI language. */
  lang: Lang;
}

type Status = "loading" | "ready" | "empty" | "error";

/**
 * Interactive candlestick chart (TradingView Lightweight Charts): volume pane, indicator panes,
 * OHLCV legend under the crosshair, range buttons, indicator picker, pattern outlines and signal
 * markers. Data come from the same-origin `/api/*`.
 */
export default function PriceChart(props: PriceChartProps) {
  const { symbol, lang } = props;
  const t = translator(lang);
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<ChartHandle | null>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [legend, setLegend] = useState<Bar | null>(null);
  const [range, setRange] = useState<string>("1Y");
  const [active, setActive] = useState<string[]>([]);
  const [indError, setIndError] = useState(false);

  useEffect(() => {
    let disposed = false;
    (async () => {
      try {
        const [lc, res] = await Promise.all([
          import("lightweight-charts"),
          fetch(`/api/symbols/${encodeURIComponent(symbol)}/candles`),
        ]);
        if (!res.ok) throw new Error(`candles ${res.status}`);
        const body = await res.json() as { candles: Bar[] };
        if (disposed || !box.current) return;
        if (body.candles.length === 0) return setStatus("empty");
        const h = buildChart(lc, box.current, body.candles, props, lang, (bar) => setLegend(bar));
        handle.current = h;
        setLegend(body.candles[body.candles.length - 1] ?? null);
        h.setRange("1Y");
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
  }, [symbol]);

  const pickRange = (id: string) => {
    setRange(id);
    handle.current?.setRange(id);
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
    const ok = await h.addIndicator(id, symbol);
    setIndError(!ok);
    if (!ok) setActive((a) => a.filter((x) => x !== id));
  };

  return (
    <section class="chart-card" aria-labelledby="chart-h">
      <h2 id="chart-h" class="sr-only">{t("chart.title", { symbol })}</h2>
      <div class="chart-tools">
        <div role="group" aria-label={t("chart.range")} class="seg">
          {RANGES.map((r) => (
            <button
              type="button"
              key={r.id}
              aria-pressed={range === r.id ? "true" : "false"}
              disabled={status !== "ready"}
              onClick={() => pickRange(r.id)}
            >
              {t(`range.${r.id}` as "range.1M")}
            </button>
          ))}
        </div>
        <fieldset class="picker">
          <legend>{t("chart.indicators")}</legend>
          {INDICATOR_CHOICES.map((c) => (
            <label key={c.id} class="check">
              <input
                type="checkbox"
                checked={active.includes(c.id)}
                disabled={status !== "ready"}
                onChange={(e) => toggleIndicator(c.id, (e.target as HTMLInputElement).checked)}
              />
              <span>
                {t(`ind.${c.id.split(":")[0]}` as "ind.sma")}
                {c.id.includes(":") ? ` ${c.id.split(":")[1]}` : ""}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      <div class="legend" data-testid="legend" aria-live="off">
        {legend
          ? (
            <>
              <span data-field="date" data-value={legend.date}>{fmtDate(lang, legend.date)}</span>
              {(["open", "high", "low", "close"] as const).map((k) => (
                <span key={k} data-field={k} data-value={legend[k]}>
                  {t(`ohlc.${k}`)} <b>{fmtPrice(lang, legend[k])}</b>
                </span>
              ))}
              <span data-field="volume" data-value={legend.volume}>
                {t("ohlc.volume")} <b>{fmtCompact(lang, legend.volume)}</b>
              </span>
            </>
          )
          : <span>{symbol}</span>}
      </div>
      {indError ? <p class="notice" role="status">{t("chart.indicators.unavailable")}</p> : null}
      <div class="chart-box" data-status={status}>
        <div class="chart-canvas" ref={box} />
        {status === "loading" ? <p class="state">{t("chart.loading")}</p> : null}
        {status === "error" ? <p class="state" role="alert">{t("chart.error")}</p> : null}
        {status === "empty" ? <p class="state">{t("chart.empty")}</p> : null}
      </div>
      <p class="muted small">{t("chart.help")}</p>
    </section>
  );
}
