/**
 * Double top and double bottom: two swing extremes at about the same price separated by one
 * opposite swing (the neckline), after a move that came from beyond the neckline.
 *
 * Criteria (weights): equal extremes (0.3, score 1 − |Δ| / (0.2 × height)), equal leg
 * durations (0.15), lower volume on the second extreme (0.15), height in ATRs (0.2, full at 4
 * ATR), breakout volume (0.2). Breakout: a close beyond the neckline; target: neckline ∓ height;
 * invalidation: a close beyond the higher top (lower bottom).
 *
 * @module
 */
import { type Criterion, unit } from "./_geometry.ts";
import type { DetectContext, Setup } from "./_setup.ts";
import type { ConfirmedPivot } from "./zigzag.ts";

function meanVolume(v: Float64Array, i: number, span = 2): number {
  let s = 0, m = 0;
  for (let k = Math.max(0, i - span); k <= i; k++) (s += v[k]!), m++;
  return s / m;
}

/**
 * Double-top (`top`) or double-bottom setups ending at each pivot of `pivots`.
 *
 * @example
 * ```ts
 * import { atr } from "../indicators/atr.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import type { DetectContext } from "./_setup.ts";
 * import { doubleSetups } from "./double.ts";
 * import { zigzagConfirmed } from "./zigzag.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const ctx: DetectContext = {
 *   cols: series,
 *   atr: atr(series.high, series.low, series.close),
 *   volumePeriod: 20,
 *   maxWait: 60,
 * };
 * const setups = doubleSetups(ctx, zigzagConfirmed(series), "top");
 * // resolveSetup(ctx, setup) then looks for each setup's breakout
 * ```
 */
export function doubleSetups(
  ctx: DetectContext,
  pivots: readonly ConfirmedPivot[],
  which: "top" | "bottom",
  { minBars = 5, maxBars = 150 }: { minBars?: number; maxBars?: number } = {},
): Setup[] {
  const s = which === "top" ? 1 : -1;
  const extremeType = which === "top" ? "high" : "low";
  const out: Setup[] = [];
  for (let k = 3; k < pivots.length; k++) {
    const p3 = pivots[k]!;
    if (p3.type !== extremeType) continue;
    const p0 = pivots[k - 3]!, p1 = pivots[k - 2]!, neck = pivots[k - 1]!;
    const v1 = s * p1.price, v3 = s * p3.price, vn = s * neck.price;
    const height = Math.min(v1, v3) - vn;
    const width = p3.index - p1.index;
    if (height <= 0 || width < minBars || width > maxBars) continue;
    if (!(s * p0.price < vn)) continue; // the move came from beyond the neckline
    const diff = Math.abs(v1 - v3);
    if (diff > 0.2 * height) continue;
    const avgHeight = (v1 + v3) / 2 - vn;
    const atr = ctx.atr[p3.index]!;
    const d1 = neck.index - p1.index, d2 = p3.index - neck.index;
    const vol1 = meanVolume(ctx.cols.volume, p1.index),
      vol3 = meanVolume(ctx.cols.volume, p3.index);
    const criteria: Criterion[] = [
      {
        w: 0.3,
        s: 1 - diff / (0.2 * height),
        code: which === "top" ? "tops_apart" : "bottoms_apart",
        params: {
          first: p1.price,
          second: p3.price,
          apart_pct: (diff / Math.abs(p1.price)) * 100,
        },
      },
      {
        w: 0.15,
        s: Math.min(d1, d2) / Math.max(d1, d2),
        code: "legs",
        params: { left_bars: d1, right_bars: d2 },
      },
      {
        w: 0.15,
        s: vol3 < vol1 ? 1 : 0.3,
        code: vol3 < vol1 ? "second_extreme_lower_volume" : "second_extreme_volume_not_lower",
      },
      {
        w: 0.2,
        s: Number.isFinite(atr) && atr > 0 ? unit(avgHeight / (4 * atr)) : 0.5,
        ...(atr > 0
          ? { code: "height_atr", params: { height: avgHeight, atr_multiple: avgHeight / atr } }
          : { code: "height", params: { height: avgHeight } }),
      },
    ];
    const stopLevel = s === 1 ? Math.max(p1.price, p3.price) : Math.min(p1.price, p3.price);
    const neckPrice = neck.price;
    out.push({
      kind: which === "top" ? "double_top" : "double_bottom",
      pivots: [p1, neck, p3],
      direction: which === "top" ? "bearish" : "bullish",
      upper: () => (s === 1 ? stopLevel : neckPrice),
      lower: () => (s === 1 ? neckPrice : stopLevel),
      expiresAt: p3.index + Math.max(10, width),
      target: (level) => level - s * avgHeight,
      criteria,
      lines: (end) => [{
        from: { index: p1.index, price: neckPrice },
        to: { index: end, price: neckPrice },
        label: "neckline",
      }],
    });
  }
  return out;
}
