/**
 * Triangles, wedges and channels: five or six consecutive swings whose highs and lows each lie
 * on a straight line (least squares), classified by the two slopes.
 *
 * With `hm` the mean height between the lines and `du`, `dl` the rise of the upper and lower
 * line over the pattern, a line is flat when its rise is within ±0.2 hm; the lines converge
 * when the end height is ≤ 0.75 × the start height and are parallel when the ratio is within
 * 0.8..1.25. Ascending triangle: flat upper, rising lower (bullish). Descending: flat lower,
 * falling upper (bearish). Symmetric: falling upper, rising lower (neutral until it breaks).
 * Rising wedge: both rising and converging (bearish); falling wedge: both falling and
 * converging (bullish). Channel up / down: both rising / falling and parallel (continuation:
 * bullish / bearish). Swings must sit within 0.2 hm of their line and closes within 0.15 hm.
 *
 * Criteria (weights): touches (0.25: 5 pivots 0.7, 6 pivots 1), fit error (0.25), closes
 * inside the lines (0.15), convergence or parallelism (0.15), breakout volume (0.2). Targets:
 * triangles and channels: breakout ± start height (channels: mean height); wedges: back to
 * the wedge's start. Triangles expire at the apex.
 *
 * @module
 */
import { at, type Criterion, fit, type Line, maxResidual, unit } from "./_geometry.ts";
import type { DetectContext, Setup } from "./_setup.ts";
import type { ChartPatternKind, Direction } from "./types.ts";
import type { ConfirmedPivot } from "./zigzag.ts";

const DIRECTIONS: Partial<Record<ChartPatternKind, Direction>> = {
  ascending_triangle: "bullish",
  descending_triangle: "bearish",
  symmetric_triangle: "neutral",
  rising_wedge: "bearish",
  falling_wedge: "bullish",
  channel_up: "bullish",
  channel_down: "bearish",
};

function classify(du: number, dl: number, h0: number, h1: number, hm: number) {
  const flat = 0.2 * hm;
  const ratio = h1 / h0;
  const up = (d: number) => d > flat, down = (d: number) => d < -flat;
  const isFlat = (d: number) => !up(d) && !down(d);
  if (ratio <= 0.75) {
    if (isFlat(du) && up(dl)) return "ascending_triangle";
    if (isFlat(dl) && down(du)) return "descending_triangle";
    if (down(du) && up(dl)) return "symmetric_triangle";
    if (up(du) && up(dl)) return "rising_wedge";
    if (down(du) && down(dl)) return "falling_wedge";
  } else if (ratio >= 0.8 && ratio <= 1.25) {
    if (up(du) && up(dl)) return "channel_up";
    if (down(du) && down(dl)) return "channel_down";
  }
  return null;
}

function insideShare(
  ctx: DetectContext,
  upper: Line,
  lower: Line,
  s: number,
  e: number,
  tol: number,
) {
  const c = ctx.cols.close;
  let inside = 0;
  for (let j = s; j <= e; j++) {
    const x = c[j]!;
    if (x <= at(upper, j) + tol && x >= at(lower, j) - tol) inside++;
  }
  return inside / (e - s + 1);
}

/**
 * Triangle, wedge and channel setups from windows of 5 and 6 consecutive pivots.
 *
 * @example
 * ```ts
 * import { atr } from "../indicators/atr.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import type { DetectContext } from "./_setup.ts";
 * import { trendlineSetups } from "./trendline_patterns.ts";
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
 * const setups = trendlineSetups(ctx, zigzagConfirmed(series));
 * ```
 */
export function trendlineSetups(
  ctx: DetectContext,
  pivots: readonly ConfirmedPivot[],
  { maxBars = 250 }: { maxBars?: number } = {},
): Setup[] {
  const out: Setup[] = [];
  for (let k = 4; k < pivots.length; k++) {
    for (const m of [5, 6]) {
      if (k - m + 1 < 0) continue;
      const win = pivots.slice(k - m + 1, k + 1);
      const s = win[0]!.index, e = win[m - 1]!.index;
      if (e - s > maxBars) continue;
      const highs = win.filter((p) => p.type === "high");
      const lows = win.filter((p) => p.type === "low");
      const upper = fit(highs), lower = fit(lows);
      const h0 = at(upper, s) - at(lower, s), h1 = at(upper, e) - at(lower, e);
      if (!(h0 > 0 && h1 > 0)) continue;
      const hm = (h0 + h1) / 2;
      const kind = classify(upper.slope * (e - s), lower.slope * (e - s), h0, h1, hm);
      if (!kind) continue;
      const resid = Math.max(maxResidual(highs, upper), maxResidual(lows, lower));
      if (resid > 0.2 * hm) continue;
      const inside = insideShare(ctx, upper, lower, s, e, 0.15 * hm);
      if (inside < 0.9) continue;
      const converging = h1 / h0 <= 0.75;
      let expiresAt = e + Math.max(10, Math.round((e - s) / 2));
      if (converging && upper.slope !== lower.slope) {
        const apex = (lower.intercept - upper.intercept) / (upper.slope - lower.slope);
        expiresAt = Math.min(expiresAt, Math.floor(apex));
      }
      const criteria: Criterion[] = [
        { w: 0.25, s: m >= 6 ? 1 : 0.7, code: "swing_points", params: { count: m } },
        { w: 0.25, s: 1 - resid / (0.2 * hm), code: "largest_swing", params: { residual: resid } },
        {
          w: 0.15,
          s: (inside - 0.9) / 0.1,
          code: "closes_inside",
          params: { inside_pct: Math.round(inside * 100) },
        },
        converging
          ? {
            w: 0.15,
            s: unit((0.75 - h1 / h0) / 0.5),
            code: "narrows",
            params: { from: h0, to: h1 },
          }
          : {
            w: 0.15,
            s: 1 - Math.abs(Math.log(h1 / h0)) / Math.log(1.25),
            code: "parallel_lines_height",
            params: { from: h0, to: h1 },
          },
      ];
      const isWedge = kind === "rising_wedge" || kind === "falling_wedge";
      const isChannel = kind === "channel_up" || kind === "channel_down";
      const start = kind === "rising_wedge" ? at(lower, s) : at(upper, s);
      const height = isChannel ? hm : h0;
      out.push({
        kind,
        pivots: win,
        direction: DIRECTIONS[kind]!,
        upper: (j) => at(upper, j),
        lower: (j) => at(lower, j),
        expiresAt,
        target: isWedge ? () => start : (level, side) => level + side * height,
        criteria,
        lines: (end) => [
          {
            from: { index: s, price: at(upper, s) },
            to: { index: end, price: at(upper, end) },
            label: "upper",
          },
          {
            from: { index: s, price: at(lower, s) },
            to: { index: end, price: at(lower, end) },
            label: "lower",
          },
        ],
      });
    }
  }
  return out;
}
