/**
 * Sanity checks of an analyst's price levels against the last price. Pure.
 *
 * @module
 */
import type { AnalystOutput } from "@trading/shared/schemas";

/** How far from the last price levels may lie (fractions of the last price). */
export const LEVEL_BANDS = {
  /** The entry must be within ±15 % of the last close. */
  entry: 0.15,
  /** Target and stop must be within ±50 % of the last close. */
  target: 0.5,
  /** Stop band. */
  stop: 0.5,
} as const;

/**
 * Problems with the levels of `out` (empty when they are sane): every level positive and
 * finite, within {@link LEVEL_BANDS} of `lastPrice`, and ordered by the stance — BUY: stop <
 * entry < target; SELL: target < entry < stop; HOLD: stop < entry < target (the range to watch).
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { buildFactsPack } from "./facts.ts";
 * import { levelProblems } from "./levels.ts";
 * import { ruleAnalysis } from "./rule_analyst.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const out = ruleAnalysis(buildFactsPack({ symbol: "AAPL", cols: series }), "en");
 * levelProblems({ ...out, stance: "BUY", entry: 100, target: 90, stop: 95 }, 100);
 * // ["BUY needs stop < entry < target, got stop 95, entry 100, target 90"]
 * ```
 */
export function levelProblems(out: AnalystOutput, lastPrice: number): string[] {
  const problems: string[] = [];
  for (const key of ["entry", "target", "stop"] as const) {
    const v = out[key];
    if (!Number.isFinite(v) || v <= 0) {
      problems.push(`${key} must be a positive price, got ${v}`);
      continue;
    }
    const band = LEVEL_BANDS[key];
    if (Math.abs(v - lastPrice) > band * lastPrice) {
      problems.push(
        `${key} ${v} is more than ${band * 100}% away from the last price ${lastPrice}`,
      );
    }
  }
  if (problems.length) return problems;
  const { entry, target, stop, stance } = out;
  const ordered = stance === "SELL"
    ? target < entry && entry < stop
    : stop < entry && entry < target;
  if (!ordered) {
    const rule = stance === "SELL" ? "target < entry < stop" : "stop < entry < target";
    problems.push(
      `${stance} needs ${rule}, got stop ${stop}, entry ${entry}, target ${target}`,
    );
  }
  return problems;
}
