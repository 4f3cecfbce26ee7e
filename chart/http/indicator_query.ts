/**
 * Maps a chart spec to core's indicator names (`sma:20,bollinger,rsi,macd`) and core's answer
 * back to the renderer's series keys (`sma20`, `bb.upper`, `macd.signal`, …).
 *
 * @module
 */
import type { ChartOverlay, ChartPane, ChartSpec } from "@trading/shared/schemas";
import type { IndicatorsWire } from "./core_wire.ts";

type Item = ChartOverlay | ChartPane;

/** The indicator name core understands for an overlay or pane, or null when none is needed. */
export function coreIndicatorName(item: Item): string | null {
  switch (item.type) {
    case "sma":
    case "ema":
      return `${item.type}:${item.period}`;
    case "bollinger":
      return item.period === 20 && item.k === 2
        ? "bollinger"
        : `bollinger:${item.period}:${item.k}`;
    case "vwap":
      return "vwap";
    case "rsi":
      return item.period === 14 ? "rsi" : `rsi:${item.period}`;
    case "macd":
      return item.fast === 12 && item.slow === 26 && item.signal === 9
        ? "macd"
        : `macd:${item.fast}:${item.slow}:${item.signal}`;
    case "stochastic":
      return item.k === 14 && item.d === 3 ? "stochastic" : `stochastic:${item.k}:${item.d}`;
    default:
      return null;
  }
}

/** The items of `spec` that need indicator series, with their core names. */
export function indicatorItems(spec: ChartSpec): { item: Item; name: string }[] {
  const out: { item: Item; name: string }[] = [];
  for (const item of [...spec.overlays, ...spec.panes]) {
    const name = coreIndicatorName(item);
    if (name && !out.some((o) => o.name === name)) out.push({ item, name });
  }
  return out;
}

function pick(outputs: readonly string[], re: RegExp): string | undefined {
  return outputs.find((o) => re.test(o));
}

/** Renderer keys → core output keys of one item, given the outputs core listed for it. */
function keyMap(item: Item, outputs: readonly string[]): Record<string, string | undefined> {
  switch (item.type) {
    case "sma":
    case "ema":
      return { [`${item.type}${item.period}`]: outputs[0] };
    case "bollinger":
      return {
        "bb.upper": pick(outputs, /upper/),
        "bb.middle": pick(outputs, /middle|mid|basis/),
        "bb.lower": pick(outputs, /lower/),
      };
    case "vwap":
      return { vwap: outputs[0] };
    case "rsi":
      return { rsi: outputs[0] };
    case "macd":
      return {
        "macd.macd": outputs.find((o) => /macd/.test(o) && !/signal|hist/.test(o)),
        "macd.signal": pick(outputs, /signal/),
        "macd.histogram": pick(outputs, /hist/),
      };
    case "stochastic":
      return { "stoch.k": pick(outputs, /(^|_)k$/), "stoch.d": pick(outputs, /(^|_)d$/) };
    default:
      return {};
  }
}

/** Conventional output keys when core does not list `indicators` (e.g. `sma`, `sma_50`). */
function fallbackOutputs(item: Item, series: Record<string, unknown>): string[] {
  const keys = Object.keys(series);
  switch (item.type) {
    case "sma":
    case "ema":
      return keys.filter((k) =>
        k === `${item.type}_${item.period}` || (item.period === 20 && k === item.type)
      );
    case "bollinger":
      return keys.filter((k) => /^(upper|middle|lower)/.test(k));
    case "macd":
      return keys.filter((k) => /^(macd|signal|histogram)/.test(k));
    case "stochastic":
      return keys.filter((k) => /^(k|d)(_|$)/.test(k));
    default:
      return keys.filter((k) => k === item.type);
  }
}

/**
 * Aligns core's series with `dates` (the candles drawn) and renames them to renderer keys.
 * Returns the series and the names of requested indicators core did not provide.
 */
export function mapIndicators(
  items: readonly { item: Item; name: string }[],
  wire: IndicatorsWire,
  dates: readonly string[],
): { series: Record<string, (number | null)[]>; missing: string[] } {
  const pos = new Map(wire.dates.map((d, i) => [d, i]));
  const at = dates.map((d) => pos.get(d));
  const series: Record<string, (number | null)[]> = {};
  const missing: string[] = [];
  items.forEach(({ item, name }, i) => {
    const base = name.split(":")[0];
    const period = "period" in item ? item.period : undefined;
    const listed = wire.indicators?.[i]?.name === base
      ? wire.indicators?.[i]
      : wire.indicators?.find((x) =>
        x.name === base && (period === undefined || x.params?.["period"] === period)
      );
    const outputs = listed?.outputs ?? fallbackOutputs(item, wire.series);
    const map = keyMap(item, outputs);
    let ok = Object.keys(map).length > 0;
    for (const [key, out] of Object.entries(map)) {
      const src = out === undefined ? undefined : wire.series[out];
      if (!src) {
        ok = false;
        continue;
      }
      series[key] = at.map((j) => (j === undefined ? null : src[j] ?? null));
    }
    if (!ok) missing.push(name);
  });
  return { series, missing };
}
