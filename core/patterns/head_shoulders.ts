/**
 * Head and shoulders (top) and inverse head and shoulders (bottom): three swing extremes, the
 * middle one (head) beyond the other two (shoulders), with a neckline through the two swings
 * between them, after a move that came from beyond the neckline.
 *
 * Criteria (weights): shoulder heights above the neckline alike (0.25), head and shoulder
 * spans alike in time (0.15), head prominence over the higher shoulder (0.15), neckline
 * flatness (0.1), volume lower on the right shoulder than on the head (0.15), breakout volume
 * (0.2). Breakout: a close beyond the neckline; target: neckline at the break ∓ the head's
 * height above the neckline; invalidation: a close beyond the right shoulder.
 *
 * @module
 */
import { at, type Criterion, through, unit } from "./_geometry.ts";
import type { DetectContext, Setup } from "./_setup.ts";
import type { ConfirmedPivot } from "./zigzag.ts";

function meanVolume(v: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let k = from; k <= to; k++) s += v[k]!;
  return s / (to - from + 1);
}

/**
 * Head-and-shoulders (`top`) or inverse (`bottom`) setups ending at each pivot.
 *
 * @example
 * ```ts
 * import { atr } from "../indicators/atr.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import type { DetectContext } from "./_setup.ts";
 * import { headShouldersSetups } from "./head_shoulders.ts";
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
 * const setups = headShouldersSetups(ctx, zigzagConfirmed(series), "top");
 * ```
 */
export function headShouldersSetups(
  ctx: DetectContext,
  pivots: readonly ConfirmedPivot[],
  which: "top" | "bottom",
  { maxBars = 250 }: { maxBars?: number } = {},
): Setup[] {
  const s = which === "top" ? 1 : -1;
  const out: Setup[] = [];
  for (let k = 5; k < pivots.length; k++) {
    const rs = pivots[k]!;
    if (rs.type !== (which === "top" ? "high" : "low")) continue;
    const p0 = pivots[k - 5]!, ls = pivots[k - 4]!, n1 = pivots[k - 3]!, head = pivots[k - 2]!;
    const n2 = pivots[k - 1]!;
    const width = rs.index - ls.index;
    if (width > maxBars) continue;
    const neck = through(n1.index, n1.price, n2.index, n2.price);
    const above = (p: ConfirmedPivot) => s * (p.price - at(neck, p.index));
    const h = above(head), hl = above(ls), hr = above(rs);
    if (!(h > 0 && hl > 0.3 * h && hr > 0.3 * h)) continue;
    const prominence = h - Math.max(hl, hr);
    if (prominence < 0.1 * h) continue;
    if (Math.min(hl, hr) / Math.max(hl, hr) < 0.5) continue;
    const tilt = Math.abs(n2.price - n1.price);
    if (tilt > 0.6 * h) continue;
    if (!(above(p0) < 0)) continue; // the move came from beyond the neckline
    const t1 = head.index - ls.index, t2 = rs.index - head.index;
    if (Math.min(t1, t2) / Math.max(t1, t2) < 0.33) continue;
    const v = ctx.cols.volume;
    const volHead = meanVolume(v, n1.index, head.index);
    const volRight = meanVolume(v, n2.index, rs.index);
    const criteria: Criterion[] = [
      {
        w: 0.25,
        s: (Math.min(hl, hr) / Math.max(hl, hr) - 0.5) / 0.5,
        code: "shoulders",
        params: { left: ls.price, right: rs.price, head: head.price },
      },
      {
        w: 0.15,
        s: Math.min(t1, t2) / Math.max(t1, t2),
        code: "spans",
        params: { left_bars: t1, right_bars: t2 },
      },
      {
        w: 0.15,
        s: unit(prominence / (0.4 * h)),
        code: "head_prominence",
        params: { prominence_pct: Math.round(prominence / h * 100) },
      },
      {
        w: 0.1,
        s: 1 - tilt / (0.6 * h),
        code: "neckline",
        params: { from: n1.price, to: n2.price },
      },
      {
        w: 0.15,
        s: volRight < volHead ? 1 : 0.3,
        code: volRight < volHead
          ? "right_shoulder_lower_volume"
          : "right_shoulder_volume_not_lower",
      },
    ];
    const stopLevel = rs.price;
    const neckAt = (j: number) => at(neck, j);
    out.push({
      kind: which === "top" ? "head_and_shoulders" : "inverse_head_and_shoulders",
      pivots: [ls, n1, head, n2, rs],
      direction: which === "top" ? "bearish" : "bullish",
      upper: s === 1 ? () => stopLevel : neckAt,
      lower: s === 1 ? neckAt : () => stopLevel,
      expiresAt: rs.index + Math.max(10, Math.round(width / 2)),
      target: (level) => level - s * h,
      criteria,
      lines: (end) => [{
        from: { index: n1.index, price: n1.price },
        to: { index: end, price: neckAt(end) },
        label: "neckline",
      }],
    });
  }
  return out;
}
