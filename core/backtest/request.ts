/**
 * Runs a validated backtest request (wire settings, already-loaded series) and shapes the
 * result for the wire. Shared by the HTTP route and the CLI. Pure.
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import type { Interval } from "@trading/shared/schemas";
import { barsPerYear } from "../timeframes/bars_per_year.ts";
import type { RiskLimits } from "../execution/risk.ts";
import type { Sizing } from "../execution/sizing.ts";
import { atr } from "../indicators/atr.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import type { AnyStrategy } from "../strategies/types.ts";
import { type EngineInput, type Rejection, runEngine } from "./engine.ts";
import { computeMetrics, type Metrics, yearOf } from "./metrics.ts";
import { decider, runBacktest } from "./run.ts";
import { type BacktestOptions, type Cols, DEFAULT_OPTIONS, type Trade } from "./types.ts";

/** Wire settings (snake_case) as parsed by `BacktestSettingsSchema`. */
export interface WireSettings {
  cash: number;
  fee_bps: number;
  min_fee: number;
  slippage_bps: number;
  sizing?:
    | { mode: "percent_equity"; percent: number }
    | { mode: "fixed_cash"; amount: number }
    | { mode: "atr_risk"; risk_percent: number; atr_multiple: number; atr_period: number }
    | undefined;
  fractional: boolean;
  allow_short: boolean;
  stop_loss_pct: number | null;
  take_profit_pct: number | null;
  trailing_stop_pct: number | null;
  max_holding_bars: number | null;
  /** Risk limit as a paper account's: largest order value (null or absent: none). */
  max_order_value?: number | null | undefined;
  /** Risk limit as a paper account's: largest position, percent of equity (null or absent: none). */
  max_position_pct?: number | null | undefined;
  /** Bar interval (daily when absent): sets the annualisation of the metrics. */
  interval?: Interval | undefined;
}

/** Engine options from wire settings; a basket of `n` symbols defaults to 100/n % each. */
export function toOptions(s: WireSettings, n = 1): BacktestOptions {
  let sizing: Sizing = { mode: "percent_equity", percent: 100 / n };
  if (s.sizing?.mode === "percent_equity") sizing = s.sizing;
  else if (s.sizing?.mode === "fixed_cash") sizing = s.sizing;
  else if (s.sizing?.mode === "atr_risk") {
    sizing = {
      mode: "atr_risk",
      riskPercent: s.sizing.risk_percent,
      atrMultiple: s.sizing.atr_multiple,
      atrPeriod: s.sizing.atr_period,
    };
  }
  return {
    ...DEFAULT_OPTIONS,
    cash: s.cash,
    feeBps: s.fee_bps,
    minFee: s.min_fee,
    slippageBps: s.slippage_bps,
    sizing,
    fractional: s.fractional,
    allowShort: s.allow_short,
    stopLossPct: s.stop_loss_pct,
    takeProfitPct: s.take_profit_pct,
    trailingStopPct: s.trailing_stop_pct,
    maxHoldingBars: s.max_holding_bars,
    periodsPerYear: barsPerYear(s.interval ?? "1d"),
    risk: riskOf(s),
  };
}

/**
 * The engine's risk limits from wire settings: null when neither limit is set (the engine then
 * checks nothing and the fast kernel may run).
 *
 * @example
 * ```ts
 * riskOf({ max_order_value: 5_000 }); // { maxPositionPct: null, maxOrderValue: 5000, killSwitch: false }
 * riskOf({}); // null
 * ```
 */
export function riskOf(
  s: Pick<WireSettings, "max_order_value" | "max_position_pct">,
): RiskLimits | null {
  const maxOrderValue = s.max_order_value ?? null;
  const maxPositionPct = s.max_position_pct ?? null;
  if (maxOrderValue === null && maxPositionPct === null) return null;
  return { maxPositionPct, maxOrderValue, killSwitch: false };
}

/**
 * Validates `params` with the strategy's schema; throws a {@link ValidationError} naming each
 * field as `params.<name>`.
 */
export function parseParams(strategy: AnyStrategy, params: unknown): Record<string, unknown> {
  const r = strategy.params.safeParse(params ?? {});
  if (r.success) return r.data as Record<string, unknown>;
  const issues = r.error.issues.map((i) => ({
    field: ["params", ...i.path].join("."),
    message: i.message,
  }));
  throw new ValidationError(
    `Invalid parameters for ${strategy.id}: ${
      issues.map((i) => `${i.field}: ${i.message}`).join("; ")
    }`,
    issues,
  );
}

