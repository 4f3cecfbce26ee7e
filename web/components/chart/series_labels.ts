/**
 * Human names of the indicator series core sends (`sma_50` → "SMA 50", `upper` → "Bollinger
 * upper", `histogram` → "MACD histogram") and a one-line reading of a latest value ("RSI 69:
 * near overbought"), in the UI language.
 *
 * @module
 */
import type { MessageKey, T } from "../../i18n/mod.ts";

const FIXED: Record<string, MessageKey> = {
  rsi: "series.rsi",
  macd: "series.macd",
  signal: "series.macdSignal",
  histogram: "series.macdHist",
  upper: "series.bbUpper",
  middle: "series.bbMiddle",
  lower: "series.bbLower",
  k: "series.stochK",
  d: "series.stochD",
};

/**
 * The name of series `key`; `requested` is the indicator asked for (`sma:20`) when the key
 * alone (`sma`) does not say its period.
 *
 * @example
 * ```ts
 * import "../../i18n/dictionaries.ts";
 * import { translator } from "../../i18n/mod.ts";
 * import { seriesLabel } from "./series_labels.ts";
 *
 * const t = translator("en");
 * seriesLabel(t, "sma_50"); // "SMA 50"
 * seriesLabel(t, "ema", "ema:50"); // "EMA 50"
 * seriesLabel(t, "sma"); // "SMA 20" (the default period)
 * seriesLabel(t, "histogram"); // "MACD histogram"
 * ```
 */
export function seriesLabel(t: T, key: string, requested = ""): string {
  const fixed = FIXED[key];
  if (fixed) return t(fixed);
  const m = /^(sma|ema)(?:_(\d+))?$/.exec(key);
  if (m) {
    const n = m[2] ?? (requested.split(":")[1] || "20"); // core's default period is 20
    return t(m[1] === "sma" ? "series.sma" : "series.ema", { n }).trim();
  }
  return key.replace(/_/g, " ");
}

/** Inputs of a reading: the latest value of the series and of its companions. */
export interface ReadingInputs {
  /** Latest close. */
  close: number | null;
  /** Latest value of each series of the response, by key. */
  latest: Record<string, number | null>;
}

/**
 * A one-line reading of series `key` at its latest value, or null when there is nothing to say.
 *
 * @example
 * ```ts
 * import "../../i18n/dictionaries.ts";
 * import { translator } from "../../i18n/mod.ts";
 * import { seriesReading } from "./series_labels.ts";
 *
 * seriesReading(translator("en"), "rsi", { close: 180, latest: { rsi: 69.2 } });
 * // "near overbought"
 * ```
 */
export function seriesReading(t: T, key: string, x: ReadingInputs): string | null {
  const v = x.latest[key];
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const band = (hi: number, nearHi: number, nearLo: number, lo: number): MessageKey =>
    v >= hi
      ? "reading.overbought"
      : v >= nearHi
      ? "reading.nearOverbought"
      : v <= lo
      ? "reading.oversold"
      : v <= nearLo
      ? "reading.nearOversold"
      : "reading.neutral";
  if (key === "rsi") return t(band(70, 60, 40, 30));
  if (key === "k" || key === "d") return t(band(80, 70, 30, 20));
  if (key === "macd") {
    const s = x.latest.signal;
    if (s === null || s === undefined) return null;
    return t(v >= s ? "reading.macdAbove" : "reading.macdBelow");
  }
  if (key === "histogram") return t(v >= 0 ? "reading.histPositive" : "reading.histNegative");
  const c = x.close;
  if (c === null) return null;
  if (key === "upper") return t(c >= v ? "reading.aboveUpper" : "reading.insideBands");
  if (key === "lower") return t(c <= v ? "reading.belowLower" : "reading.insideBands");
  if (key === "middle" || /^(sma|ema)(_\d+)?$/.test(key)) {
    return t(c >= v ? "reading.priceAbove" : "reading.priceBelow");
  }
  return null;
}
