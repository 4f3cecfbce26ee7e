/**
 * Decides what to do with a provider's answer given the stored history: apply the new bars,
 * apply them after re-basing stored prices for a split the answer reports, or quarantine the
 * answer because it contradicts stored bars beyond a tolerance. Pure.
 *
 * @module
 */
import type { DividendEvent, SplitEvent } from "./bar.ts";
import type { Bar } from "./bar.ts";
import type { Series } from "./series.ts";

/** Outcome of {@link reconcile}. */
export type Reconciliation =
  | {
    kind: "apply";
    /** Bars whose dates are not stored yet. */
    newBars: Bar[];
    /** Stored bars before `before` must be multiplied by `factor` (a split re-basing). */
    rescale: { before: string; factor: number }[];
    /** Events to record. */
    splits: SplitEvent[];
    /** Events to record. */
    dividends: DividendEvent[];
    /** Overlapping bars compared. */
    checked: number;
    /** Bars of the answer refused because they break OHLC rules (the rest is applied). */
    rejected: { date: string; reason: string }[];
  }
  | {
    kind: "quarantine";
    reason: string;
    conflicts: { date: string; stored: number | null; received: number }[];
  };

/** Why a bar breaks the OHLC rules, or null when it is valid. */
function barProblem(b: Bar): string | null {
  if (![b.open, b.high, b.low, b.close].every((x) => Number.isFinite(x) && x > 0)) {
    return "non-positive or non-finite price";
  }
  if (!(Number.isFinite(b.volume) && b.volume >= 0)) return "invalid volume";
  if (b.high < Math.max(b.open, b.close)) return `high ${b.high} below max(open, close)`;
  if (b.low > Math.min(b.open, b.close)) return `low ${b.low} above min(open, close)`;
  return null;
}

/**
 * Compares the overlap of `incoming` with `stored` (closes within `tolerancePct`, default
 * 0.5%). A split in the answer dated after an overlapping bar explains a difference equal to
 * its ratio when the stored prices are split-adjusted (`rebaseOnSplit`).
 */
export function reconcile(
  stored: Series | null,
  incoming: {
    bars: readonly Bar[];
    splits: readonly SplitEvent[];
    dividends: readonly DividendEvent[];
  },
  { tolerancePct = 0.5, rebaseOnSplit = true }: { tolerancePct?: number; rebaseOnSplit?: boolean } =
    {},
): Reconciliation {
  const rejected: { date: string; reason: string }[] = [];
  const valid = incoming.bars.filter((b) => {
    const problem = barProblem(b);
    if (problem) rejected.push({ date: b.date, reason: problem });
    return problem === null;
  });
  if (incoming.bars.length > 0 && valid.length === 0) {
    return {
      kind: "quarantine",
      reason: `all ${rejected.length} bar(s) violate OHLC rules`,
      conflicts: incoming.bars.slice(0, 10).map((b) => ({
        date: b.date,
        stored: null,
        received: b.close,
      })),
    };
  }
  const have = new Map<string, number>();
  if (stored) stored.dates.forEach((d, i) => have.set(d, i));
  const conflicts: { date: string; stored: number; received: number }[] = [];
  let checked = 0;
  const rescale = new Map<string, number>();
  for (const b of valid) {
    const i = have.get(b.date);
    if (i === undefined) continue;
    checked++;
    const st = stored!.close[i]!;
    if (Math.abs(b.close - st) / st * 100 <= tolerancePct) continue;
    // A later split re-bases split-adjusted history: received ≈ stored / (product of later ratios).
    const later = incoming.splits.filter((s) => s.date > b.date);
    const factor = later.reduce((a, s) => a / s.ratio, 1);
    if (
      rebaseOnSplit && later.length &&
      Math.abs(b.close - st * factor) / (st * factor) * 100 <= tolerancePct
    ) {
      for (const s of later) rescale.set(s.date, 1 / s.ratio);
      continue;
    }
    conflicts.push({ date: b.date, stored: st, received: b.close });
  }
  if (conflicts.length) {
    return {
      kind: "quarantine",
      reason:
        `${conflicts.length} of ${checked} overlapping bars differ from stored history by more than ${tolerancePct}%`,
      conflicts: conflicts.slice(0, 20),
    };
  }
  return {
    kind: "apply",
    newBars: valid.filter((b) => !have.has(b.date)),
    rescale: [...rescale].map(([before, factor]) => ({ before, factor })).sort((a, b) =>
      a.before.localeCompare(b.before)
    ),
    splits: [...incoming.splits],
    dividends: [...incoming.dividends],
    checked,
    rejected,
  };
}
