/**
 * Data-quality report of a stored history: trading days missing against the market's
 * calendar, bars on non-trading days, zero-volume days, OHLC inconsistencies, and close-to-close
 * jumps that no split explains. Pure.
 *
 * @module
 */
import { isTradingDay, type MarketCode, tradingDays } from "../calendars/calendar.ts";
import type { SplitEvent } from "./bar.ts";
import type { Series } from "./series.ts";

/** One finding. */
export interface QualityIssue {
  /** Date concerned. */
  date: string;
  /** What is wrong. */
  kind:
    | "missing_session"
    | "non_trading_day"
    | "zero_volume"
    | "ohlc_inconsistent"
    | "unexplained_jump";
  /** Details. */
  detail: string;
}

/** The report. */
export interface QualityReport {
  /** Ticker. */
  symbol: string;
  /** Market whose calendar was used. */
  market: MarketCode;
  /** Bars checked. */
  bars: number;
  /** First and last dates. */
  first: string | null;
  /** Last date. */
  last: string | null;
  /** Counts per kind. */
  counts: Record<QualityIssue["kind"], number>;
  /** Findings (at most `limit`, oldest first). */
  issues: QualityIssue[];
}

/** Builds the quality report; `jumpPct` (default 20) is the unexplained-jump threshold. */
export function qualityReport(
  s: Series,
  market: MarketCode,
  { splits = [], jumpPct = 20, limit = 500 }: {
    splits?: readonly SplitEvent[];
    jumpPct?: number;
    limit?: number;
  } = {},
): QualityReport {
  const issues: QualityIssue[] = [];
  const n = s.dates.length;
  const counts = {
    missing_session: 0,
    non_trading_day: 0,
    zero_volume: 0,
    ohlc_inconsistent: 0,
    unexplained_jump: 0,
  };
  const add = (i: QualityIssue) => {
    counts[i.kind]++;
    if (issues.length < limit) issues.push(i);
  };
  if (n > 0) {
    const have = new Set(s.dates);
    for (const d of tradingDays(market, s.dates[0]!, s.dates[n - 1]!)) {
      if (!have.has(d)) {
        add({
          date: d,
          kind: "missing_session",
          detail: "a trading day of the calendar has no bar",
        });
      }
    }
  }
  const splitDates = new Set(splits.map((x) => x.date));
  for (let i = 0; i < n; i++) {
    const d = s.dates[i]!, o = s.open[i]!, h = s.high[i]!, l = s.low[i]!, c = s.close[i]!;
    if (!isTradingDay(market, d)) {
      add({ date: d, kind: "non_trading_day", detail: "bar on a weekend or holiday" });
    }
    if (s.volume[i] === 0) add({ date: d, kind: "zero_volume", detail: "volume is 0" });
    if (h < Math.max(o, c) || l > Math.min(o, c) || h < l) {
      add({ date: d, kind: "ohlc_inconsistent", detail: `O ${o} H ${h} L ${l} C ${c}` });
    }
    if (i > 0) {
      const prev = s.close[i - 1]!;
      const pct = ((c - prev) / prev) * 100;
      if (Math.abs(pct) >= jumpPct && !splitDates.has(d)) {
        add({
          date: d,
          kind: "unexplained_jump",
          detail: `close moved ${pct.toFixed(1)}% from ${prev} to ${c} with no split recorded`,
        });
      }
    }
  }
  return {
    symbol: s.symbol,
    market,
    bars: n,
    first: s.dates[0] ?? null,
    last: s.dates[n - 1] ?? null,
    counts,
    issues: issues.sort((a, b) => a.date.localeCompare(b.date)),
  };
}
