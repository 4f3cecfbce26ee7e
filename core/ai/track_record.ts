/**
 * The analyst's track record from rated calls: per analyst (the rules, each LLM model and
 * prompt version) and stance the hit rate against every baseline, the same per symbol, the
 * calibration of stated confidence (reliability table, Brier scores, walk-forward re-mapping)
 * and the side-by-side of rules and LLMs once both have enough scored calls. Pure.
 *
 * @module
 */
import type {
  TrackAnalyst,
  TrackCalibration,
  TrackGroup,
  TrackRecordReport,
} from "@trading/shared/schemas";
import type { RatedCall } from "./baselines.ts";
import { brier, type Forecast, reliability, walkForward } from "./calibration.ts";
import { type EdgeOptions, groupStatsSteps, runSteps } from "./track_groups.ts";
import { mean, wilson } from "./track_stats.ts";

/** An analyst needs this many scored BUY/SELL calls for a record of its own. */
export const MIN_CALLS = 30;

/** The analyst of a call. */
export function analystOf(c: RatedCall): TrackAnalyst {
  const e = c.entry;
  return { source: e.source, model: e.model, prompt_version: e.prompt_version };
}

/** A stable key of an analyst. */
export const analystKey = (a: TrackAnalyst): string => `${a.source}|${a.model}|${a.prompt_version}`;

/** The calls of each analyst, rules first. */
export function byAnalyst(rated: readonly RatedCall[]): Map<string, RatedCall[]> {
  const out = new Map<string, RatedCall[]>();
  const sorted = [...rated].sort((a, b) =>
    (a.entry.source === b.entry.source ? 0 : a.entry.source === "rules" ? -1 : 1) ||
    analystKey(analystOf(a)).localeCompare(analystKey(analystOf(b)))
  );
  for (const c of sorted) {
    const k = analystKey(analystOf(c));
    out.set(k, [...(out.get(k) ?? []), c]);
  }
  return out;
}

/** The baseline a forecast is compared with: analytic for BUY/SELL, random dates for HOLD. */
export function baselineOf(c: RatedCall): number | null {
  if (c.pAnalytic !== null) return c.pAnalytic;
  return c.randomDate ? mean(c.randomDate) : null;
}

/** Decided calls as forecasts, oldest first, with their baselines. */
export function forecastsOf(
  calls: readonly RatedCall[],
): { f: Forecast[]; base: (number | null)[] } {
  const decided = calls.filter((c) => c.hit !== null)
    .sort((a, b) => a.entry.data_date.localeCompare(b.entry.data_date));
  return {
    f: decided.map((c) => ({
      confidence: c.entry.confidence,
      hit: c.hit!,
      date: c.entry.data_date,
      exitDate: c.exit_date!,
    })),
    base: decided.map(baselineOf),
  };
}

/**
 * The calibration of one analyst's calls of one kind (directional: BUY and SELL; hold).
 *
 * @example
 * ```ts
 * const cal = calibrationOf([], { source: "rules", model: "rules", prompt_version: "rules-v1" }, "directional");
 * cal.brier_stated; // null without decided calls; else the mean squared error of confidence
 * ```
 */
export function calibrationOf(
  calls: readonly RatedCall[],
  analyst: TrackAnalyst,
  kind: TrackCalibration["kind"],
): TrackCalibration {
  const mine = calls.filter((c) => (c.entry.stance === "HOLD") === (kind === "hold"));
  const { f, base } = forecastsOf(mine);
  const wf = walkForward(f);
  const hits = f.map((x) => x.hit);
  const oos = wf.flatMap((k, i) => (k === null ? [] : [i]));
  const withBase = base.flatMap((b, i) => (b === null ? [] : [i]));
  return {
    ...analyst,
    kind,
    scored: f.length,
    brier_stated: brier(f.map((x) => x.confidence), hits),
    brier_baseline: withBase.length
      ? brier(withBase.map((i) => base[i]!), withBase.map((i) => hits[i]!))
      : null,
    oos_calls: oos.length,
    brier_stated_oos: brier(oos.map((i) => f[i]!.confidence), oos.map((i) => hits[i]!)),
    brier_calibrated_oos: brier(oos.map((i) => wf[i]!), oos.map((i) => hits[i]!)),
    first_oos_year: oos.length ? f[oos[0]!]!.date.slice(0, 4) : null,
    buckets: reliability(f, base, wf).map((r) => {
      const [lo, hi] = wilson(r.hits, r.n);
      return {
        ...r,
        observed: r.n ? r.hits / r.n : null,
        observed_low: r.n ? lo : null,
        observed_high: r.n ? hi : null,
      };
    }),
  };
}

