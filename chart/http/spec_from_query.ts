/**
 * Turns the query of `GET /charts/:symbol.(svg|png)` into a chart spec.
 *
 * @module
 */
import {
  type ChartOverlay,
  type ChartPane,
  type ChartQuery,
  type ChartSpec,
  ChartSpecSchema,
} from "@trading/shared/schemas";
import { ValidationError } from "@trading/shared/errors";
import { validate } from "@trading/shared/http";

const TOKEN = /^(sma|ema|bb|bollinger|vwap|rsi|macd|stoch|stochastic|volume)(\d{0,3})$/;

/**
 * Parses `indicators=sma20,ema50,bb,vwap,rsi,macd,stoch,volume` into overlays and panes.
 * Throws a 422 naming `indicators` on an unknown token.
 */
export function parseIndicators(
  list: string | undefined,
): { overlays: ChartOverlay[]; panes: ChartPane[] } {
  const overlays: ChartOverlay[] = [];
  const panes: ChartPane[] = [];
  if (!list) return { overlays, panes };
  for (const raw of list.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean)) {
    const m = TOKEN.exec(raw);
    const n = m?.[2] ? Number(m[2]) : undefined;
    if (!m || (n !== undefined && (n < 1 || n > 500))) {
      throw new ValidationError(`Invalid query: indicators: unknown indicator "${raw}"`, [{
        field: "indicators",
        message: `unknown indicator "${raw}"; use sma20, ema50, bb, vwap, rsi, macd, stoch, volume`,
      }]);
    }
    const kind = m[1]!;
    if (kind === "sma" || kind === "ema") overlays.push({ type: kind, period: n ?? 20 });
    else if (kind === "bb" || kind === "bollinger") {
      overlays.push({ type: "bollinger", period: n ?? 20, k: 2 });
    } else if (kind === "vwap") overlays.push({ type: "vwap" });
    else if (kind === "rsi") panes.push({ type: "rsi", period: n ?? 14 });
    else if (kind === "macd") panes.push({ type: "macd", fast: 12, slow: 26, signal: 9 });
    else if (kind === "stoch" || kind === "stochastic") {
      panes.push({ type: "stochastic", k: n ?? 14, d: 3 });
    } else if (kind === "volume") panes.push({ type: "volume" });
  }
  return { overlays, panes };
}

/** Builds the spec of a GET chart request (volume pane first unless `volume=0`). */
export function specFromQuery(symbol: string, q: ChartQuery): ChartSpec {
  const { overlays, panes } = parseIndicators(q.indicators);
  if (q.patterns === "1") overlays.push({ type: "patterns" });
  if (q.levels === "1" || (q.patterns === "1" && q.levels !== "0")) {
    overlays.push({ type: "levels" });
  }
  if (q.signals === "1") overlays.push({ type: "signals" });
  const lower = panes.filter((p) => p.type !== "volume");
  const withVolume: ChartPane[] = q.volume === "0" ? lower : [{ type: "volume" }, ...lower];
  return validate(ChartSpecSchema, {
    symbol,
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.width ? { width: q.width } : {}),
    ...(q.height ? { height: q.height } : {}),
    ...(q.theme ? { theme: q.theme } : {}),
    ...(q.style ? { style: q.style } : {}),
    ...(q.lang ? { lang: q.lang } : {}),
    ...(q.updown ? { up_colour: q.updown } : {}),
    ...(q.title ? { title: q.title } : {}),
    interval: q.interval,
    overlays,
    panes: withVolume,
  }, "query");
}
