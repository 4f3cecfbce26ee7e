/**
 * A screen request run over in-memory columns and shaped for the wire: compile the rule and
 * columns (422 `rule_invalid` naming `rule` or `columns.N`), screen in slices that yield to the
 * event loop and stop at a deadline (503 `rule_timeout`), add freshness and recent closes, sort
 * and limit.
 *
 * @module
 */
import type { ScreenRequest, ScreenResult } from "@trading/shared/schemas";
import type { Cols } from "../backtest/types.ts";
import { marketOf } from "../calendars/calendar.ts";
import { freshness } from "../market_data/freshness.ts";
import { compileRule, screenPaced } from "../rules/mod.ts";
import type { OneAtATime } from "./one_at_a_time.ts";

/** Closes sent per row for its sparkline. */
export const SPARK_BARS = 60;

type Row = ScreenResult["rows"][number];

function comparator(sort: NonNullable<ScreenRequest["sort"]>): (a: Row, b: Row) => number {
  const sign = sort.order === "desc" ? -1 : 1;
  const { by } = sort;
  if (by === "symbol") return (a, b) => sign * a.symbol.localeCompare(b.symbol);
  if (by === "bars_since_true") {
    return (a, b) =>
      sign * (a.bars_since_true - b.bars_since_true) || a.symbol.localeCompare(b.symbol);
  }
  return (a, b) => {
    const x = a.values[by] ?? null, y = b.values[by] ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // nulls last
    return sign * (x - y) || a.symbol.localeCompare(b.symbol);
  };
}

/** Options of {@link runScreen}. */
export interface RunScreenOptions {
  /** A symbol's last stored day when the columns are weekly or monthly bars (freshness). */
  lastDay?: (symbol: string) => string | undefined;
  /** Longest the screen may take, ms (default the rule language's `SCREEN_DEADLINE_MS`). */
  deadlineMs?: number;
  /** A monotonic clock in milliseconds (default `performance.now()`). */
  ticks?: () => number;
  /** Where screens wait for their turn (default: none; a server shares one per process). */
  queue?: OneAtATime;
}

/**
 * Runs `req` over `universe` (symbol → columns) at clock `nowMs`, yielding to the event loop
 * between symbols; throws `RuleTimeoutError` past the deadline.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { runScreen } from "./run_screen.ts";
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const aapl = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const r = await runScreen(
 *   { rule: "close > sma(50)", universe: "all", columns: ["rsi(14)"], limit: 10, interval: "1d" },
 *   new Map([["AAPL", aapl]]),
 *   Date.parse("2018-05-14T00:00:00Z"),
 * );
 * r.rows[0]?.symbol; // "AAPL"
 * ```
 */
export async function runScreen(
  req: ScreenRequest,
  universe: ReadonlyMap<string, Cols>,
  nowMs: number,
  { lastDay = () => undefined, deadlineMs, ticks = () => performance.now(), queue }:
    RunScreenOptions = {},
): Promise<ScreenResult> {
  const t0 = ticks();
  const rule = compileRule(req.rule, { expect: "condition", field: "rule" });
  const columns = req.columns.map((src, k) => compileRule(src, { field: `columns.${k}` }));
  const run = () =>
    screenPaced(rule, universe, {
      asOf: req.as_of,
      columns,
      ticks,
      startedAt: t0,
      ...(deadlineMs === undefined ? {} : { deadlineMs }),
    });
  const matches = await (queue ? queue.run(run) : run());
  const rows: Row[] = matches.map((m) => {
    const cols = universe.get(m.symbol)!;
    const stale = req.as_of === undefined
      ? freshness(marketOf(m.symbol), lastDay(m.symbol) ?? m.asOf, nowMs).stale
      : m.stale;
    return {
      symbol: m.symbol,
      as_of: m.asOf,
      stale,
      bars_since_true: m.barsSinceTrue,
      values: m.values,
      closes: Array.from(cols.close.subarray(Math.max(0, m.index + 1 - SPARK_BARS), m.index + 1)),
    };
  });
  if (req.sort) rows.sort(comparator(req.sort));
  return {
    rule: req.rule,
    columns: req.columns,
    screened: universe.size,
    matched: rows.length,
    rows: rows.slice(0, req.limit),
    took_ms: Math.round((ticks() - t0) * 100) / 100,
  };
}
