/**
 * `deno task backtest --symbol AAPL --strategy sma_cross --fast 10 --slow 50 [--from D]
 * [--to D] [--cash N] [--fee-bps N] [--min-fee N] [--slippage-bps N] [--short]
 * [--stop-loss-pct N] [--take-profit-pct N] [--trailing-stop-pct N] [--max-holding-bars N]
 * [--max-order-value N] [--max-position-pct N] [--interval 1d|1w|1mo]`:
 * runs a backtest on the stored (bundled real) bars and prints the metrics against buy-and-hold
 * and the trade table. `--max-order-value` and `--max-position-pct` are a paper account's risk
 * limits (same bounds): orders breaking them are refused and listed. Any other `--name value` is a strategy parameter; the `rule` strategy
 * takes its rules as `--entry "sma(10) crosses_above sma(50)" --exit "…"` (and
 * `--short-entry`, `--short-exit`, `--<name> N` for a `$name` parameter).
 *
 * @module
 */
import { parseParams, runRequest } from "./backtest/request.ts";
import { fail, fmt, loadBars, num, parseFlags, print, table } from "./cli_bars.ts";
import { STRATEGIES, strategyFor } from "./strategies/mod.ts";
import {
  INTERVALS,
  IntervalSchema,
  MaxOrderValueSchema,
  MaxPositionPctSchema,
} from "@trading/shared/schemas";

const KNOWN = [
  "symbol",
  "strategy",
  "from",
  "to",
  "cash",
  "fee-bps",
  "min-fee",
  "slippage-bps",
  "short",
  "stop-loss-pct",
  "take-profit-pct",
  "trailing-stop-pct",
  "max-holding-bars",
  "max-order-value",
  "max-position-pct",
  "trades",
  "interval",
];

/** Runs the task with command-line `args`. */
export async function runBacktestCli(args: string[]): Promise<void> {
  const { flags, params } = parseFlags(args, KNOWN);
  const symbol = flags.symbol?.at(-1)?.toUpperCase();
  const id = flags.strategy?.at(-1);
  if (!symbol || !id) {
    fail(
      `usage: deno task backtest --symbol AAPL --strategy ${
        Object.keys(STRATEGIES).join("|")
      } [--param value …]`,
    );
  }
  const opt = (n: string) => (flags[n] ? num(flags, n, 0) : null);
  /** A risk limit flag, checked with the wire's bounds (a paper account's). */
  const limit = (n: string, schema: typeof MaxOrderValueSchema) => {
    const r = schema.safeParse(opt(n));
    return r.success ? r.data : fail(`--${n}: ${r.error.issues[0]?.message}`);
  };
  let result;
  try {
    const strategy = strategyFor(id!, params) ??
      fail(`unknown strategy ${id}; one of ${Object.keys(STRATEGIES).join(", ")}`);
    const p = parseParams(strategy, params);
    const iv = IntervalSchema.safeParse(flags.interval?.at(-1));
    const interval = iv.success
      ? iv.data
      : fail(`--interval: one of ${INTERVALS.join(", ")}, got ${flags.interval?.at(-1)}`);
    const cols = await loadBars(symbol!, flags.from?.at(-1), flags.to?.at(-1), interval);
    result = runRequest([{ symbol: symbol!, cols }], strategy, p, {
      cash: num(flags, "cash", 100_000),
      fee_bps: num(flags, "fee-bps", 0),
      min_fee: num(flags, "min-fee", 0),
      slippage_bps: num(flags, "slippage-bps", 0),
      fractional: false,
      allow_short: flags.short?.at(-1) === "true",
      stop_loss_pct: opt("stop-loss-pct"),
      take_profit_pct: opt("take-profit-pct"),
      trailing_stop_pct: opt("trailing-stop-pct"),
      max_holding_bars: opt("max-holding-bars"),
      max_order_value: limit("max-order-value", MaxOrderValueSchema),
      max_position_pct: limit("max-position-pct", MaxPositionPctSchema),
      interval,
    });
    const at = interval === "1d" ? "" : ` (${interval} bars)`;
    print(
      `${strategy.name} on ${symbol}${at} ${result.from}..${result.to} ${JSON.stringify(p)}\n`,
    );
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const { metrics: m, benchmark: b } = result!;
  const rows: [string, keyof typeof m, boolean][] = [
    ["total return", "total_return", true],
    ["CAGR", "cagr", true],
    ["volatility (ann.)", "volatility", true],
    ["Sharpe", "sharpe", false],
    ["Sortino", "sortino", false],
    ["Calmar", "calmar", false],
    ["max drawdown", "max_drawdown", true],
    ["max drawdown bars", "max_drawdown_duration", false],
    ["trades", "trade_count", false],
    ["win rate", "win_rate", true],
    ["profit factor", "profit_factor", false],
    ["expectancy", "expectancy", false],
    ["avg win", "avg_win", false],
    ["avg loss", "avg_loss", false],
    ["exposure %", "exposure_pct", false],
    ["fees", "fees", false],
    ["final equity", "final_equity", false],
  ];
  print(
    table(
      ["metric", "strategy", "buy & hold"],
      rows.map(([label, k, pct]) => [label, fmt(m[k], pct), fmt(b[k], pct)]),
    ),
  );
  const trades = result!.trades;
  const shown = flags.trades?.at(-1) === "all" ? trades : trades.slice(-20);
  print(
    `\n${trades.length} trades${
      shown.length < trades.length ? ` (last ${shown.length}; --trades all for every one)` : ""
    }:`,
  );
  print(table(
    ["side", "entry", "price", "exit", "price", "qty", "pnl", "return", "bars", "exit reason"],
    shown.map((
      t,
    ) => [
      t.side,
      t.entry_date,
      t.entry_price.toFixed(2),
      t.exit_date,
      t.exit_price.toFixed(2),
      t.qty,
      t.pnl.toFixed(2),
      fmt(t.return_pct, true),
      t.bars_held,
      t.exit_reason,
    ]),
  ));
  const refused = result!.rejected_orders;
  if (refused.length) {
    print(`\n${refused.length} orders refused by the risk limits:`);
    print(table(
      ["date", "side", "qty", "reason"],
      refused.map((r) => [r.date, r.side, r.qty, r.reason]),
    ));
  }
}

if (import.meta.main) await runBacktestCli(Deno.args);
