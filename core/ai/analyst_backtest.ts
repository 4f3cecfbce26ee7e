/**
 * The analyst-rules strategy backtested over the recent bars, as facts for the analyst. Pure.
 *
 * @module
 */
import { runBacktest } from "../backtest/run.ts";
import { analystRules } from "../strategies/analyst_rules.ts";
import type { OhlcvColumns } from "../signals/mod.ts";
import type { BacktestFacts } from "./facts.ts";

/** Bars backtested: the last two years of days. */
export const BACKTEST_WINDOW = 500;
/** Costs assumed: commission and slippage in basis points. */
export const BACKTEST_COSTS = { feeBps: 5, slippageBps: 5 } as const;

/**
 * Backtest stats of the analyst-rules strategy (default parameters, long only, next-open fills,
 * {@link BACKTEST_COSTS}) over the last {@link BACKTEST_WINDOW} bars; null under 100 bars.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { analystBacktestFacts } from "./analyst_backtest.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * analystBacktestFacts(series)?.total_return_pct; // 28.6…
 * ```
 */
export function analystBacktestFacts(cols: OhlcvColumns): BacktestFacts | null {
  const n = cols.close.length;
  if (n < 100) return null;
  const from = Math.max(0, n - BACKTEST_WINDOW);
  const window = {
    dates: cols.dates.slice(from),
    open: cols.open.subarray(from),
    high: cols.high.subarray(from),
    low: cols.low.subarray(from),
    close: cols.close.subarray(from),
    volume: cols.volume.subarray(from),
  };
  const r = runBacktest(window, analystRules, analystRules.params.parse({}), BACKTEST_COSTS);
  const m = r.metrics;
  return {
    strategy:
      `analyst_rules (${BACKTEST_COSTS.feeBps} bp fees, ${BACKTEST_COSTS.slippageBps} bp slippage)`,
    from: window.dates[0]!,
    to: window.dates.at(-1)!,
    total_return_pct: m.total_return * 100,
    buy_hold_return_pct: r.benchmark.total_return * 100,
    win_rate_pct: m.win_rate === null ? null : m.win_rate * 100,
    trades: m.trade_count,
    max_drawdown_pct: m.max_drawdown * 100,
    sharpe: m.sharpe,
  };
}
