/**
 * The robustness view of a grid search: the score over two parameters, each cell the best
 * score over the other parameters, and the same map averaged over each cell's neighbourhood so
 * a lone lucky cell ranks below a broad plateau. Pure.
 *
 * @module
 */
import type { GridRow } from "./grid.ts";

/** A heat-map over two parameters. */
export interface Heatmap {
  /** Parameter on the x axis and its values (ascending). */
  x: { param: string; values: number[] };
  /** Parameter on the y axis and its values (ascending). */
  y: { param: string; values: number[] };
  /** `z[yi][xi]`: best score of the cell (null: no valid combination). */
  z: (number | null)[][];
  /** `smoothed[yi][xi]`: mean of the non-null scores in the 3×3 neighbourhood. */
  smoothed: (number | null)[][];
  /** The cell with the best raw score. */
  best: { x: number; y: number; score: number } | null;
  /** The cell with the best neighbourhood-averaged score: the robust choice. */
  robust: { x: number; y: number; score: number } | null;
}

/**
 * Builds the heat-map of `rows` over parameters `xParam` and `yParam`.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { smaCross } from "../strategies/sma_cross.ts";
 * import { expandGrid, type GridRow, scoreOf } from "./grid.ts";
 * import { heatmap } from "./heatmap.ts";
 * import { runBacktest } from "./run.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const grid = expandGrid({ fast: [5, 10, 20], slow: [50, 100, 150] });
 * const rows: GridRow[] = grid.map((params, index) => {
 *   const { metrics } = runBacktest(series, smaCross, params);
 *   return { index, params, score: scoreOf(metrics, "sharpe"), metrics };
 * });
 * const map = heatmap(rows, "fast", "slow");
 * map.robust; // { x: 20, y: 150, score: 0.767… } (the best raw cell here too: 0.956)
 * ```
 */
export function heatmap(rows: readonly GridRow[], xParam: string, yParam: string): Heatmap {
  const xs = [...new Set(rows.map((r) => Number(r.params[xParam])))].sort((a, b) => a - b);
  const ys = [...new Set(rows.map((r) => Number(r.params[yParam])))].sort((a, b) => a - b);
  const z: (number | null)[][] = ys.map(() => xs.map(() => null));
  for (const r of rows) {
    if (r.score === null) continue;
    const xi = xs.indexOf(Number(r.params[xParam])), yi = ys.indexOf(Number(r.params[yParam]));
    const cur = z[yi]![xi]!;
    if (cur === null || r.score > cur) z[yi]![xi] = r.score;
  }
  const smoothed = ys.map((_, yi) =>
    xs.map((_, xi) => {
      if (z[yi]![xi] === null) return null;
      let sum = 0, n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const v = z[yi + dy]?.[xi + dx];
          if (v !== undefined && v !== null) {
            sum += v;
            n++;
          }
        }
      }
      return sum / n;
    })
  );
  return {
    x: { param: xParam, values: xs },
    y: { param: yParam, values: ys },
    z,
    smoothed,
    best: argmax(z, xs, ys),
    robust: argmax(smoothed, xs, ys),
  };
}

function argmax(m: (number | null)[][], xs: number[], ys: number[]) {
  let best: { x: number; y: number; score: number } | null = null;
  m.forEach((row, yi) =>
    row.forEach((v, xi) => {
      if (v !== null && (best === null || v > best.score)) {
        best = { x: xs[xi]!, y: ys[yi]!, score: v };
      }
    })
  );
  return best;
}