/** Throws a 422 naming `from` when `bars` cannot cover the strategy's warm-up plus two bars. */
export function checkWarmup(strategy: AnyStrategy, params: unknown, bars: number, symbol: string) {
  const need = strategy.warmup(params) + 2;
  if (bars < need) {
    throw new ValidationError(
      `Range too short: ${symbol} has ${bars} bars in the range, ${strategy.id} needs at least ` +
        `${need} (warm-up ${need - 2} + 2 bars to trade)`,
      [{ field: "from", message: `range has ${bars} bars, needs at least ${need}` }],
    );
  }
}

/** A backtest result shaped for the wire (NaN-free). */
export interface WireResult {
  /** First and last dates. */
  from: string;
  to: string;
  metrics: Metrics;
  benchmark: Metrics;
  trades: Trade[];
  equity: { date: string; equity: number; benchmark: number }[];
  /** The risk limits it ran with (null where none). */
  risk: { max_position_pct: number | null; max_order_value: number | null };
  /** Orders the risk limits refused. */
  rejected_orders: Rejection[];
}

/**
 * Runs a strategy on one symbol or a basket (`series` already cut to the range) with wire
 * settings.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { smaCross } from "../strategies/sma_cross.ts";
 * import { runRequest, type WireSettings } from "./request.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const cols = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const settings: WireSettings = {
 *   cash: 10_000,
 *   fee_bps: 5,
 *   min_fee: 1,
 *   slippage_bps: 2,
 *   fractional: false,
 *   allow_short: false,
 *   stop_loss_pct: 8,
 *   take_profit_pct: null,
 *   trailing_stop_pct: null,
 *   max_holding_bars: null,
 * };
 * runRequest([{ symbol: "AAPL", cols }], smaCross, { fast: 10, slow: 50 }, settings);
 * ```
 */
export function runRequest(
  series: readonly { symbol: string; cols: Cols }[],
  strategy: AnyStrategy,
  params: unknown,
  settings: WireSettings,
): WireResult {
  for (const s of series) checkWarmup(strategy, params, s.cols.close.length, s.symbol);
  const opts = toOptions(settings, series.length);
  let dates: readonly string[], equity: Float64Array, bench: Float64Array;
  let metrics: Metrics, benchmark: Metrics, trades: Trade[], rejected: Rejection[];
  if (series.length === 1) {
    const { symbol, cols } = series[0]!;
    const r = runBacktest(cols, strategy, params, opts, {}, symbol);
    ({ dates, equity, metrics, benchmark, trades } = r);
    bench = r.benchmarkEquity;
    rejected = r.rejections;
  } else {
    const inputs: EngineInput[] = series.map(({ symbol, cols }) => {
      const cache = new IndicatorCache();
      const state = strategy.prepare(cols, params, cache);
      const input: EngineInput = { symbol, cols, decide: decider(strategy, cols, params, state) };
      if (opts.sizing.mode === "atr_risk") {
        input.atr = atr(cols.high, cols.low, cols.close, opts.sizing.atrPeriod);
      }
      return input;
    });
    const r = runEngine(inputs, opts);
    // buy-and-hold decides long at the first close, like the single-symbol buyAndHold()
    const hold = runEngine(
      series.map(({ symbol, cols }) => ({ symbol, cols, decide: () => 1 })),
      {
        ...opts,
        sizing: { mode: "percent_equity", percent: 100 / series.length },
        allowShort: false,
        stopLossPct: null,
        takeProfitPct: null,
        trailingStopPct: null,
        maxHoldingBars: null,
        risk: null,
      },
    );
    dates = r.dates;
    equity = r.equity;
    bench = hold.equity;
    trades = r.trades;
    rejected = r.rejections;
    metrics = computeMetrics(r.equity, opts.cash, r.tally, yearOf(opts));
    benchmark = computeMetrics(hold.equity, opts.cash, hold.tally, yearOf(opts));
  }
  return {
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    metrics,
    benchmark,
    trades,
    equity: dates.map((date, i) => ({ date, equity: equity[i]!, benchmark: bench[i]! })),
    risk: {
      max_position_pct: settings.max_position_pct ?? null,
      max_order_value: settings.max_order_value ?? null,
    },
    rejected_orders: rejected,
  };
}
