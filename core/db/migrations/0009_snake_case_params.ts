import type { Migration } from "../migrations.ts";

const RENAMES: [string, string][] = [
  ["entryMa", "entry_ma"],
  ["exitMa", "exit_ma"],
  ["rsiHigh", "rsi_high"],
  ["rsiLow", "rsi_low"],
  ["breakoutBars", "breakout_bars"],
  ["minConfidence", "min_confidence"],
  ["maxBars", "max_bars"],
];

const rename = (pairs: [string, string][]) =>
  pairs.map(([from, to]) =>
    `UPDATE paper_bots SET params = REPLACE(params, '"${from}":', '"${to}":');`
  ).join("\n");

/**
 * One wire style: the strategy parameters that were camelCase (`analyst_rules`,
 * `pattern_breakout`) are snake_case now; stored paper bots keep working with their parameters
 * renamed in place (down renames them back).
 */
export const m0009: Migration = {
  version: 9,
  name: "snake_case_params",
  up: rename(RENAMES),
  down: rename(RENAMES.map(([a, b]) => [b, a])),
};
