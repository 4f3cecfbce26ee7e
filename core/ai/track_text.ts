/**
 * The track record as plain text for `deno task ai:evaluate`: per group the hit rate with its
 * Wilson interval and the difference to each baseline with its bootstrap interval and verdict,
 * then the calibration (Brier scores and the reliability table). Pure.
 *
 * @module
 */
import type {
  TrackCalibration,
  TrackEdge,
  TrackGroup,
  TrackRecordReport,
} from "@trading/shared/schemas";

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);
const pp = (x: number | null) =>
  x === null ? "n/a" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} pp`;

/** The words of a verdict. */
export const VERDICT_TEXT: Record<NonNullable<TrackEdge["verdict"]>, string> = {
  edge: "EDGE (interval above zero)",
  no_measurable_edge: "no measurable edge",
  below_baseline: "BELOW the baseline (interval below zero)",
  too_few_calls: "too few calls for a verdict",
};

function edgeLine(label: string, e: TrackEdge, returns = false): string {
  if (e.verdict === null) return `  vs ${label}: n/a`;
  const band = e.baseline_low === null
    ? ""
    : ` (draws' 95% band ${pct(e.baseline_low)}–${pct(e.baseline_high)})`;
  const what = returns ? "mean return" : "rate";
  return `  vs ${label}: ${e.n} calls, baseline ${what} ${pct(e.baseline)}${band}, difference ` +
    `${pp(e.difference)} [${pp(e.difference_low)}, ${pp(e.difference_high)}]: ` +
    VERDICT_TEXT[e.verdict];
}

/** `rules rules-v1` or `llm gpt-4o-mini analyst-v2`. */
export const analystName = (a: Pick<TrackGroup, "source" | "model" | "prompt_version">) =>
  a.source === a.model
    ? `${a.source} ${a.prompt_version}`
    : `${a.source} ${a.model} ${a.prompt_version}`;

/** The lines of one group. */
export function groupText(g: TrackGroup): string {
  const who = analystName(g);
  const head = `${who} ${g.stance}${g.symbol ? ` ${g.symbol}` : ""}: ${g.scored} scored ` +
    `(${g.period_from ?? "-"}..${g.period_to ?? "-"}), hit rate ${pct(g.hit_rate)} (95% ` +
    `${pct(g.hit_rate_low)}–${pct(g.hit_rate_high)})` +
    (g.avg_return === null ? "" : `, avg return ${pct(g.avg_return)}`);
  if (g.stance === "HOLD") return [head, edgeLine("random dates", g.vs_random_date)].join("\n");
  return [
    head,
    edgeLine("S/(S+T), target-first rate of calls that reached a level", g.vs_analytic),
    edgeLine("random dates (same side, distances, horizon)", g.vs_random_date),
    edgeLine("random side (same dates)", g.vs_random_side),
    edgeLine("buy-and-hold over the same horizons", g.vs_buy_hold, true),
  ].join("\n");
}

/** The calibration block of one analyst and kind. */
export function calibrationText(c: TrackCalibration): string {
  const f = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));
  const lines = [
    `calibration ${analystName(c)} ${c.kind}: ${c.scored} scored, ` +
    `Brier stated ${f(c.brier_stated)} (baseline ${f(c.brier_baseline)}); walk-forward out of ` +
    `sample from ${c.first_oos_year ?? "-"} (${c.oos_calls} calls): stated ` +
    `${f(c.brier_stated_oos)} -> calibrated ${f(c.brier_calibrated_oos)}`,
    "  confidence      n   stated  observed (95%)          baseline  calibrated",
  ];
  for (const b of c.buckets) {
    if (!b.n) continue;
    lines.push(
      `  ${b.lo.toFixed(2)}–${b.hi.toFixed(2)} ${String(b.n).padStart(6)} ${
        pct(b.stated).padStart(8)
      } ${pct(b.observed).padStart(9)} (${pct(b.observed_low)}–${pct(b.observed_high)})`
        .padEnd(58) + `${pct(b.baseline).padStart(8)} ${pct(b.calibrated).padStart(11)}`,
    );
  }
  return lines.join("\n");
}

/**
 * Which symbols and period the record covers.
 *
 * @example
 * ```ts
 * coverageText({
 *   universe: ["AAPL", "MSFT", "SPY"], symbols: ["AAPL", "SPY"],
 *   period_from: "1999-01-04", period_to: "2021-03-31",
 * });
 * // "Covers 2 of the universe's 3 symbols (AAPL, SPY; no scored calls: MSFT), calls from
 * // 1999-01-04, outcomes decided by 2021-03-31."
 * ```
 */
export function coverageText(
  r: Pick<TrackRecordReport, "universe" | "symbols" | "period_from" | "period_to">,
): string {
  const left = r.universe.filter((s) => !r.symbols.includes(s));
  return `Covers ${r.symbols.length} of the universe's ${r.universe.length} symbols ` +
    `(${r.symbols.join(", ") || "none"}${
      left.length ? `; no scored calls: ${left.join(", ")}` : ""
    }), ` +
    (r.period_from
      ? `calls from ${r.period_from}, outcomes decided by ${r.period_to}.`
      : "no scored calls yet.");
}

/**
 * The whole report as text.
 *
 * @example
 * ```ts
 * import { trackReport } from "./track_record.ts";
 * const meta = {
 *   universe: ["SPY"], symbols: ["SPY"], dataVersion: "v", computedAt: "t", computeMs: 0, everyBars: 20, draws: 1,
 *   seed: 1,
 * };
 * trackText(trackReport([], meta)); // "Covers 1 of the universe's 1 symbols (SPY) …"
 * ```
 */
export function trackText(r: TrackRecordReport): string {
  const side = r.side_by_side.ready
    ? "rules vs LLM side by side: see the BUY+SELL groups above"
    : `rules vs LLM: not yet — an analyst needs ${r.min_calls} scored BUY/SELL calls ` +
      `(${r.side_by_side.rows.map((g) => `${analystName(g)}: ${g.scored}`).join(", ")})`;
  return [
    coverageText(r),
    `Baselines: ${r.draws} seeded random draws per call (seed ${r.seed}), 95% paired ` +
    `bootstrap intervals of the difference; hit-rate intervals are Wilson 95%.`,
    ...r.groups.map(groupText),
    "",
    "Per symbol:",
    ...r.by_symbol.filter((g) => g.scored > 0).map(groupText),
    "",
    ...r.calibration.filter((c) => c.scored > 0).map(calibrationText),
    "",
    side,
  ].join("\n");
}
