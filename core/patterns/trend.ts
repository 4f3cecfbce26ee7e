/**
 * The trend before a candlestick pattern, read from the bars before it.
 *
 * @module
 */
import type { OhlcvColumns, Trend } from "./types.ts";

/** Options of {@link trendBefore}. */
export interface TrendOptions {
  /** Bars looked back (default 10). */
  trendPeriod?: number;
  /** Least move, in ATRs, that counts as a trend (default 1). */
  trendAtr?: number;
}

/**
 * Trend over the `trendPeriod` bars before bar `s` (reads bars `s − trendPeriod − 1 .. s − 1`
 * only): `up` when `close[s−1] − close[s−1−N] ≥ trendAtr × ATR[s−1]` and `close[s−1]` is above
 * its N-bar SMA; `down` for the mirror; otherwise `none` (also during warm-up). `strength` is
 * the move in units of 3 ATR, clamped to 0..1.
 *
 * @example
 * ```ts
 * import { atr as atrOf } from "../indicators/atr.ts";
 * import { sma } from "../indicators/sma.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { trendBefore } from "./trend.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const atr = atrOf(series.high, series.low, series.close, 14);
 * const sma10 = sma(series.close, 10);
 * // the trend over the 10 bars before bar 120
 * const { trend, strength } = trendBefore(series, 120, atr, sma10, { trendPeriod: 10 });
 * ```
 */
export function trendBefore(
  cols: OhlcvColumns,
  s: number,
  atr: Float64Array,
  sma: Float64Array,
  { trendPeriod = 10, trendAtr = 1 }: TrendOptions = {},
): { trend: Trend; strength: number } {
  const i = s - 1, j = s - 1 - trendPeriod;
  if (j < 0) return { trend: "none", strength: 0 };
  const a = atr[i]!, m = sma[i]!;
  if (!(a > 0) || Number.isNaN(m)) return { trend: "none", strength: 0 };
  const c = cols.close[i]!;
  const change = c - cols.close[j]!;
  const strength = Math.min(1, Math.abs(change) / (3 * a));
  if (change >= trendAtr * a && c > m) return { trend: "up", strength };
  if (change <= -trendAtr * a && c < m) return { trend: "down", strength };
  return { trend: "none", strength };
}
