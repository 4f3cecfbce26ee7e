/**
 * Summaries of stored backtests for the chat's context: metrics, yearly returns and the worst
 * trades, from the stored result JSON. Pure; tolerant of results missing parts.
 *
 * @module
 */

interface StoredMetrics {
  total_return?: number;
  max_drawdown?: number;
  trade_count?: number;
  win_rate?: number | null;
  sharpe?: number | null;
}

/** The parts of a stored backtest result the summary reads. */
export interface StoredBacktest {
  /** Id. */
  id?: string;
  /** Strategy id. */
  strategy?: string;
  /** Symbols. */
  symbols?: string[];
  /** Parameters. */
  params?: unknown;
  /** First date. */
  from?: string;
  /** Last date. */
  to?: string;
  /** Strategy metrics. */
  metrics?: StoredMetrics;
  /** Buy-and-hold metrics. */
  benchmark?: StoredMetrics;
  /** Round trips. */
  trades?: { entry_date: string; exit_date: string; return_pct: number; side: string }[];
  /** Equity curve. */
  equity?: { date: string; equity: number; benchmark: number }[];
}

const pct = (x: number | null | undefined) =>
  typeof x === "number" && Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : "n/a";

/** Return of the strategy and of buy-and-hold per calendar year of the equity curve. */
export function yearlyReturns(
  equity: readonly { date: string; equity: number; benchmark: number }[],
): { year: string; strategy: number; benchmark: number }[] {
  const out: { year: string; strategy: number; benchmark: number }[] = [];
  let start = equity[0];
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i]!;
    const next = equity[i + 1];
    if (!next || next.date.slice(0, 4) !== e.date.slice(0, 4)) {
      if (start && start.equity > 0 && start.benchmark > 0) {
        out.push({
          year: e.date.slice(0, 4),
          strategy: e.equity / start.equity - 1,
          benchmark: e.benchmark / start.benchmark - 1,
        });
      }
      start = e;
    }
  }
  return out;
}

/**
 * One paragraph per backtest.
 *
 * @example
 * ```ts
 * import { summarizeBacktests } from "./backtest_summary.ts";
 *
 * // a row of the backtests table: its `result` column holds the stored JSON
 * const row = {
 *   result: JSON.stringify({
 *     strategy: "sma_cross",
 *     symbols: ["AAPL"],
 *     from: "2017-01-03",
 *     to: "2018-05-11",
 *     metrics: { total_return: 0.12, sharpe: 0.9 },
 *   }),
 * };
 * summarizeBacktests([JSON.parse(row.result)]);
 * ```
 */
export function summarizeBacktests(results: readonly StoredBacktest[]): string {
  return results.map((b) => {
    const m = b.metrics ?? {}, bm = b.benchmark ?? {};
    const lines = [
      `- ${b.strategy ?? "?"} on ${(b.symbols ?? []).join(",")} ${b.from ?? "?"}..${b.to ?? "?"}` +
      ` params ${JSON.stringify(b.params ?? {})}: return ${pct(m.total_return)}` +
      ` (buy-and-hold ${pct(bm.total_return)}), max drawdown ${pct(m.max_drawdown)},` +
      ` trades ${m.trade_count ?? "n/a"}, win rate ${pct(m.win_rate)},` +
      ` Sharpe ${typeof m.sharpe === "number" ? m.sharpe.toFixed(2) : "n/a"}`,
    ];
    const years = yearlyReturns(b.equity ?? []);
    if (years.length) {
      lines.push(
        `  yearly: ${
          years.map((y) => `${y.year} ${pct(y.strategy)} (hold ${pct(y.benchmark)})`).join("; ")
        }`,
      );
    }
    const worst = [...(b.trades ?? [])].sort((x, y) => x.return_pct - y.return_pct).slice(0, 3)
      .filter((t) => t.return_pct < 0);
    if (worst.length) {
      lines.push(
        `  worst trades: ${
          worst.map((t) => `${t.side} ${t.entry_date}→${t.exit_date} ${pct(t.return_pct)}`).join(
            "; ",
          )
        }`,
      );
    }
    return lines.join("\n");
  }).join("\n");
}
