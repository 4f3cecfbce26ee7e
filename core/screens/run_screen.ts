/**
 * A screen request run over in-memory columns and shaped for the wire: compile the rule and
 * columns (422 `rule_invalid` naming `rule` or `columns.N`), screen, add freshness and recent
 * closes, sort and limit. Pure given the clock.
 *
 * @module
 */
import type { ScreenRequest, ScreenResult } from "@trading/shared/schemas";
import type { Cols } from "../backtest/types.ts";
import { marketOf } from "../calendars/calendar.ts";
import { freshness } from "../market_data/freshness.ts";
import { compileRule, screen } from "../rules/mod.ts";

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

/**
 * Runs `req` over `universe` (symbol → columns) at clock `nowMs`; `lastDay` gives a symbol's
 * last stored day when the columns are weekly or monthly bars (their freshness is the data's).
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { runScreen } from "./run_screen.ts";
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const aapl = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const r = runScreen(
 *   { rule: "close > sma(50)", universe: "all", columns: ["rsi(14)"], limit: 10, interval: "1d" },
 *   new Map([["AAPL", aapl]]),
 *   Date.parse("2018-05-14T00:00:00Z"),
 * );
 * r.rows[0]?.symbol; // "AAPL"
 * ```
 */
export function runScreen(
  req: ScreenRequest,
  universe: ReadonlyMap<string, Cols>,
  nowMs: number,
  lastDay: (symbol: string) => string | undefined = () => undefined,
): ScreenResult {
  const t0 = performance.now();
  const rule = compileRule(req.rule, { expect: "condition", field: "rule" });
  const columns = req.columns.map((src, k) => compileRule(src, { field: `columns.${k}` }));
  const matches = screen(rule, universe, { asOf: req.as_of, columns });
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
    took_ms: Math.round((performance.now() - t0) * 100) / 100,
  };
}