/** What the report says about itself. */
export interface ReportMeta {
  /** The set the record is defined on (the default universe's symbols). */
  universe: readonly string[];
  /** The symbols of it the record covers (enough history, or LLM calls). */
  symbols: readonly string[];
  /** Key of the data the record was computed from. */
  dataVersion: string;
  /** ISO time of the computation. */
  computedAt: string;
  /** How long it took, ms. */
  computeMs: number;
  /** Bars between the rules analyst's walk-forward calls. */
  everyBars: number;
  /** Random draws per call. */
  draws: number;
  /** Seed of the draws. */
  seed: number;
}

/**
 * The full track record of `rated`.
 *
 * @example
 * ```ts
 * const report = trackReport([], {
 *   universe: ["AAPL"], symbols: ["AAPL"], dataVersion: "AAPL:1", computedAt: "2024-01-01T00:00:00Z", computeMs: 0, everyBars: 20,
 *   draws: 1000, seed: 20,
 * });
 * report.side_by_side.ready; // false: neither analyst has 30 scored calls
 * ```
 */
export function trackReport(
  rated: readonly RatedCall[],
  meta: ReportMeta,
  o: EdgeOptions = {},
): TrackRecordReport {
  return runSteps(trackReportSteps(rated, meta, o));
}

/**
 * {@link trackReport} as steps (yielding after each bootstrapped comparison), for a server that
 * lets other requests in while it computes: the same report, in slices.
 */
export function* trackReportSteps(
  rated: readonly RatedCall[],
  meta: ReportMeta,
  o: EdgeOptions = {},
): Generator<void, TrackRecordReport> {
  const groups: TrackGroup[] = [],
    bySymbol: TrackGroup[] = [],
    calibration: TrackCalibration[] = [];
  const analysts: TrackRecordReport["analysts"] = [];
  const sideRows: TrackGroup[] = [];
  for (const calls of byAnalyst(rated).values()) {
    const a = analystOf(calls[0]!);
    const dir = calls.filter((c) => c.entry.stance !== "HOLD");
    const all = yield* groupStatsSteps(dir, a, "BUY+SELL", null, o);
    groups.push(all);
    for (const s of ["BUY", "SELL", "HOLD"] as const) {
      groups.push(yield* groupStatsSteps(calls.filter((c) => c.entry.stance === s), a, s, null, o));
    }
    for (const sym of [...new Set(calls.map((c) => c.entry.symbol))].sort()) {
      const of = calls.filter((c) => c.entry.symbol === sym);
      const dirOf = of.filter((c) => c.entry.stance !== "HOLD");
      bySymbol.push(yield* groupStatsSteps(dirOf, a, "BUY+SELL", sym, o));
      bySymbol.push(
        yield* groupStatsSteps(of.filter((c) => c.entry.stance === "HOLD"), a, "HOLD", sym, o),
      );
    }
    calibration.push(calibrationOf(calls, a, "directional"), calibrationOf(calls, a, "hold"));
    analysts.push({ ...a, scored: calls.filter((c) => c.hit !== null).length });
    sideRows.push(all);
  }
  const enough = (s: TrackAnalyst["source"]) =>
    sideRows.some((r) => r.source === s && r.scored >= MIN_CALLS);
  const decided = rated.filter((c) => c.hit !== null);
  return {
    universe: [...meta.universe],
    symbols: [...meta.symbols],
    period_from: decided.map((c) => c.entry.data_date).sort()[0] ?? null,
    period_to: decided.map((c) => c.exit_date ?? "").sort().at(-1) ?? null,
    data_version: meta.dataVersion,
    computed_at: meta.computedAt,
    compute_ms: meta.computeMs,
    every_bars: meta.everyBars,
    draws: meta.draws,
    seed: meta.seed,
    min_calls: MIN_CALLS,
    analysts,
    groups,
    by_symbol: bySymbol,
    calibration,
    side_by_side: { ready: enough("rules") && enough("llm"), rows: sideRows },
  };
}
