/**
 * Cup and handle: two swing highs (the rims) at about the same price with only lower swings
 * between them (the cup, rounded rather than V-shaped), then a shallow pullback (the handle:
 * the next swing low, retracing ≤ 50 % of the cup's depth and lasting ≤ half the cup).
 *
 * Criteria (weights): equal rims (0.2, score 1 − |Δ| / (0.2 × depth)), roundness: share of
 * the cup's closes in its lower half (0.25, full at 40 %), bottom near the middle (0.1),
 * shallow handle (0.15, full at ≤ 1/3 of the depth), handle volume below the cup's (0.1),
 * breakout volume (0.2). Breakout: a close above the right rim; target: rim + depth;
 * invalidation: a close below the handle's low.
 *
 * @module
 */
import { type Criterion, unit } from "./_geometry.ts";
import type { DetectContext, Setup } from "./_setup.ts";
import type { ConfirmedPivot } from "./zigzag.ts";

function meanVolume(v: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let k = from; k <= to; k++) s += v[k]!;
  return s / Math.max(1, to - from + 1);
}

/**
 * Cup-and-handle setups whose handle is the pivot after a right rim.
 *
 * @example
 * ```ts
 * import { atr } from "../indicators/atr.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import type { DetectContext } from "./_setup.ts";
 * import { cupHandleSetups } from "./cup_handle.ts";
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
 * const setups = cupHandleSetups(ctx, zigzagConfirmed(series));
 * ```
 */
export function cupHandleSetups(
  ctx: DetectContext,
  pivots: readonly ConfirmedPivot[],
  { minCupBars = 20, maxCupBars = 300 }: { minCupBars?: number; maxCupBars?: number } = {},
): Setup[] {
  const { close, volume } = ctx.cols;
  const out: Setup[] = [];
  for (let r = 2; r + 1 < pivots.length; r++) {
    const right = pivots[r]!, handle = pivots[r + 1]!;
    if (right.type !== "high") continue;
    let highestBetween = -Infinity;
    let bottom: ConfirmedPivot | null = null;
    for (let l = r - 1; l >= 0; l--) {
      const left = pivots[l]!;
      const width = right.index - left.index;
      if (width > maxCupBars) break;
      if (left.type === "low") {
        if (!bottom || left.price < bottom.price) bottom = left;
        continue;
      }
      const rimLow = Math.min(left.price, right.price);
      if (highestBetween < rimLow && bottom && width >= minCupBars) {
        const depth = rimLow - bottom.price;
        const rimDiff = Math.abs(left.price - right.price);
        const handleDepth = right.price - handle.price;
        const handleBars = handle.index - right.index;
        const atr = ctx.atr[right.index]!;
        if (
          depth > 0 && rimDiff <= 0.2 * depth && depth <= 0.5 * rimLow &&
          (!(atr > 0) || depth >= 3 * atr) &&
          handleDepth <= 0.5 * depth && handleBars <= width / 2
        ) {
          let lowerHalf = 0;
          const mid = bottom.price + depth / 2;
          for (let j = left.index; j <= right.index; j++) if (close[j]! < mid) lowerHalf++;
          const round = lowerHalf / (width + 1);
          const pos = (bottom.index - left.index) / width;
          if (round >= 0.15 && pos >= 0.2 && pos <= 0.8) {
            const volCup = meanVolume(volume, left.index, right.index);
            const volHandle = meanVolume(volume, right.index + 1, handle.index);
            const criteria: Criterion[] = [
              {
                w: 0.2,
                s: 1 - rimDiff / (0.2 * depth),
                code: "cup_rims",
                params: { left: left.price, right: right.price, depth_pct: depth / rimLow * 100 },
              },
              {
                w: 0.25,
                s: unit(round / 0.4),
                code: "cup_round",
                params: { lower_half_pct: Math.round(round * 100) },
              },
              {
                w: 0.1,
                s: 1 - Math.abs(pos - 0.5) / 0.3,
                code: "cup_bottom",
                params: { position_pct: Math.round(pos * 100) },
              },
              {
                w: 0.15,
                s: unit((0.5 - handleDepth / depth) / (0.5 - 1 / 3)),
                code: "handle_retrace",
                params: { retrace_pct: handleDepth / depth * 100, bars: handleBars },
              },
              {
                w: 0.1,
                s: volHandle < volCup ? 1 : 0.3,
                code: volHandle < volCup ? "handle_quieter" : "handle_volume_not_lower",
              },
            ];
            const rim = right.price, stop = handle.price;
            const l0 = left, b0 = bottom;
            out.push({
              kind: "cup_and_handle",
              pivots: [l0, b0, right, handle],
              direction: "bullish",
              upper: () => rim,
              lower: () => stop,
              expiresAt: handle.index + Math.max(10, Math.min(40, 2 * handleBars)),
              target: (level) => level + depth,
              criteria,
              lines: (end) => [{
                from: { index: l0.index, price: rim },
                to: { index: end, price: rim },
                label: "rim",
              }],
            });
          }
        }
      }
      highestBetween = Math.max(highestBetween, left.price);
    }
  }
  return out;
}
