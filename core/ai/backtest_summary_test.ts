import assert from "node:assert/strict";
import { runRequest } from "../backtest/request.ts";
import { BacktestSettingsSchema } from "@trading/shared/schemas";
import { STRATEGIES } from "../strategies/mod.ts";
import { summarizeBacktests, yearlyReturns } from "./backtest_summary.ts";
import { realSeries } from "./_test_series.ts";

const settings = BacktestSettingsSchema.parse({});

Deno.test("yearlyReturns() - compounding the yearly returns gives the total return", () => {
  const strategy = STRATEGIES["rsi_reversion"]!;
  const r = runRequest(
    [{ symbol: "SPX", cols: realSeries("SPX", 2000) }],
    strategy,
    strategy.params.parse({}),
    settings,
  );
  const years = yearlyReturns(r.equity);
  assert.equal(years[0]!.year, r.from.slice(0, 4));
  assert.equal(years.at(-1)!.year, r.to.slice(0, 4));
  const total = years.reduce((a, y) => a * (1 + y.strategy), 1) - 1;
  assert.ok(Math.abs(total - r.metrics.total_return) < 1e-9);
});

Deno.test("summarizeBacktests() - metrics, yearly returns and worst trades of a stored result", () => {
  const strategy = STRATEGIES["rsi_reversion"]!;
  const params = strategy.params.parse({});
  const r = runRequest([{ symbol: "AAPL", cols: realSeries("AAPL") }], strategy, params, settings);
  const text = summarizeBacktests([
    JSON.parse(JSON.stringify({ symbols: ["AAPL"], strategy: "rsi_reversion", params, ...r })),
  ]);
  assert.match(text, /^- rsi_reversion on AAPL 2013-05-13\.\.2018-05-11 params \{/);
  assert.ok(text.includes(`return ${(r.metrics.total_return * 100).toFixed(2)}%`));
  assert.match(text, /yearly: 2013 -?\d+\.\d\d% \(hold -?\d+\.\d\d%\); 2014/);
  const worst = [...r.trades].sort((a, b) => a.return_pct - b.return_pct)[0]!;
  if (worst.return_pct < 0) assert.ok(text.includes(`${worst.entry_date}→${worst.exit_date}`));
  assert.equal(
    summarizeBacktests([{}]),
    "- ? on  ?..? params {}: return n/a (buy-and-hold n/a), max drawdown n/a, trades n/a, win rate n/a, Sharpe n/a",
  );
});
