/**
 * Flags and pennants: a steep move (the pole) followed by a short consolidation whose swings
 * lie on two lines — parallel and flat or leaning against the pole (flag), or converging
 * (pennant). The pole runs from the most extreme price of the `maxPoleBars` bars before the
 * consolidation's first swing to that swing; it must be ≥ 3 ATR and ≥ 0.3 ATR per bar. The
 * consolidation (4 or 5 swings, ≤ `maxFlagBars` bars and ≤ 3 × the pole's bars) must retrace
 * ≤ 50 % of the pole.
 *
 * Criteria (weights): pole steepness in ATR per bar (0.2, full at 1), shallow retracement
 * (0.2), shape (0.2: lines parallel for a flag, narrowing for a pennant), lower mean volume in
 * the consolidation than in the pole (0.2), breakout volume (0.2). Breakout: a close beyond
 * the consolidation's line in the pole's direction; target: breakout ± pole height;
 * invalidation: a close beyond the consolidation's opposite extreme.
 *
 * @module
 */
import { at, type Criterion, fit, maxResidual, unit } from "./_geometry.ts";
import type { DetectContext, Setup } from "./_setup.ts";
import type { ConfirmedPivot } from "./zigzag.ts";

function meanVolume(v: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let k = from; k <= to; k++) s += v[k]!;
  return s / Math.max(1, to - from + 1);
}

/**
 * Bull flag, bear flag and pennant setups whose consolidation starts at a pivot.
 *
 * @example
 * ```ts
 * import { atr } from "../indicators/atr.ts";
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import type { DetectContext } from "./_setup.ts";
 * import { flagSetups } from "./flags.ts";
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
 * const setups = flagSetups(ctx, zigzagConfirmed(series, { atrMultiple: 1 }));
 * ```
 */
export function flagSetups(
  ctx: DetectContext,
  pivots: readonly ConfirmedPivot[],
  { maxPoleBars = 20, maxFlagBars = 30 }: { maxPoleBars?: number; maxFlagBars?: number } = {},
): Setup[] {
  const { high, low, volume } = ctx.cols;
  const out: Setup[] = [];
  for (let b = 0; b < pivots.length; b++) {
    const top = pivots[b]!;
    const s = top.type === "high" ? 1 : -1; // +1: pole up (bull), −1: pole down (bear)
    // pole start: the extreme opposite price of the bars before the top
    let startIdx = top.index, startPrice = top.price;
    for (let j = Math.max(0, top.index - maxPoleBars); j < top.index; j++) {
      const p = s === 1 ? low[j]! : high[j]!;
      if (s * p < s * startPrice) (startPrice = p), (startIdx = j);
    }
    const pole = s * (top.price - startPrice), poleBars = top.index - startIdx;
    const atr = ctx.atr[top.index]!;
    if (!(atr > 0) || poleBars < 2 || pole < 3 * atr || pole / poleBars < 0.3 * atr) continue;
    for (const m of [4, 5]) {
      const win = pivots.slice(b, b + m);
      if (win.length < m) break;
      const last = win[m - 1]!;
      const flagBars = last.index - top.index;
      if (flagBars > maxFlagBars || flagBars > 3 * poleBars) break;
      const tops = win.filter((p) => p.type === top.type);
      const backs = win.filter((p) => p.type !== top.type);
      const edge = fit(tops), base = fit(backs); // edge: line the breakout crosses
      const deepest = Math.min(...backs.map((p) => s * p.price));
      const retrace = (s * top.price - deepest) / pole;
      if (retrace > 0.5) continue;
      const x0 = top.index, x1 = last.index;
      const h0 = s * (at(edge, x0) - at(base, x0)), h1 = s * (at(edge, x1) - at(base, x1));
      if (!(h0 > 0 && h1 > 0)) continue;
      const hm = (h0 + h1) / 2;
      if (Math.max(maxResidual(tops, edge), maxResidual(backs, base)) > 0.25 * hm) continue;
      const rise = s * edge.slope * (x1 - x0), riseBase = s * base.slope * (x1 - x0);
      const pennant = h1 / h0 <= 0.7 && rise < 0 && riseBase > 0;
      const flag = !pennant && h1 / h0 > 0.6 && h1 / h0 < 1.6 && rise <= 0.25 * hm &&
        riseBase <= 0.25 * hm;
      if (!pennant && !flag) continue;
      const volPole = meanVolume(volume, startIdx, top.index);
      const volFlag = meanVolume(volume, top.index + 1, last.index);
      const criteria: Criterion[] = [
        {
          w: 0.2,
          s: unit(pole / poleBars / atr),
          code: "pole",
          params: { pole, bars: poleBars, atr_multiple: pole / atr },
        },
        {
          w: 0.2,
          s: 1 - retrace / 0.5,
          code: "pole_retrace",
          params: { retrace_pct: retrace * 100 },
        },
        pennant
          ? {
            w: 0.2,
            s: unit((0.7 - h1 / h0) / 0.4),
            code: "narrows",
            params: { from: h0, to: h1 },
          }
          : {
            w: 0.2,
            s: 1 - Math.abs(Math.log(h1 / h0)) / Math.log(1.6),
            code: "parallel_lines",
          },
        {
          w: 0.2,
          s: volFlag < volPole ? 1 : 0.3,
          code: volFlag < volPole ? "consolidation_lower_volume" : "consolidation_volume_not_lower",
        },
      ];
      const stopLevel = s * deepest;
      out.push({
        kind: pennant ? "pennant" : s === 1 ? "bull_flag" : "bear_flag",
        pivots: win,
        direction: s === 1 ? "bullish" : "bearish",
        upper: s === 1 ? (j) => at(edge, j) : () => stopLevel,
        lower: s === 1 ? () => stopLevel : (j) => at(edge, j),
        expiresAt: last.index + Math.max(5, Math.min(20, flagBars)),
        target: (level) => level + s * pole,
        criteria,
        start: startIdx,
        lines: (end) => [
          {
            from: { index: startIdx, price: startPrice },
            to: { index: x0, price: top.price },
            label: "pole",
          },
          {
            from: { index: x0, price: at(edge, x0) },
            to: { index: end, price: at(edge, end) },
            label: s === 1 ? "upper" : "lower",
          },
          {
            from: { index: x0, price: at(base, x0) },
            to: { index: end, price: at(base, end) },
            label: s === 1 ? "lower" : "upper",
          },
        ],
      });
    }
  }
  return out;
}
