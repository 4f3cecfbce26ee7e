/**
 * Closes through support/resistance levels, confirmed by volume.
 *
 * @module
 */
import { volumeRatioAt } from "./_volume.ts";
import type { Breakout, Level, OhlcvColumns } from "./types.ts";

/** Options of {@link detectBreakouts}. */
export interface BreakoutOptions {
  /** Bars averaged for the volume ratio (default 20). */
  volumePeriod?: number;
  /** Volume ≥ this × the average confirms a breakout (default 1.5). */
  volumeMultiple?: number;
  /** Keep only volume-confirmed breakouts (default false). */
  confirmedOnly?: boolean;
  /** Only bars at or after this index (default 0). */
  fromIndex?: number;
}

/**
 * For each level, every bar after the level's last touch whose close crosses it: `up` when the
 * previous close was at or below the level and this close is above, `down` the reverse. A
 * breakout is `confirmed` when the bar's volume is ≥ `volumeMultiple` × the mean of the
 * previous `volumePeriod` bars. Sorted by bar, then level.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { detectBreakouts } from "./breakouts.ts";
 * import { supportResistance } from "./levels.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const levels = supportResistance(series);
 * const breaks = detectBreakouts(series, levels, { volumeMultiple: 1.5, confirmedOnly: true });
 * ```
 */
export function detectBreakouts(
  cols: OhlcvColumns,
  levels: readonly Level[],
  { volumePeriod = 20, volumeMultiple = 1.5, confirmedOnly = false, fromIndex = 0 }:
    BreakoutOptions = {},
): Breakout[] {
  if (!(volumeMultiple > 0)) {
    throw new RangeError(
      `Cannot detect breakouts: volumeMultiple must be > 0, current value is ${volumeMultiple}`,
    );
  }
  const { close, volume, dates } = cols;
  const out: Breakout[] = [];
  for (const lv of levels) {
    for (let j = Math.max(lv.lastIndex + 1, fromIndex, 1); j < close.length; j++) {
      const prev = close[j - 1]!, c = close[j]!;
      const up = prev <= lv.price && c > lv.price;
      const down = prev >= lv.price && c < lv.price;
      if (!up && !down) continue;
      const ratio = volumeRatioAt(volume, j, volumePeriod);
      const confirmed = ratio !== null && ratio >= volumeMultiple;
      if (confirmedOnly && !confirmed) continue;
      out.push({
        index: j,
        date: dates[j]!,
        level: lv.price,
        direction: up ? "up" : "down",
        close: c,
        volumeRatio: ratio,
        confirmed,
      });
    }
  }
  return out.sort((a, b) => a.index - b.index || a.level - b.level);
}
